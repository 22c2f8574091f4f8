#!/bin/sh
# Adds Koe to the desktop's application menu (for this user only): run it once from the
# unpacked Koe folder. Removing ~/.local/share/applications/koe.desktop takes it out again.
set -eu
folder=$(cd "$(dirname "$0")" && pwd)
target="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$target"
sed "s|KOE_FOLDER|$folder|g" "$folder/koe.desktop" > "$target/koe.desktop"
echo "Koe is in your application menu (from $folder)."
