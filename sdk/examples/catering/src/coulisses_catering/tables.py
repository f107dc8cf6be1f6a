"""The catering plugin's table (Piccolo). Every row carries the org it belongs to."""

from piccolo.columns import Integer, Timestamptz, Varchar
from piccolo.table import Table


class Meal(Table, tablename="catering_meals"):
    """Meals planned for a mission: added by a manager, or one row per created mission."""

    org_id = Integer(index=True)
    mission_id = Integer(index=True)
    label = Varchar(length=200)
    quantity = Integer(default=0)
    #: The domain event that created the row (None when a manager added it): a second
    #: delivery of the event changes nothing.
    event_id = Varchar(length=64, null=True, unique=True)
    created_at = Timestamptz()
