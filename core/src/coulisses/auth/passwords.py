"""Password and email rules shared by signup, password change and reset."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from coulisses.errors import DomainError

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


def normalize_email(email: str) -> str:
    """Validated, lower-cased email, else ``validation.email`` (422)."""
    try:
        result = validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise DomainError("validation.email", f"Invalid email address: {exc}", status=422) from exc
    return result.normalized.lower()
