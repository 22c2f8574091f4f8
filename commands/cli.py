"""The command line of DESIGN.md: parsing and dispatch.

``main.py`` with no sub-command opens the desktop app; the sub-commands run
headless. A command that cannot do its job prints one line on stderr and
exits non-zero; one that a later version will bring exits 2. Whatever a
command cannot do (a damaged file, a full disk, a reader that stopped reading)
ends in that one line, never a traceback; the details of an unexpected error go
to the workspace's log.

Just over 400 lines because it is the whole command-line contract in one place:
every sub-command's options and its dispatch, as DESIGN.md lists them.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from commands.errors import CommandError
from storage.data_dir import resolve_data_dir

# The storage modules are imported by the commands that use them: the desktop
# app parses its arguments here and then opens its window before loading SQLite.
if TYPE_CHECKING:
    from storage.workspace import Workspace

log = logging.getLogger(__name__)


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="workspace folder (default: $KOE_DATA_DIR, else the platform's user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    # No fixed program name: usage lines say main.py, koe or koe-cli, as it was started.
    parser = argparse.ArgumentParser(
        description="Koe: hear your customers. Without a command: the desktop app."
    )
    _data_dir_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="create a demo workspace full of realistic data")
    _data_dir_option(demo)

    serve = commands.add_parser("serve", help="run the respondent site without a window")
    _data_dir_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, help="port (default: the workspace setting, 8765)")
    serve.add_argument("--public-url", metavar="URL", help="address respondents' links use")
    serve.add_argument(
        "--sync-key-file",
        type=Path,
        metavar="FILE",
        help="turn on the sync API for the desktop, with the key in FILE (or $KOE_SYNC_KEY)",
    )
    serve.add_argument(
        "--trusted-proxy",
        action="append",
        metavar="ADDR",
        help="a reverse proxy's address whose X-Forwarded-For is believed (remembered; repeat)",
    )
    serve.add_argument("--tls-cert", type=Path, metavar="FILE", help="serve HTTPS: certificate")
    serve.add_argument("--tls-key", type=Path, metavar="FILE", help="serve HTTPS: private key")
    serve.add_argument(
        "--secrets-passphrase-file",
        type=Path,
        metavar="FILE",
        help="where there is no keyring: the encrypted secrets file's passphrase, in FILE "
        "(or $KOE_SECRETS_PASSPHRASE)",
    )
    serve.add_argument(
        "--backup-copy-to",
        type=Path,
        metavar="DIR",
        help="a second folder each daily backup is copied to, e.g. another disk (remembered)",
    )

    alert_email = commands.add_parser(
        "alert-email",
        help="on a public host: the email server it sends the owners' alerts through",
    )
    _data_dir_option(alert_email)
    alert_email.add_argument("--smtp-host", metavar="HOST", help="the mail server's name")
    alert_email.add_argument("--smtp-port", type=int, default=587, metavar="PORT")
    alert_email.add_argument("--security", choices=["starttls", "tls", "none"], default="starttls")
    alert_email.add_argument("--user", default="", help="the login, if the server wants one")
    alert_email.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help="the login's password, in FILE (or $KOE_SMTP_PASSWORD, or asked)",
    )
    alert_email.add_argument("--from", dest="from_address", metavar="ADDRESS")
    alert_email.add_argument(
        "--secrets-passphrase-file",
        type=Path,
        metavar="FILE",
        help="the encrypted secrets file's passphrase, as serve reads it "
        "(or $KOE_SECRETS_PASSPHRASE)",
    )
    alert_email.add_argument(
        "--no-check", action="store_true", help="save without reaching the server first"
    )
    alert_email.add_argument("--off", action="store_true", help="forget the server")

    sync = commands.add_parser("sync", help="sync the workspace with its public host once")
    _data_dir_option(sync)
    sync.add_argument("--host", metavar="URL", help="the host's address (remembered)")
    sync.add_argument(
        "--key-file", type=Path, metavar="FILE", help="the sync key (default: $KOE_SYNC_KEY)"
    )
    sync.add_argument(
        "--ca-file", type=Path, metavar="FILE", help="trust only this CA for the host's certificate"
    )
    sync.add_argument("--page-size", type=int, default=200, metavar="N", help=argparse.SUPPRESS)

    surveys = commands.add_parser("surveys", help="list surveys")
    surveys_commands = surveys.add_subparsers(
        dest="surveys_command", metavar="ACTION", required=True
    )
    surveys_list = surveys_commands.add_parser("list", help="one tab-separated line a survey")
    _data_dir_option(surveys_list)
    surveys_list.add_argument(
        "--archived", action="store_true", help="list archived surveys too (status: closed)"
    )

    export = commands.add_parser("export", help="export a survey's responses")
    _data_dir_option(export)
    export.add_argument("--survey", type=int, required=True, metavar="ID")
    export.add_argument("--format", choices=["csv", "xlsx", "pdf"], required=True)
    export.add_argument("--out", type=Path, metavar="FILE")
    export.add_argument("--bom", action="store_true", help="UTF-8 with BOM, for Japanese Excel")
    export.add_argument(
        "--language",
        choices=["ja", "en"],
        help="the language of the Excel workbook's sheets and labels and of the PDF report"
        " (default: the survey's); a CSV's header is the same in every language",
    )

    contacts = commands.add_parser("contacts", help="import or export contacts")
    contacts_commands = contacts.add_subparsers(
        dest="contacts_command", metavar="ACTION", required=True
    )
    contacts_import = contacts_commands.add_parser("import", help="import a CSV or Excel file")
    _data_dir_option(contacts_import)
    contacts_import.add_argument("file", type=Path, metavar="FILE")
    contacts_import.add_argument(
        "--region", help="country of numbers without +: JP, US… (default: from the locale)"
    )
    contacts_import.add_argument(
        "--encoding", help="utf-8, utf-8-sig, cp932, utf-16-le… (default: detected)"
    )
    contacts_import.add_argument(
        "--consent",
        choices=("none", "sms", "email", "both"),
        default="none",
        help="for a file without a consent column: the channels everyone in it agreed to"
        " (default: none recorded)",
    )
    contacts_events = contacts_commands.add_parser("events", help="customer events")
    events_commands = contacts_events.add_subparsers(
        dest="events_command", metavar="ACTION", required=True
    )
    events_import = events_commands.add_parser(
        "import", help="events from a CSV: contact (phone, email or id), event, date"
    )
    _data_dir_option(events_import)
    events_import.add_argument("file", type=Path, metavar="FILE")
    events_import.add_argument("--region", help="country of phone numbers without +")
    contacts_export = contacts_commands.add_parser("export", help="all contacts as CSV")
    _data_dir_option(contacts_export)
    contacts_export.add_argument("--out", type=Path, metavar="FILE")

    digest = commands.add_parser("digest", help="the owners' weekly digest email")
    digest_commands = digest.add_subparsers(dest="digest_command", metavar="ACTION", required=True)
    digest_send = digest_commands.add_parser(
        "send", help="send this week's digest to the owners now (once per week)"
    )
    _data_dir_option(digest_send)
    digest_send.add_argument(
        "--dry-run", action="store_true", help="print who would get it and its text; send nothing"
    )
    programmes = commands.add_parser("programmes", help="list the survey programmes")
    programmes_commands = programmes.add_subparsers(
        dest="programmes_command", metavar="ACTION", required=True
    )
    programmes_list = programmes_commands.add_parser("list", help="one tab-separated line each")
    _data_dir_option(programmes_list)

    backups = commands.add_parser("backups", help="restore a backup of the workspace")
    backups_commands = backups.add_subparsers(
        dest="backups_command", metavar="ACTION", required=True
    )
    restore = backups_commands.add_parser(
        "restore", help="put a backup in place of the workspace file (also a damaged one)"
    )
    _data_dir_option(restore)
    restore.add_argument(
        "file",
        type=Path,
        nargs="?",
        metavar="FILE",
        help="the backup to restore (default: the newest good one in the backups folder)",
    )
    return parser


def _with_writer(data_dir: Path, action: Callable[[Workspace], int]) -> int:
    from storage import logfile
    from storage.workspace import Workspace

    workspace = Workspace.open(data_dir)
    try:
        logfile.configure(workspace.log_dir)
        return action(workspace)
    finally:
        workspace.close()


def _with_reader(data_dir: Path, action: Callable[[Workspace], int]) -> int:
    from storage.workspace import Workspace

    workspace = Workspace.open_read_only(data_dir)
    try:
        return action(workspace)
    finally:
        workspace.close()


def _dispatch(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    if args.command == "demo":
        from commands import demo

        def make_demo(workspace: Workspace) -> int:
            print(demo.run(workspace))
            return 0

        return _with_writer(data_dir, make_demo)
    if args.command == "serve":
        from commands import serve

        return _with_writer(
            data_dir,
            lambda ws: serve.run(
                ws,
                args.host,
                args.port,
                args.public_url,
                sync_key_file=args.sync_key_file,
                trusted_proxies=args.trusted_proxy,
                tls_cert=args.tls_cert,
                tls_key=args.tls_key,
                secrets_passphrase_file=args.secrets_passphrase_file,
                backup_copy_to=args.backup_copy_to,
            ),
        )
    if args.command == "alert-email":
        from commands import alert_email

        return alert_email.run(
            data_dir,
            smtp_host=args.smtp_host,
            port=args.smtp_port,
            security=args.security,
            user=args.user,
            from_address=args.from_address,
            password_file=args.password_file,
            passphrase_file=args.secrets_passphrase_file,
            check=not args.no_check,
            off=args.off,
        )
    if args.command == "sync":
        from commands import sync

        return _with_writer(
            data_dir,
            lambda ws: sync.run(ws, args.host, args.key_file, args.ca_file, args.page_size),
        )
    if args.command == "surveys":
        from commands import surveys_list

        return _with_reader(
            data_dir, lambda ws: surveys_list.run(ws, sys.stdout, archived=args.archived)
        )
    if args.command == "export":
        from commands import export

        return _with_reader(
            data_dir,
            lambda ws: export.run(ws, args.survey, args.format, args.out, args.bom, args.language),
        )
    if args.command == "contacts":
        from commands import contacts

        if args.contacts_command == "import":
            return _with_writer(
                data_dir,
                lambda ws: contacts.run_import(
                    ws, args.file, args.region, args.encoding, consent=args.consent
                ),
            )
        if args.contacts_command == "events":
            from commands import contact_events

            return _with_writer(
                data_dir, lambda ws: contact_events.run_import(ws, args.file, args.region)
            )
        return _with_reader(data_dir, lambda ws: contacts.run_export(ws, args.out))
    if args.command == "digest":
        from commands import digest

        if args.dry_run:
            return _with_reader(data_dir, lambda ws: digest.run(ws, sys.stdout, dry_run=True))
        return _with_writer(data_dir, lambda ws: digest.run(ws, sys.stdout))
    if args.command == "programmes":
        from commands import programmes

        return _with_reader(data_dir, lambda ws: programmes.run(ws))
    if args.command == "backups":
        from commands import backups

        return backups.run_restore(data_dir, args.file)
    raise CommandError(f"unknown command {args.command}")


def data_dir_of(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))


def run_command(args: argparse.Namespace) -> int:
    """Run a headless command; returns the process exit code."""
    from storage.backups import BackupError
    from storage.workspace import WorkspaceError

    try:
        code = _dispatch(args)
        sys.stdout.flush()  # here, where a closed pipe can still be caught
        return code
    except BrokenPipeError:
        return _reader_gone()
    except (CommandError, WorkspaceError, BackupError) as error:
        print(f"koe: {error}", file=sys.stderr)
        return error.code if isinstance(error, CommandError) else 1
    except KeyboardInterrupt:
        return 130
    except (sqlite3.Error, OSError) as error:
        print(f"koe: {_plain(error)}", file=sys.stderr)
        _log_details(args)
        return 1
    except Exception as error:
        where = _log_details(args)
        details = f" (details in {where})" if where else ""
        print(f"koe: something unexpected went wrong: {error}{details}", file=sys.stderr)
        return 1


# A shell reports a process killed by SIGPIPE as 128 + 13, as `seq 9999 | head -1` shows.
BROKEN_PIPE = 141


def _reader_gone() -> int:
    """The reader of standard output stopped (``surveys list | head -1``): not an error
    to report. Python's recipe: point stdout at devnull so the final flush is silent."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return BROKEN_PIPE


def _plain(error: sqlite3.Error | OSError) -> str:
    """What SQLite or the disk refused, in words: a full disk first, not as damage."""
    from storage import integrity

    if integrity.is_disk_full(error):
        return "the disk is full; free some space and try again (nothing was lost)"
    if isinstance(error, sqlite3.Error):
        if integrity.is_damage(error):
            return (
                f"the workspace file is damaged ({error}); restore a backup with "
                "`main.py backups restore`"
            )
        return f"the workspace could not be read or written ({error})"
    name = f": {error.filename}" if error.filename else ""
    return f"{error.strerror or error}{name}"


def _log_details(args: argparse.Namespace) -> Path | None:
    """Write the current exception's traceback to the workspace's log, if it has one."""
    from storage import logfile

    folder = data_dir_of(args)
    if not folder.is_dir():
        return None
    try:
        path = logfile.configure(folder / "logs")
    except OSError:
        return None
    log.exception("command %s failed", args.command)
    return path
