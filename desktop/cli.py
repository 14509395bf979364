"""The ``kense`` command: the app, and a stable command-line interface over the register.

    kense [--db PATH] [--user NAME --screenshot FILE.png --tab TAB]   the app (demo office if the register is new)
    kense init --db PATH --office N [--admin-password P]
    kense demo --db PATH --cases N [--office N] [--seed N]   users admin, clerk, head, executor1, executor2,
                                                             inspector, collector, akim (password = user name)
    kense find --db PATH [--service S] [--stage ST] [--iin IIN] [--reg REGNO] [--name PREFIX] [--limit N] [--json]
    kense catalogue [--json]
    kense verify --db PATH|URL [--dump FILE]        --dump: restore a pg_dump archive into the (empty) --db, verify it
    kense backup --db PATH|URL -o FILE [--force]    PostgreSQL: pg_dump -Fc
    kense migrate --from FILE.sqlite3 --to postgresql://owner@host/db

Every --db takes a SQLite file or a ``postgresql://user@host[:port]/dbname`` URL (password from ~/.pgpass,
PGPASSWORD or a prompt when there is a terminal; Kense never stores it).

``--lang kk|ru|en`` may come before or after the command. Messages, help and argparse's own errors are in that
language (kk by default, or ``KENSE_LANG``); ``--json`` output keeps the canonical identifiers.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .core import messages
from .core.catalogue import load_catalogue
from .core.errors import KenseError
from .core.model import STAGES
from .paths import default_db_path

EXIT_ERROR = 2
EXIT_BROKEN = 1
# the keys of the main window's tabs (desktop/ui/mainwindow.py TABS; a GUI test keeps the two equal)
TAB_KEYS = ("clerk", "head", "executor", "register", "admin", "psc", "akim")
_REG_NO = re.compile(r"^K[0-9]{12}$")  # desktop/store/records.py format_reg_no
_REGISTRY_NO = re.compile(r"^R[0-9]{12}$")  # desktop/core/packages.py format_registry_no
_LATIN = str.maketrans({"К": "K", "к": "K", "Р": "R", "р": "R"})  # typed on a Kazakh/Russian layout


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def db_target(text: str | None) -> Path | str:
    """A ``--db`` value: a ``postgresql://`` URL as it is, anything else a SQLite file path."""
    from .store.engines import is_postgres
    if not text:
        return default_db_path()
    return text.strip() if is_postgres(text) else Path(text)


def _db(args: argparse.Namespace) -> Path | str:
    return db_target(args.db)


def _server(target: Path | str) -> bool:
    return isinstance(target, str)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(messages.message("bad_date", text=text)) from None


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(messages.message("cli_bad_int", text=text)) from None


def _help(code: str, **params: object) -> str:
    # argparse %-formats help texts (for %(default)s): a literal % must be doubled
    return messages.message(code, **params).replace("%", "%%")


def _example_reg_no() -> str:
    return f"K03{dt.date.today().year:04d}000042"


def command_language(argv: Sequence[str]) -> str:
    """The language of this command line: the last ``--lang`` given (before or after the command), else
    ``KENSE_LANG``, else kk. Known before parsing, so that argparse's own errors and the help are in it too."""
    lang = os.environ.get("KENSE_LANG", "kk")
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        if value in messages.LANGUAGES:
            lang = value
    return lang if lang in messages.LANGUAGES else "kk"


