"""Koe (声): hear your customers.

``python main.py`` opens the desktop app; ``python main.py --help`` lists the
headless commands (serve, sync, demo, surveys list, export, contacts), which never
load Qt, so they run on a server without a display.
"""

import sys

from commands.cli import build_parser, data_dir_of, run_command


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv[1:])
    if args.command is not None:
        return run_command(args)
    from ui.app import run  # Qt is loaded only for the desktop app

    return run(data_dir_of(args), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
