"""The ``kense`` command: the app, and a stable command-line interface over the register.

    kense [--db PATH]                                    start the app (demo office if the register is new)
    kense init --db PATH --office N [--admin-password P]
    kense demo --db PATH --cases N
    kense find --db PATH [--service S] [--stage ST] [--iin IIN] [--reg REGNO] [--name PREFIX] [--limit N] [--json]
    kense catalogue [--json]
    kense verify --db PATH
    kense backup --db PATH -o FILE
"""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .core import messages
from .core.catalogue import load_catalogue
from .core.errors import KenseError
from .core.model import STAGES
from .paths import default_db_path

EXIT_ERROR = 2
EXIT_BROKEN = 1


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _db(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(messages.message("bad_date", text=text)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kense", description="Kense — case register of a district department "
                                     "of employment and social programmes.")
    parser.add_argument("--version", action="version", version=f"kense {__version__}")
    parser.add_argument("--lang", choices=messages.LANGUAGES, default=os.environ.get("KENSE_LANG", "kk"),
                        help="language of messages and documents (default kk)")
    parser.add_argument("--db", help="register file (default: in the user's data directory)")
    parser.add_argument("--user", help="log in as this user (GUI; with --screenshot no password is asked)")
    parser.add_argument("--screenshot", help="render the window offscreen into this PNG and exit")
    parser.add_argument("--tab", choices=("clerk", "head", "executor", "register", "admin"),
                        help="the tab to show first")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("init", help="create a register for one district department")
    p.add_argument("--db", default=argparse.SUPPRESS)
    p.add_argument("--office", type=int, required=True, help="department number 1–19 (regulation annex 1)")
    p.add_argument("--admin-password", help="password of the first admin account (asked when omitted)")

    p = sub.add_parser("demo", help="fill a register with a realistic synthetic office")
    p.add_argument("--db", default=argparse.SUPPRESS)
    p.add_argument("--cases", type=int, default=2000)
    p.add_argument("--office", type=int, default=1)
    p.add_argument("--seed", type=int, default=349)

    p = sub.add_parser("find", help="search the register")
    p.add_argument("--db", default=argparse.SUPPRESS)
    p.add_argument("--service", help="S1..S7")
    p.add_argument("--stage", choices=STAGES)
    p.add_argument("--iin")
    p.add_argument("--reg", help="registration number")
    p.add_argument("--name", help="applicant name prefix (surname first)")
    p.add_argument("--from", dest="date_from", type=_date, help="registered on or after (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=_date, help="registered on or before (YYYY-MM-DD)")
    p.add_argument("--overdue", action="store_true", help="only open cases past their due time")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("catalogue", help="show the service catalogue in force")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("verify", help="check the file's integrity and the audit chain")
    p.add_argument("--db", default=argparse.SUPPRESS)

    p = sub.add_parser("backup", help="copy the register safely while it is in use")
    p.add_argument("--db", default=argparse.SUPPRESS)
    p.add_argument("-o", "--output", required=True)

    _add_print_parser(sub)
    return parser


def _add_print_parser(sub: argparse._SubParsersAction) -> None:
    try:
        from .documents.cli import add_parser
    except ImportError:
        return
    add_parser(sub)


# ---------------------------------------------------------------- commands

def cmd_init(args: argparse.Namespace) -> int:
    from .store import Register
    password = args.admin_password
    if password is None:
        if not sys.stdin.isatty():
            raise KenseError("cli_need_password")
        password = getpass.getpass("admin password: ")
    # refuse bad input before a file is created, so a failed init leaves nothing behind
    from .core import reference
    from .core.errors import ValidationError
    from .store.register import MIN_PASSWORD
    if reference.office(args.office) is None:
        raise ValidationError("unknown_office", field="office", number=args.office, max=len(reference.offices()))
    if len(password) < MIN_PASSWORD:
        raise ValidationError("weak_password", field="password", n=MIN_PASSWORD)
    with Register.open(_db(args), create=True) as reg:
        admin = reg.initialise(args.office, password)
        office = reg.office()
        name = office["name_ru"] if args.lang == "ru" else office["name_kk"]
        _out(messages.message("cli_init_done", path=reg.path, office=name, number=args.office, user=admin.username))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .store import Register
    from .store.demo import load_demo
    start = dt.datetime.now()
    with Register.open(_db(args), create=True) as reg:
        if reg.office_number is not None and not reg.is_demo:
            raise KenseError("cli_not_demo")
        made = load_demo(reg, cases=args.cases, office=args.office, seed=args.seed,
                         progress=lambda done, total: None)
        seconds = (dt.datetime.now() - start).total_seconds()
        users = ", ".join(sorted(u.username for u in reg.users()))
        _out(messages.message("cli_demo_done", path=reg.path, cases=made, seconds=f"{seconds:.1f}", users=users))
    return 0


def cmd_find(args: argparse.Namespace) -> int:
    from .core.errors import ValidationError
    from .core.iin import parse_iin
    from .store import Filters, Register, now_local
    if args.service:
        args.service = args.service.strip().upper()
        if args.service not in load_catalogue().codes:
            raise KenseError("unknown_service", code=args.service)
    if args.iin:
        args.iin = parse_iin(args.iin).text  # a mistyped IIN is an error, not "0 cases"
    if args.limit < 1:
        raise ValidationError("bad_limit", field="limit")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValidationError("bad_period", field="period", start=args.date_from, end=args.date_to)
    filters = Filters(service=args.service, stage=args.stage, iin=args.iin, reg_no=args.reg,
                      name_prefix=args.name, registered_from=args.date_from, registered_to=args.date_to,
                      overdue_at=now_local() if args.overdue else None)
    now = now_local()
    with Register.open(_db(args), check=False) as reg:
        rows = reg.find(filters, limit=args.limit)
    if args.json:
        _out(json.dumps([r.to_json(now) for r in rows], ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        late = " !" if r.overdue(now) else ""
        _out(f"{r.reg_no}  {r.service}  {r.stage:<20} {r.decision or '-':<8} {r.iin}  {r.applicant:<40} "
             f"{r.registered_at:%Y-%m-%d %H:%M}  due {r.due_at:%Y-%m-%d %H:%M}{late}")
    _out(messages.message("cli_found", shown=len(rows), limit=args.limit))
    return 0


def cmd_catalogue(args: argparse.Namespace) -> int:
    cat = load_catalogue()
    if args.json:
        _out(json.dumps(cat.to_json(), ensure_ascii=False, indent=1))
        return 0
    lang = args.lang
    _out(f"{cat.name} (version {cat.version})")
    for s in cat.services:
        _out(f"\n{s.code}  {s.title(lang)}")
        for i, step in enumerate(s.steps, 1):
            _out(f"   {i}. {step.actor:<9} {step.duration_value:>3} {step.duration_unit:<14} "
                 f"{step.title_ru if lang == 'ru' else step.title_kk}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .store import Register
    with Register.open(_db(args), check=False) as reg:
        report = reg.verify()
    if report.ok:
        _out(messages.message("cli_verify_ok", events=report.events))
        return 0
    if report.integrity != "ok":
        _err(messages.message("cli_verify_integrity", detail=report.integrity))
    if report.first_broken is not None:
        _err(messages.message("cli_verify_event", event=report.first_broken, detail=report.problem))
    return EXIT_BROKEN


def cmd_backup(args: argparse.Namespace) -> int:
    from .store import Register
    with Register.open(_db(args)) as reg:
        report = reg.backup(Path(args.output))
    _out(messages.message("cli_backup_done", path=args.output, events=report.events))
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    """Bare ``kense``: the GUI on the user's register (a demo office when it is new)."""
    try:
        from .ui.app import run
    except ImportError as exc:  # Qt cannot load here (missing system libraries): show what the register holds
        from .store.demo import ensure_demo_register
        reg = ensure_demo_register(_db(args))
        with reg:
            _out(json.dumps(reg.summary(), ensure_ascii=False, indent=1))
        _err(f"(GUI not available: {exc})")
        return 0
    return run(args)


COMMANDS = {"init": cmd_init, "demo": cmd_demo, "find": cmd_find, "catalogue": cmd_catalogue,
            "verify": cmd_verify, "backup": cmd_backup}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    messages.set_language(args.lang)
    if not hasattr(args, "db"):
        args.db = None
    handler = COMMANDS.get(args.command)
    if handler is None and args.command is not None:
        handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return cmd_app(args)
        return handler(args)
    except KenseError as exc:
        _err(f"kense: {exc.message(args.lang)}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (e.g. `| head`) went away: not an error of ours
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
