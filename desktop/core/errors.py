"""Domain errors. Each carries a message code and parameters and renders itself in kk, ru or en."""
from __future__ import annotations

from .messages import message


class KenseError(Exception):
    """Base of every error Kense shows to a user (a calm message, not a crash report)."""

    code = "error"

    def __init__(self, code: str | None = None, /, **params: object) -> None:
        # ``code`` is positional-only so that a message may have a parameter called ``code`` (a service code)
        self.code = code or self.code
        self.params = params
        super().__init__(self.code)

    def message(self, lang: str | None = None) -> str:
        return message(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message()


class DomainError(KenseError):
    """The domain refuses an action (wrong role, wrong stage, bad input)."""


class ValidationError(DomainError, ValueError):
    """Bad input; ``field`` names the offending field when there is one."""

    def __init__(self, code: str | None = None, /, field: str | None = None, **params: object) -> None:
        self.field = field
        super().__init__(code, **params)


class PermissionDenied(DomainError):
    code = "role_denied"


class WrongStage(DomainError):
    code = "wrong_stage"


class NotFound(DomainError):
    code = "case_not_found"


class Conflict(DomainError):
    """Someone else changed the case since this desk read it (issue 9: two desks, one case).

    ``who`` (full name), ``at`` (the time of their change, as shown), ``did`` (their action) and ``reg_no``
    name the change; the desk shows this and the case as it is now. Nothing was written."""

    code = "case_conflict"

    def __init__(self, code: str | None = None, /, **params: object) -> None:
        from .messages_desks import kk_locative
        params.setdefault("at_loc", kk_locative(str(params.get("at", ""))))
        super().__init__(code, **params)


class CatalogueError(KenseError, ValueError):
    code = "catalogue_invalid"
