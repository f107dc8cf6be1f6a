"""The audit log: who did what to which target, in which org, and what it changed.

Writing (``record``, ``record_many``, ``record_change``) lives in
:mod:`coulisses.audit.entries`, reading (``GET /api/v1/audit``) in
:mod:`coulisses.audit.service` and :mod:`coulisses.audit.api`.
"""

from coulisses.audit.entries import (
    REDACTED,
    before_after,
    plain,
    record,
    record_change,
    record_many,
)

__all__ = ["REDACTED", "before_after", "plain", "record", "record_change", "record_many"]
