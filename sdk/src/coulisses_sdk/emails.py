"""One email address rule for the core and every plugin.

Built on the ``email-validator`` library: a single address (no display name, no
quoted local part, no IP literal, no CR/LF or other control character), the
domain's syntax checked but not its DNS (``check_deliverability=False``), and
the normalized form (IDNA/Unicode normalized, lower-cased) is what gets stored,
compared and mailed.

The core answers 422 ``validation.email`` (``details.field`` names the field)
for :class:`InvalidEmailError`; a plugin config field typed
:data:`EmailAddress` is checked by the very same function when an org saves it.
"""

from __future__ import annotations

from typing import Annotated

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, Field

#: Longest address accepted (RFC 5321 path limit minus the brackets).
MAX_LENGTH = 254


class InvalidEmailError(ValueError):
    """``field`` holds no usable email address; ``reason`` says why, for a human."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"Invalid email address in {field}: {reason}")
        self.field = field
        self.reason = reason


def normalize_email(value: str, field: str = "email") -> str:
    """The normalized, lower-cased form of ``value``, else :class:`InvalidEmailError`.

    Leading and trailing spaces are ignored; any other control or whitespace
    character (a CR/LF header injection, a tab inside) is refused.
    """
    if not isinstance(value, str):
        raise InvalidEmailError(field, "an email address must be a string")
    text = value.strip(" ")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise InvalidEmailError(field, "it contains spaces, line breaks or control characters")
    if len(text) > MAX_LENGTH:
        raise InvalidEmailError(field, f"it is longer than {MAX_LENGTH} characters")
    try:
        result = validate_email(
            text,
            check_deliverability=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_display_name=False,
        )
    except EmailNotValidError as exc:
        raise InvalidEmailError(field, str(exc)) from exc
    return result.normalized.lower()


def _pydantic_email(value: str) -> str:
    # Raised as is: pydantic wraps it (a ValueError) and names the field; the host
    # recognises it and answers ``validation.email``.
    return normalize_email(value)


#: A pydantic field type for plugin configs: ``sender: EmailAddress | None = None``
#: (the settings form shows it with an email input).
EmailAddress = Annotated[
    str, AfterValidator(_pydantic_email), Field(json_schema_extra={"x-widget": "email"})
]
