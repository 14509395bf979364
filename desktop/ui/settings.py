"""The user's remembered choices, declared once with type and default, over an INI file (QSettings).

Every setting lives in ``OPTIONS`` (Picard's pattern): one place says what is remembered, its type and its default,
so a missing or garbled value falls back to the default instead of surprising the code. The file path is injected,
so tests keep their settings in ``tmp_path`` and never touch the user's file.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from PySide6.QtCore import QByteArray, QSettings

from ..paths import user_data_dir

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    choices: tuple[Any, ...] = ()


OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("window/geometry", QByteArray, QByteArray()),
    Option("window/last_tab", str, ""),
    Option("window/last_tab_user", str, ""),  # whose last tab it is: another user opens on their own main tab
    Option("casecard/geometry", QByteArray, QByteArray()),
    Option("ui/language", str, "kk", ("kk", "ru", "en")),
    Option("clerk/last_service", str, ""),
    Option("login/last_user", str, ""),
    Option("backup/last_dir", str, ""),
    # the register this desk works on: a SQLite file, or the office server's postgresql:// URL — never a password
    Option("connection/register", str, ""),
)}


def without_password(target: str) -> str:
    """A libpq URL without its password (in the user part or a ``password=`` parameter); a path as it is."""
    text = target.strip()
    if not text.lower().startswith(("postgresql://", "postgres://")):
        return text
    parts = urlsplit(text)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = f"{userinfo.split(':', 1)[0]}@{host}" if userinfo.split(":", 1)[0] else host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def default_settings_path() -> Path:
    return user_data_dir() / "kense.ini"


class Settings:
    """Typed access to the remembered settings; ``get``/``set`` refuse keys not declared in OPTIONS."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._qs.value("meta/version") is None:
            self._qs.setValue("meta/version", SETTINGS_VERSION)

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        raw = self._qs.value(key)
        if raw is None:
            return option.default
        value = self._convert(option, raw)
        if value is None or (option.choices and value not in option.choices):
            return option.default
        return value

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        if not isinstance(value, option.type):
            raise TypeError(f"setting {key} takes {option.type.__name__}, not {type(value).__name__}")
        if option.choices and value not in option.choices:
            raise ValueError(f"setting {key} must be one of {option.choices}")
        self._qs.setValue(key, value)

    def is_set(self, key: str) -> bool:
        return key in OPTIONS and self._qs.contains(key)

    def sync(self) -> None:
        self._qs.sync()

    @staticmethod
    def _convert(option: Option, raw: Any) -> Any:
        if isinstance(raw, option.type):
            return raw
        try:
            if option.type is QByteArray:
                return QByteArray(raw) if isinstance(raw, (bytes, bytearray)) else None
            if option.type is bool:
                return str(raw).lower() in ("1", "true", "yes")
            return option.type(raw)
        except (TypeError, ValueError):
            return None

    # ---------------------------------------------------------------- the named settings

    @property
    def language(self) -> str:
        return self.get("ui/language")

    @language.setter
    def language(self, value: str) -> None:
        self.set("ui/language", value)

    @property
    def last_service(self) -> str:
        return self.get("clerk/last_service")

    @last_service.setter
    def last_service(self, value: str) -> None:
        self.set("clerk/last_service", value)

    @property
    def last_tab(self) -> str:
        return self.get("window/last_tab")

    @last_tab.setter
    def last_tab(self, value: str) -> None:
        self.set("window/last_tab", value)

    @property
    def last_tab_user(self) -> str:
        return self.get("window/last_tab_user")

    @last_tab_user.setter
    def last_tab_user(self, value: str) -> None:
        self.set("window/last_tab_user", value)

    @property
    def geometry(self) -> QByteArray:
        return self.get("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.set("window/geometry", value)

    @property
    def last_user(self) -> str:
        return self.get("login/last_user")

    @last_user.setter
    def last_user(self, value: str) -> None:
        self.set("login/last_user", value)

    @property
    def connection(self) -> str:
        """The register chosen with File → Connect to server… ('' = this computer's own register)."""
        return self.get("connection/register")

    @connection.setter
    def connection(self, value: str) -> None:
        self.set("connection/register", without_password(value))
