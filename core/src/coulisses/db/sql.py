"""Hand-written SQL migrations (Piccolo cannot express every constraint we need): core's
migrations use the SDK's helper, as plugins do (``coulisses_sdk.migrations``)."""

from coulisses_sdk.migrations import sql_migration

__all__ = ["sql_migration"]
