"""Password and email rules shared by signup, password change and reset."""

from __future__ import annotations

from coulisses.errors import DomainError
from coulisses_sdk.emails import InvalidEmailError
from coulisses_sdk.emails import normalize_email as _normalize

MIN_LENGTH = 10
MAX_LENGTH = 128
_COMMON = {
    "password123",
    "motdepasse",
    "azertyuiop",
    "qwertyuiop",
    "1234567890",
    "0123456789",
    "password1234",
    "coulisses1",
    "iloveyou12",
    "abcdefghij",
}


def check_password(password: str) -> None:
    """Reject weak passwords with ``auth.weak_password``."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        problems.append(f"at most {MAX_LENGTH} characters")
    if not any(c.isalpha() for c in password) or not any(not c.isalpha() for c in password):
        problems.append("letters and at least one digit or symbol")
    if password.lower() in _COMMON or len(set(password)) < 4:
        problems.append("not a common or repetitive password")
    if problems:
        raise DomainError(
            "auth.weak_password", "Password too weak: needs " + ", ".join(problems), status=422
        )


def email_error(exc: InvalidEmailError) -> DomainError:
    """The API error of a refused address: 422 ``validation.email``, details name the field."""
    return DomainError(
        "validation.email",
        f"Invalid email address ({exc.field}): {exc.reason}",
        {"field": exc.field},
        status=422,
    )


def normalize_email(email: str, field: str = "email") -> str:
    """The one email rule (``coulisses_sdk.emails``): normalized address, else 422
    ``validation.email`` naming ``field``. Every address the core stores goes through it."""
    try:
        return _normalize(email, field)
    except InvalidEmailError as exc:
        raise email_error(exc) from exc
