"""No signed-link token (invitation, password reset, account setup) in a log line, a stored
job, the outbox, a domain event or the database, even when every email fails."""

from __future__ import annotations

import logging
import re

from coulisses.db.connection import fetch
from coulisses.logs import redact
from coulisses.sealing import unseal
from tests.conftest import run_jobs
from tests.helpers import signup
from tests.integration.outbox.test_outbox import _stored_jobs
from tests.integration.plugins.support import PLUGINS
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user

TOKEN = re.compile(r"token=([A-Za-z0-9_\-]{20,})")
NO_QUIET = {"quiet_start": "00:00", "quiet_end": "00:00"}


async def _database_dump() -> str:
    tables = await fetch(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migration'"
    )
    dump = []
    for table in tables:
        rows = await fetch(f'SELECT row_to_json(t)::text AS r FROM "{table["tablename"]}" t')
        dump.extend(r["r"] for r in rows)
    # Job arguments are sealed (they must carry the link to send it); the domain events,
    # once opened, must not carry any.
    for row in await fetch("SELECT sealed FROM outbox WHERE kind = 'event'"):
        dump.append(str(unseal(row["sealed"])))
    return "\n".join(dump)


async def test_flows_against_a_failing_relay_leave_no_token_anywhere(
    client, new_client, mail_sink, caplog
):
    caplog.set_level(logging.DEBUG)
    mail_sink.mode = "tempfail"

    # Core mailer: an invitation, a member's account setup link, a password reset.
    core_org = await signup(client)
    project = await make_project(core_org)
    mission = await make_mission(core_org, project["id"])
    crew = await make_user(core_org, email="crew-core@example.org")
    await invite(core_org, mission["roles"][0]["id"], crew["id"])
    added = await core_org.post(
        "/api/v1/orgs/current/members", json={"email": "new-member@example.org", "role": "manager"}
    )
    assert added.status_code in (200, 201), added.text
    reset = await new_client().post("/api/v1/auth/password-reset", json={"email": core_org.email})
    assert reset.status_code == 202, reset.text

    # The notifications plugin's mailer: an invitation and a password reset.
    plugin_org = await signup(new_client("10.9.0.3"))
    enabled = await plugin_org.patch(
        f"{PLUGINS}/notifications", json={"enabled": True, "config": NO_QUIET}
    )
    assert enabled.status_code == 200, enabled.text
    project = await make_project(plugin_org)
    mission = await make_mission(plugin_org, project["id"])
    crew = await make_user(plugin_org, email="crew-plugin@example.org")
    await invite(plugin_org, mission["roles"][0]["id"], crew["id"])
    reset = await new_client("10.9.0.4").post(
        "/api/v1/auth/password-reset", json={"email": plugin_org.email}
    )
    assert reset.status_code == 202, reset.text

    await run_jobs()

    texts = [m.get_body(preferencelist=("plain",)).get_content() for m in mail_sink.messages]
    tokens = {t for text in texts for t in TOKEN.findall(text)}
    recipients = {str(m["To"]) for m in mail_sink.messages}
    # Every flow reached the (failing) relay, each with a link.
    assert any("crew-core" in r for r in recipients)
    assert any("new-member" in r for r in recipients)
    assert any("crew-plugin" in r for r in recipients)
    assert any(core_org.email in r for r in recipients)
    assert any(plugin_org.email in r for r in recipients)
    assert len(tokens) >= 5, texts

    logs = "\n".join(
        f"{r.getMessage()}\n{r.exc_text or ''}" for r in caplog.records if r.name != "httpx"
    )
    assert "451" in logs  # the failures were logged ...
    stored = await _stored_jobs()
    database = await _database_dump()
    for token in tokens:  # ... without any token
        assert token not in logs
        assert token not in stored
        assert token not in database


def test_request_lines_are_logged_without_the_secret_of_their_link():
    line = 'GET /api/v1/invitations/12/public?token=abcDEF-123_x&answer=accept HTTP/1.1" 200'
    assert redact(line) == (
        'GET /api/v1/invitations/12/public?token=[redacted]&answer=accept HTTP/1.1" 200'
    )
