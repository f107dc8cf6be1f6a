"""The plugin's tables; every row carries its ``org_id`` and every query filters on it.

The schema is written in SQL (``piccolo_migrations/``) for the foreign keys to core's
``orgs`` and the unique (endpoint, event) key; these classes mirror it.
"""

from piccolo.columns import (
    JSONB,
    Boolean,
    Integer,
    Serial,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table


class Endpoint(Table, tablename="webhooks_endpoints"):
    """A URL of an org that receives the events it asked for.

    ``secret`` signs every request; the API shows it only at creation and rotation, and
    it is stored sealed (``coulisses_sdk.seal``, see ``service.seal_secret``): a database
    dump or a backup does not give anyone the key of an org's signatures.
    """

    id = Serial(primary_key=True)

    org_id = Integer()
    url = Varchar(length=2000)
    description = Varchar(length=500, default="")
    #: Kinds wanted: a list of event class names, or ``["*"]`` for every kind.
    event_types = JSONB(default="[]")
    active = Boolean(default=True)
    secret = Text()
    #: Failed attempts in a row, all deliveries together; a success resets it.
    consecutive_failures = Integer(default=0)
    disabled_reason = Varchar(length=200, null=True, default=None)
    created_at = Timestamptz()
    updated_at = Timestamptz()


class Delivery(Table, tablename="webhooks_deliveries"):
    """One event for one endpoint: its signed body and how sending it went.

    ``status``: ``pending`` (an attempt is queued), ``delivered``, ``failed`` (attempts
    exhausted, or the endpoint was disabled), ``notice`` (an entry of the log, not a
    request: the endpoint was disabled). ``generation`` changes each time an attempt is
    queued: a job whose generation is no longer the row's does nothing.
    """

    id = Serial(primary_key=True)

    org_id = Integer()
    endpoint_id = Integer()
    event_id = Varchar(length=64)
    event_type = Varchar(length=120)
    body = Text()
    status = Varchar(length=16, default="pending")
    attempts = Integer(default=0)
    failures = Integer(default=0)
    generation = Integer(default=0)
    last_http_status = Integer(null=True, default=None)
    last_error = Text(null=True, default=None)
    last_response = Text(null=True, default=None)
    next_attempt_at = Timestamptz(null=True, default=None)
    delivered_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz()
    updated_at = Timestamptz()
