"""Domain errors of the pay engine, each with a stable code for the API layer to map to a 4xx."""

from __future__ import annotations


class PayrollError(ValueError):
    """Bad input to the pay engine (never a bug of the engine): ``code`` is stable, ``message``
    says what to fix. Rule-set validation errors are pydantic ``ValidationError`` whose error
    ``type`` is a ``rules.*`` code (see :mod:`coulisses_payroll.rules`)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
