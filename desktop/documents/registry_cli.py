"""``kense print registry``: plugs the PSC/akimat registry into ``kense print`` (light: no reportlab here).

    kense print registry --db PATH --branch N --date YYYY-MM-DD [--direction to-department|to-branch] -o FILE.pdf
    kense print registry --db PATH --akimat ID --date YYYY-MM-DD ... -o FILE.pdf
    kense print registry R032026000001 --db PATH -o FILE.pdf

Every registry of that branch, day and direction goes into the file (one per courier run, each from a new page).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..core.messages import message
from .cli import help_text, register_cli_kind, whole_number
from .errors import DocumentError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--branch", type=whole_number, metavar="N", help=help_text("cli_help_registry_branch"))
    p.add_argument("--akimat", type=whole_number, metavar="N", help=help_text("cli_help_registry_akimat"))
    p.add_argument("--date", metavar="DATE", help=help_text("cli_help_registry_date"))
    p.add_argument("--direction", default="to-department", metavar="DIRECTION",
                   help=help_text("cli_help_registry_direction"))


def _source(args: argparse.Namespace) -> str | None:
    branch, akimat = getattr(args, "branch", None), getattr(args, "akimat", None)
    if branch is not None and akimat is not None:
        raise DocumentError("registry_cli_source")
    if branch is not None:
        return f"psc:{branch}"
    if akimat is not None:
        return f"akimat:{akimat}"
    return None


def cmd_registry(args: argparse.Namespace) -> int:
    from ..core import packages
    from ..paths import default_db_path
    from ..store import Register
    from .registry import registry_numbers, render_registries
    lang = getattr(args, "lang", None) or "kk"
    db = Path(args.db) if getattr(args, "db", None) else default_db_path()
    source = _source(args)
    if source is None and not args.reg_no:
        raise DocumentError("registry_cli_source")
    out = Path(args.output)
    with Register.open(db, check=False) as reg:
        if args.reg_no:
            numbers = [reg.packages.registry(args.reg_no).number]
        else:
            day = args.date or dt.date.today().isoformat()
            try:
                day = dt.date.fromisoformat(day)
            except ValueError:
                raise DocumentError("bad_date", text=args.date) from None
            numbers = registry_numbers(reg, packages.source_channel(source).text, day,
                                       packages.normalise_direction(args.direction))
        pdf = render_registries(reg, numbers, lang, out=out)
    sys.stdout.write(message("cli_print_registry_done", lang, path=out, numbers=", ".join(numbers),
                             size=len(pdf)) + "\n")
    return 0


register_cli_kind("registry", cmd_registry, add_arguments)