@contextlib.contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """argparse's own texts (usage, errors, help headings) in ``lang`` while the parser is built and parses.

    argparse looks its texts up through gettext at the moment it uses them (``argparse._``, ``argparse.ngettext``);
    the hook is put back afterwards, so nothing else in the process sees it.
    """
    def gettext(text: str) -> str:
        return messages.argparse_text(text, lang)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    saved = {name: getattr(argparse, name) for name in ("_", "ngettext") if hasattr(argparse, name)}
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name in ("_", "ngettext"):
            if name in saved:
                setattr(argparse, name, saved[name])
            else:
                delattr(argparse, name)


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    lang = lang or messages.language()
    previous = messages.language()
    messages.set_language(lang)
    try:
        with argparse_language(lang):
            return _build_parser()
    finally:
        messages.set_language(previous)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kense", description=_help("cli_help_description"),
                                     epilog=_help("cli_help_epilog"))
    parser.add_argument("--version", action="version", version=f"kense {__version__}",
                        help=_help("cli_help_version"))
    parser.add_argument("--lang", choices=messages.LANGUAGES, default=command_language(()),
                        help=_help("cli_help_lang"))
    parser.add_argument("--db", help=_help("cli_help_db"))
    parser.add_argument("--user", metavar="NAME", help=_help("cli_help_user"))
    parser.add_argument("--screenshot", metavar="FILE.png", help=_help("cli_help_screenshot"))
    parser.add_argument("--tab", choices=TAB_KEYS, help=_help("cli_help_tab", tabs=", ".join(TAB_KEYS)))
    sub = parser.add_subparsers(dest="command")
    db_help = _help("cli_help_db")

    p = sub.add_parser("init", help=_help("cli_help_init"))
    p.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    p.add_argument("--office", type=_whole, required=True, help=_help("cli_help_office"))
    p.add_argument("--admin-password", help=_help("cli_help_admin_password"))

    p = sub.add_parser("demo", help=_help("cli_help_demo"))
    p.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    p.add_argument("--cases", type=_whole, default=2000, metavar="N", help=_help("cli_help_demo_cases", default=2000))
    p.add_argument("--office", type=_whole, default=1, metavar="N", help=_help("cli_help_demo_office", default=1))
    p.add_argument("--seed", type=_whole, default=349, metavar="N", help=_help("cli_help_demo_seed", default=349))

    p = sub.add_parser("find", help=_help("cli_help_find"))
    p.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    p.add_argument("--service", help=_help("cli_help_service"))
    p.add_argument("--stage", choices=STAGES, metavar="STAGE", help=_help("cli_help_stage", stages=", ".join(STAGES)))
    p.add_argument("--iin", help=_help("cli_help_iin"))
    p.add_argument("--reg", metavar="REGNO", help=_help("cli_help_reg", example=_example_reg_no()))
    p.add_argument("--name", metavar="PREFIX", help=_help("cli_help_name"))
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help=_help("cli_help_from"))
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help=_help("cli_help_to"))
    p.add_argument("--overdue", action="store_true", help=_help("cli_help_overdue"))
    p.add_argument("--limit", type=_whole, default=100, metavar="N", help=_help("cli_help_limit", default=100))
    p.add_argument("--json", action="store_true", help=_help("cli_help_json"))

    p = sub.add_parser("catalogue", help=_help("cli_help_catalogue"))
    p.add_argument("--json", action="store_true", help=_help("cli_help_json"))

    p = sub.add_parser("verify", help=_help("cli_help_verify"))
    p.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    p.add_argument("--dump", metavar="FILE", help=_help("cli_help_verify_dump"))

    p = sub.add_parser("backup", help=_help("cli_help_backup"))
    p.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=_help("cli_help_backup_output"))
    p.add_argument("--force", action="store_true", help=_help("cli_help_force"))

    p = sub.add_parser("migrate", help=_help("cli_help_migrate"))
    p.add_argument("--from", dest="source", required=True, metavar="FILE.sqlite3", help=_help("cli_help_migrate_from"))
    p.add_argument("--to", dest="target", required=True, metavar="postgresql://...", help=_help("cli_help_migrate_to"))

    _add_print_parser(sub)
    for p in sub.choices.values():  # --lang after the command too (kense print keeps its own, kk or ru)
        with contextlib.suppress(argparse.ArgumentError):
            p.add_argument("--lang", choices=messages.LANGUAGES, default=argparse.SUPPRESS,
                           help=_help("cli_help_lang"))
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


def _reg_no(text: str) -> str:
    """A case's registration number as the register keeps it, or a clear refusal naming the expected form."""
    from .core.errors import ValidationError
    code = "".join(text.split()).upper().translate(_LATIN)
    if _REG_NO.match(code):
        return code
    shown = text.strip()
    if _REGISTRY_NO.match(code):
        raise ValidationError("cli_registry_not_case", field="reg", text=shown, example=_example_reg_no())
    raise ValidationError("cli_bad_reg_no", field="reg", text=shown, example=_example_reg_no())


