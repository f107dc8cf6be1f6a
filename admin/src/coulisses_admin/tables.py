"""Sessions of piccolo-admin logins (its own session auth, separate from the API's JWTs)."""

from piccolo_api.session_auth.tables import SessionsBase


class AdminSession(SessionsBase, tablename="admin_sessions"):
    pass
