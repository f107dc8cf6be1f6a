"""/metrics: the Prometheus series an operator scrapes, and who may scrape them.

Counters are cumulative for the process (the test session shares one app), so each
test compares a scrape after the action with one before it.
"""

from __future__ import annotations

from typing import Any

from prometheus_client.parser import text_string_to_metric_families

from coulisses.settings import get_settings
from tests.helpers import error_code, signup
from tests.integration.scheduling.invitations.test_invitation_rate_limit import _invitation

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def _scrape(client: Any) -> Samples:
    response = await client.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    out: Samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            out[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return out


def _value(samples: Samples, name: str, **labels: str) -> float:
    """The sum of the samples of ``name`` whose labels include ``labels``."""
    wanted = set(labels.items())
    return sum(v for (n, ls), v in samples.items() if n == name and wanted <= ls)


async def test_requests_are_counted_by_route_template_method_and_status(client):
    org = await signup(client)
    before = await _scrape(client)
    for _ in range(3):
        assert (await org.get("/api/v1/missions/424242")).status_code == 404
    assert (await org.get("/api/v1/projects")).status_code == 200
    after = await _scrape(client)

    template = "/api/v1/missions/{mission_id}"
    labels = {"path": template, "method": "GET", "status_code": "404"}
    total = "coulisses_http_requests_total"
    assert _value(after, total, **labels) - _value(before, total, **labels) == 3
    duration = "coulisses_http_request_duration_seconds_count"
    assert _value(after, duration, **labels) - _value(before, duration, **labels) == 3
    projects = {"path": "/api/v1/projects", "status_code": "200"}
    assert _value(after, total, **projects) - _value(before, total, **projects) == 1
    # No raw path with an id, ever: the series stay bounded.
    assert not any("424242" in str(key) for key in after)
    # The statements of the app's pool are timed.
    queries = "coulisses_db_query_duration_seconds_count"
    assert _value(after, queries) > _value(before, queries)
    assert _value(after, "coulisses_db_pool_connections", state="max") >= 1


async def test_jobs_deliveries_transitions_and_queues_are_recorded(client, new_client, mail_sink):
    before = await _scrape(client)
    # An invitation e-mailed by the delivery job, then accepted through its link.
    _, _, invitation_id, token = await _invitation(client, mail_sink)
    public = new_client("10.21.0.1")
    accepted = await public.post(
        f"/api/v1/invitations/{invitation_id}/accept", params={"token": token}
    )
    assert accepted.status_code == 200, accepted.text
    from coulisses.jobs.queue import get_runtime

    await get_runtime().flush()  # the accept's events, published after commit
    after = await _scrape(client)

    def delta(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    assert delta("coulisses_jobs_total", job="core.deliver_invitations", outcome="ok") >= 1
    assert delta("coulisses_job_duration_seconds_count", job="core.deliver_invitations") >= 1
    assert delta("coulisses_invitation_deliveries_total", channel="email", outcome="sent") == 1
    invited = {"from_status": "NEW", "to_status": "INVITED"}
    assert delta("coulisses_assignment_transitions_total", **invited) == 1
    accept = {"from_status": "INVITED", "to_status": "ACCEPTED"}
    assert delta("coulisses_assignment_transitions_total", **accept) == 1
    # Gauges read at scrape time: everything was pushed and run.
    assert _value(after, "coulisses_outbox_pending") == 0
    assert _value(after, "coulisses_outbox_oldest_pending_seconds") == 0
    assert ("coulisses_job_queue_depth", frozenset({("state", "queued")})) in after
    for state in ("due", "retrying", "dead"):
        assert ("coulisses_events_waiting", frozenset({("state", state)})) in after
    assert ("coulisses_sse_connections", frozenset()) in after


async def test_outside_dev_only_the_token_or_an_allowed_network_may_scrape(
    client, new_client, monkeypatch
):
    settings = get_settings()
    monkeypatch.setattr(settings, "env", "production")
    monkeypatch.setattr(settings, "metrics_token", "scrape-me-9f2c")
    monkeypatch.setattr(settings, "metrics_allow", "10.30.0.0/16")

    stranger = new_client("203.0.113.9")
    refused = await stranger.get("/metrics")
    assert refused.status_code == 403
    assert error_code(refused) == "metrics.forbidden"
    assert "scrape-me" not in refused.text
    wrong = await stranger.get("/metrics", headers={"Authorization": "Bearer scrape-me"})
    assert wrong.status_code == 403
    with_token = await stranger.get("/metrics", headers={"Authorization": "Bearer scrape-me-9f2c"})
    assert with_token.status_code == 200
    assert "coulisses_http_requests_total" in with_token.text
    from_network = await new_client("10.30.4.5").get("/metrics")
    assert from_network.status_code == 200


async def test_a_worker_serves_its_own_metrics_under_the_same_rule(monkeypatch):
    import socket

    import httpx

    from coulisses.observability.metrics import JobTimer, serve_worker_metrics

    settings = get_settings()
    monkeypatch.setattr(settings, "env", "production")
    monkeypatch.setattr(settings, "metrics_token", "worker-scrape-41")
    monkeypatch.setattr(settings, "metrics_allow", "10.31.0.0/16")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = serve_worker_metrics(port, "127.0.0.1")
    try:
        with JobTimer("test.worker_job"):
            pass
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as c:
            refused = await c.get("/metrics")
            assert refused.status_code == 403
            assert refused.json()["error"]["code"] == "metrics.forbidden"
            scraped = await c.get("/metrics", headers={"Authorization": "Bearer worker-scrape-41"})
        assert scraped.status_code == 200
        assert 'coulisses_jobs_total{job="test.worker_job",outcome="ok"}' in scraped.text
    finally:
        server.shutdown()
        server.server_close()
