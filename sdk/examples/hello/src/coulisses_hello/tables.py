"""The plugin's own table: one greeting per new member of an org."""

from piccolo.columns import Integer, Timestamptz, Varchar
from piccolo.table import Table


class Greeting(Table, tablename="hello_greetings"):
    org_id = Integer()
    email = Varchar(length=255)
    message = Varchar(length=500)
    delivered = Integer(default=0)
    created_at = Timestamptz()