def _stage_title(stage: str, lang: str) -> str:
    from .core.model import STAGE_TITLES
    return STAGE_TITLES.get(stage, {}).get(lang) or stage


def _decision_title(decision: str | None, lang: str) -> str:
    from .documents.errors import DECISION_TITLES  # a light module: the titles only, no reportlab
    if decision is None:
        return "-"
    return DECISION_TITLES.get(decision, {}).get(lang) or decision


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
    if args.reg:
        args.reg = _reg_no(args.reg)  # so is a mistyped registration number
    if args.limit < 1:
        raise ValidationError("bad_limit", field="limit")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValidationError("bad_period", field="period", start=args.date_from, end=args.date_to)
    filters = Filters(service=args.service, stage=args.stage, iin=args.iin, reg_no=args.reg,
                      name_prefix=args.name, registered_from=args.date_from, registered_to=args.date_to,
                      overdue_at=now_local() if args.overdue else None)
    now = now_local()
    with Register.open(_db(args), check=False) as reg:
        rows = reg.find(filters, limit=args.limit + 1)  # one more than shown: are there more?
    more, rows = len(rows) > args.limit, rows[:args.limit]
    if args.json:  # a contract: canonical identifiers, the same keys, nothing else
        _out(json.dumps([r.to_json(now) for r in rows], ensure_ascii=False, indent=1))
        return 0
    lang = args.lang
    stages = {r.stage: _stage_title(r.stage, lang) for r in rows}
    decisions = {r.decision: _decision_title(r.decision, lang) for r in rows}
    stage_width = max((len(t) for t in stages.values()), default=0)
    decision_width = max((len(t) for t in decisions.values()), default=0)
    due = messages.message("cli_due", lang)
    for r in rows:
        late = " !" if r.overdue(now) else ""
        _out(f"{r.reg_no}  {r.service}  {stages[r.stage]:<{stage_width}}  {decisions[r.decision]:<{decision_width}}  "
             f"{r.iin}  {r.applicant:<40} {r.registered_at:%Y-%m-%d %H:%M}  {due} {r.due_at:%Y-%m-%d %H:%M}{late}")
    _out(messages.message("cli_found", shown=len(rows), limit=args.limit))
    if more:
        _out(messages.message("cli_found_more", shown=len(rows)))
    return 0


