"""The outbox rows (read by operators in piccolo-admin) and this deployment's identity."""

from __future__ import annotations

from piccolo.columns import JSONB, UUID, BigSerial, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table


class OutboxRow(Table, tablename="outbox"):
    id = BigSerial(primary_key=True)
    kind = Varchar(length=8)
    name = Varchar(length=200)
    org_id = Integer(null=True)
    #: Fernet token of the JSON payload (job arguments, event data): never readable in clear.
    sealed = Text()
    options = JSONB(default="{}")
    attempts = Integer(default=0)
    last_error = Text(null=True)
    available_at = Timestamptz()
    created_at = Timestamptz()
    pushed_at = Timestamptz(null=True)


class InstanceInfo(Table, tablename="instance_info"):
    instance_id = UUID()
    created_at = Timestamptz()


class EventDelivery(Table, tablename="event_deliveries"):
    """One domain event to hand to one plugin (see ``coulisses.plugins.dispatch``).

    ``status``: pending (waiting or retrying), done, dead (failed ``attempts`` times: an
    operator replays it), skipped (the org disabled the plugin before it ran).
    """

    id = BigSerial(primary_key=True)
    event_id = Varchar(length=64)
    kind = Varchar(length=200)
    org_id = Integer(null=True)
    plugin = Varchar(length=100)
    #: Fernet token of the event's fields: never readable in clear.
    sealed = Text()
    status = Varchar(length=10, default="pending")
    attempts = Integer(default=0)
    last_error = Text(null=True)
    available_at = Timestamptz()
    locked_until = Timestamptz(null=True)
    created_at = Timestamptz()
    done_at = Timestamptz(null=True)
