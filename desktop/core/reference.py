"""Reference lists from the regulation: district departments, village akimats, public service centre branches."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def reference(path: Path | None = None) -> dict[str, Any]:
    if path is None:
        from ..paths import data_dir
        path = data_dir() / "reference.json"
    return _load(str(path))


def offices() -> list[dict[str, Any]]:
    return reference()["district_offices"]


def office(number: int) -> dict[str, Any] | None:
    return next((o for o in offices() if o["number"] == number), None)


def akimats() -> list[dict[str, Any]]:
    return reference()["akimats"]


def akimat(akimat_id: int) -> dict[str, Any] | None:
    return next((a for a in akimats() if a["id"] == akimat_id), None)


def psc_branches() -> list[dict[str, Any]]:
    return reference()["psc_branches"]


def psc_branch(number: int) -> dict[str, Any] | None:
    return next((b for b in psc_branches() if b["number"] == number), None)
