"""Document wording as data: resources/templates/<name>.toml, one table per language ([kk], [ru]).

An office corrects the wording without a release by putting its own <name>.toml (only the keys it changes)
into ``<user data dir>/templates/`` or into the folder named by KENSE_TEMPLATES_DIR; that file is merged over
the bundled one key by key, so a partial override never loses the keys it does not mention.

Texts are ``str.format`` templates with named fields and may carry reportlab Paragraph markup (<b>, <br/>);
the values put into them are XML-escaped, so a name such as "«Су & Жылу» ЖШС" cannot break the markup.
Besides the fields a text is given where it is used, every text of a document may use the document's shared
fields (``Wording.shared``: the applicant's name and the words that follow the applicant's sex, such as {dear};
see common.toml), so an office can put them into any sentence it rewrites.
"""
from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ..paths import resources_dir, user_data_dir
from .errors import DocumentError


def bundled_dir() -> Path:
    return resources_dir() / "templates"


def override_dir() -> Path:
    env = os.environ.get("KENSE_TEMPLATES_DIR")
    return Path(env) if env else user_data_dir() / "templates"


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@lru_cache(maxsize=64)
def _read(path: str, mtime: float) -> dict[str, Any]:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DocumentError("doc_template", file=path, detail=str(exc)) from None


def _load(path: Path) -> dict[str, Any]:
    return _read(str(path), path.stat().st_mtime)


def load_template(name: str) -> tuple[dict[str, Any], str]:
    """The merged template table and the file name(s) it came from (for error messages)."""
    path = bundled_dir() / f"{name}.toml"
    data = _load(path)
    source = str(path)
    local = override_dir() / f"{name}.toml"
    if local.is_file():
        data = _merge(data, _load(local))
        source = f"{path} + {local}"
    return data, source


class Wording:
    """The texts of one template in one language."""

    def __init__(self, name: str, lang: str, shared: dict[str, Any] | None = None) -> None:
        data, self.source = load_template(name)
        if lang not in data:
            raise DocumentError("doc_template", file=self.source, detail=f"no [{lang}] table")
        self.name, self.lang, self.data = name, lang, data[lang]
        self.shared: dict[str, Any] = dict(shared or {})

    def raw(self, key: str, default: Any = None) -> Any:
        """A value by dotted key ('body.S1'); ``default`` when absent."""
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def _template(self, key: str, default: str | None) -> str:
        value = self.raw(key, default)
        if not isinstance(value, str):
            raise DocumentError("doc_template", file=self.source, detail=f"[{self.lang}] {key}: missing text")
        return value

    def _format(self, key: str, template: str, values: dict[str, Any]) -> str:
        try:
            return template.format_map(values)
        except (KeyError, IndexError, ValueError, AttributeError) as exc:
            raise DocumentError("doc_template", file=self.source,
                                detail=f"[{self.lang}] {key}: {exc!r}") from None

    def text(self, key: str, default: str | None = None, **values: Any) -> str:
        """Paragraph markup: the template with XML-escaped values."""
        safe = {k: escape(str(v)) for k, v in {**self.shared, **values}.items()}
        return self._format(key, self._template(key, default), safe)

    def plain(self, key: str, default: str | None = None, **values: Any) -> str:
        """Plain text for canvas.drawString: no markup, no escaping."""
        return self._format(key, self._template(key, default),
                            {k: str(v) for k, v in {**self.shared, **values}.items()})
