"""Where Kense finds its data files and keeps the user's register."""
from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """A top-level folder (data/, forms/, resources/): installed as desktop.<name>, or beside the package."""
    installed = _PACKAGE / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def data_dir() -> Path:
    """The catalogue and reference lists; KENSE_DATA_DIR overrides (an office's own edited copy)."""
    override = os.environ.get("KENSE_DATA_DIR")
    return Path(override) if override else _bundled("data")


def forms_dir() -> Path:
    return _bundled("forms")


def resources_dir() -> Path:
    return _bundled("resources")


def user_data_dir() -> Path:
    """The per-user folder for the register, logs and settings (XDG on Linux, APPDATA on Windows)."""
    override = os.environ.get("KENSE_HOME")
    if override:
        return Path(override)
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "kense"


def default_db_path() -> Path:
    return user_data_dir() / "register.sqlite3"
