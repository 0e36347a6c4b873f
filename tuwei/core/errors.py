"""The one exception type services raise for a rule the user broke.

Views turn a DomainError into a form error or a message; the API turns it into a
JSON error with the stable `code`. Each app subclasses it once and keeps its
messages as class constants, so tests assert the same text users see.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise


class DomainError(Exception):
    code: str = "domain_error"

    def __init__(self, message: str | Promise, *, code: str | None = None, **params: Any) -> None:
        self.message = message
        self.params = params
        if code is not None:
            self.code = code
        super().__init__(str(message) % params if params else str(message))

    def __str__(self) -> str:
        text = str(self.message)
        return text % self.params if self.params else text
