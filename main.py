"""Koe (声): hear your customers.

``python main.py`` opens the desktop app; ``python main.py --help`` lists the
headless commands (serve, sync, alert-email, demo, surveys list, export, contacts),
which never load Qt, so they run on a server without a display.
"""

import os
import sys

from commands.cli import build_parser, data_dir_of, run_command


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv[1:])
    if args.command == "export" and args.format == "pdf":
        _route_pdf_to_ui()
    if args.command is not None:
        return run_command(args)
    from ui.app import run  # Qt is loaded only for the desktop app

    return run(data_dir_of(args), argv)


def console_main() -> int:
    """The ``koe`` command of an installed Koe (pyproject.toml's [project.scripts])."""
    return main(sys.argv)


def _route_pdf_to_ui() -> None:
    """The PDF report draws its charts with Qt: give commands/export.py ui's writer,
    offscreen when no display is there (commands/ itself never imports Qt)."""
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("darwin", "win32")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from commands import export
    from ui.surveys.report_images import cli_pdf_writer

    export.pdf_writer = cli_pdf_writer


if __name__ == "__main__":
    sys.exit(main(sys.argv))
