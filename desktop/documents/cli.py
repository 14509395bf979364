"""``kense print KIND REGNO --db PATH [--lang kk|ru] -o FILE.pdf [--copies N]``.

Its help, errors and success line are in the language of ``--lang`` (desktop/core/messages.py cli_*).

KIND is checked in the handler, not by argparse ``choices``, so that papers which are not about one case (the
PSC registry of issue 5: ``kense print registry --branch N --date D ...``) can plug in through
``register_cli_kind`` without a change here. This module imports nothing heavy: ``kense find`` must not pay
for reportlab.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..core.messages import message
from .errors import KIND_TITLES, DocumentError

CASE_KINDS = ("receipt", "notification", "refusal", "referral", "certificate", "kolkhat", "label", "label-sheet")

# name -> (handler(args) -> exit code, add_arguments(parser) or None): kinds that are not one case's document
CLI_KINDS: dict[str, tuple[Callable[[argparse.Namespace], int], Callable[[argparse.ArgumentParser], None] | None]]
CLI_KINDS = {}


def register_cli_kind(name: str, handler: Callable[[argparse.Namespace], int],
                      add_arguments: Callable[[argparse.ArgumentParser], None] | None = None) -> None:
    """Plug another printable (e.g. the PSC registry) into ``kense print``; call before the parser is built."""
    CLI_KINDS[name] = (handler, add_arguments)


def whole_number(text: str) -> int:
    """argparse type: an integer, refused in the user's language (argparse would say "invalid int value")."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(message("cli_bad_int", text=text)) from None


def help_text(code: str, **params: object) -> str:
    return message(code, **params).replace("%", "%%")  # argparse %-formats help texts


def add_parser(sub: argparse._SubParsersAction) -> None:
    kinds = ", ".join((*CASE_KINDS, *CLI_KINDS))
    p = sub.add_parser("print", help=help_text("cli_help_print"),
                       description=help_text("cli_help_print_description", kinds=kinds))
    p.add_argument("kind", metavar="KIND", help=kinds)
    p.add_argument("reg_no", metavar="REGNO", nargs="?", help=help_text("cli_help_print_reg_no"))
    p.add_argument("--db", default=argparse.SUPPRESS, help=help_text("cli_help_db"))
    p.add_argument("--lang", choices=("kk", "ru"), default=argparse.SUPPRESS,
                   help=help_text("cli_help_print_lang"))
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=help_text("cli_help_print_output"))
    p.add_argument("--copies", type=whole_number, default=None, metavar="N",
                   help=help_text("cli_help_print_copies"))
    for _, add_arguments in CLI_KINDS.values():
        if add_arguments is not None:
            add_arguments(p)
    p.set_defaults(handler=cmd_print)


def cmd_print(args: argparse.Namespace) -> int:
    extra = CLI_KINDS.get(args.kind)
    if extra is not None:
        return extra[0](args)
    if args.kind not in CASE_KINDS:
        raise DocumentError("doc_unknown_kind", kind=args.kind, kinds=", ".join((*CASE_KINDS, *CLI_KINDS)))
    if not args.reg_no:
        raise DocumentError("doc_need_reg_no", kind=args.kind, cmd=args.kind)
    from ..paths import default_db_path
    from ..store import Register
    from .api import prepare, write_pdf
    from .printlog import log_print
    lang = getattr(args, "lang", None) or "kk"
    from ..cli import db_target  # a SQLite file or a postgresql:// URL
    db = db_target(getattr(args, "db", None)) if getattr(args, "db", None) else default_db_path()
    out = Path(args.output)
    with Register.open(db, check=False) as reg:
        # the print log's one rule (printlog.py): print number 1 + earlier prints of the kind, the file's name
        done = prepare(args.kind, reg, args.reg_no, lang, copies=args.copies)
        write_pdf(done.pdf, out)
        log_print(reg, None, done.reg_no, done.details(file=out), now=done.printed_at)
    kind = KIND_TITLES.get(args.kind, {}).get(lang) or args.kind
    sys.stdout.write(message("cli_print_done", lang, path=out, kind=kind, reg_no=done.reg_no, copy=done.copy_no,
                             size=len(done.pdf)) + "\n")
    return 0


# issue 5: the PSC / akimat registry registers itself as ``kense print registry`` (light module, no reportlab)
from . import registry_cli  # noqa: E402,F401