def cmd_catalogue(args: argparse.Namespace) -> int:
    from .core.model import ROLE_TITLES
    cat = load_catalogue()
    if args.json:  # a contract: canonical identifiers
        _out(json.dumps(cat.to_json(), ensure_ascii=False, indent=1))
        return 0
    lang = args.lang
    _out(messages.message("cli_catalogue_heading", lang, name=cat.name, version=cat.version))
    actors = {s.actor: ROLE_TITLES.get(s.actor, {}).get(lang) or s.actor for svc in cat.services for s in svc.steps}
    units = {s.duration_unit: messages.message(f"cli_unit_{s.duration_unit}", lang)
             for svc in cat.services for s in svc.steps}
    actor_width = max(map(len, actors.values()), default=0)
    unit_width = max(map(len, units.values()), default=0)
    for s in cat.services:
        _out(f"\n{s.code}  {s.title(lang)}")
        for i, step in enumerate(s.steps, 1):
            _out(f"   {i}. {actors[step.actor]:<{actor_width}} {step.duration_value:>3} "
                 f"{units[step.duration_unit]:<{unit_width}} {step.title_ru if lang == 'ru' else step.title_kk}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .store import Register
    target = _db(args)
    if args.dump:
        _restore_dump(target, Path(args.dump))
    with Register.open(target, check=False) as reg:
        report = reg.verify()
    if report.ok:
        _out(messages.message("cli_verify_ok", events=report.events))
        if args.dump:
            _out(messages.message("cli_verify_dump_ok", dump=args.dump, path=reg.path))
        return 0
    if report.integrity != "ok":
        _err(messages.message("cli_verify_integrity", detail=report.integrity))
    if report.first_broken is not None:
        _err(messages.message("cli_verify_event", event=report.first_broken, detail=report.problem))
    return EXIT_BROKEN


def _restore_dump(target: Path | str, dump: Path) -> None:
    """``kense verify --dump FILE --db postgresql://.../scratch``: a pg_dump archive restored into an empty scratch
    database, which is then verified like any register (the trail re-hashed event by event)."""
    from .store.engines import postgres
    if not _server(target):
        raise KenseError("cli_dump_needs_server")
    if not dump.is_file():
        raise KenseError("cli_dump_missing", path=dump)
    conn = postgres.connect(str(target))
    try:
        empty = postgres.ENGINE.is_empty(conn)
    finally:
        conn.close()
    if not empty:
        raise KenseError("cli_dump_target_not_empty", path=postgres.redact(str(target)))
    postgres.ENGINE.restore(str(target), str(dump))


def cmd_backup(args: argparse.Namespace) -> int:
    from .store import Register
    out = Path(args.output)
    db = _db(args)
    if out.is_dir():
        raise KenseError("cli_backup_is_folder", path=out, example=out / ("backup.dump" if _server(db)
                                                                          else "backup.sqlite3"))
    if not out.parent.is_dir():  # SQLite would say only "unable to open database file"
        raise KenseError("cli_backup_no_folder", folder=out.parent)
    if out.exists():
        if not _server(db) and db.exists() and out.resolve() == db.resolve():
            raise KenseError("backup_same_file")
        if not args.force:
            raise KenseError("cli_backup_exists", path=out)
    if _server(db):
        return _backup_server(db, out)
    with Register.open(db) as reg:
        report = reg.backup(out)  # written beside as FILE.part and renamed over FILE only once verified
    _out(messages.message("cli_backup_done", path=args.output, events=report.events))
    return 0


def _backup_server(url: str, out: Path) -> int:
    """PostgreSQL: the live trail is verified, then ``pg_dump -Fc`` writes FILE.part, renamed over FILE once
    pg_restore can read its table of contents. A dump is checked in full by ``kense verify --dump``."""
    from .store import Register
    from .store.engines import postgres
    with Register.open(url, check=False) as reg:
        report = reg.verify()
        shown = reg.path
    if not report.ok:
        _err(messages.message("cli_verify_event", event=report.first_broken, detail=report.problem))
        return EXIT_BROKEN
    part = out.with_name(out.name + ".part")
    try:
        postgres.ENGINE.dump(url, str(part))
        postgres.ENGINE.check_dump(str(part))
        os.replace(part, out)
    finally:
        if part.exists():
            part.unlink()
    _out(messages.message("cli_backup_dump_done", path=out, events=report.events, db=shown))
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from .store.migrate import migrate
    report = migrate(Path(args.source), args.target, progress=lambda step: None)
    _out(messages.message("cli_migrate_done", source=report.source, target=report.target,
                          seconds=f"{report.seconds:.1f}", events=report.events))
    width = max(len(t) for t, _, _ in report.counts)
    _out(f"  {'':<{width}}  {messages.message('cli_migrate_source'):>10}  {messages.message('cli_migrate_target'):>10}")
    for table, a, b in report.counts:
        _out(f"  {table:<{width}}  {a:>10}  {b:>10}{'' if a == b else '  !'}")
    _out("")
    _out(messages.message("cli_migrate_passwords"))
    name_width = max((len(u) for u in report.passwords), default=0)
    for user, password in sorted(report.passwords.items()):
        _out(f"  {user:<{name_width}}  {password}")
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
            "verify": cmd_verify, "backup": cmd_backup, "migrate": cmd_migrate}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = command_language(argv)
    messages.set_language(lang)  # argparse's errors and the help are in it too, and --from's date errors
    with argparse_language(lang):
        parser = build_parser(lang)
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
        if exc.code == "login_failed" and args.command and "postgres" in str(getattr(args, "db", "") or
                                                                           getattr(args, "target", "") or ""):
            _err(f"kense: {messages.message('cli_server_password', args.lang)}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (e.g. `| head`) went away: not an error of ours
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
