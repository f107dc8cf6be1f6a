"""OpenTelemetry: one trace from an invite request through the job that e-mails the link.

The spans go to the SDK's in-memory exporter (the same SDK and instrumentations that
export by OTLP in production, only the exporter differs).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from coulisses.observability.tracing import TRACING
from tests.conftest import run_jobs
from tests.helpers import signup
from tests.integration.scheduling.factories import invite, make_mission, make_project, make_user


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    TRACING.enable(provider)
    try:
        yield exporter
    finally:
        TRACING.disable()


async def test_an_invite_request_and_the_job_that_mails_its_link_are_one_trace(
    client, mail_sink, spans
):
    org = await signup(client)
    project = await make_project(org)
    mission = await make_mission(org, project["id"], roles=[{"name": "son", "quota": 1}])
    user = await make_user(org, email="traced@example.org")
    spans.clear()
    await invite(org, mission["roles"][0]["id"], user["id"])
    await run_jobs()
    assert mail_sink.to("traced@example.org")

    finished = spans.get_finished_spans()
    [request] = [
        s for s in finished if s.kind == SpanKind.SERVER and s.name == "POST /api/v1/assignments"
    ]
    assert request.attributes["http.route"] == "/api/v1/assignments"
    trace_id = request.context.trace_id
    in_trace = [s for s in finished if s.context.trace_id == trace_id]
    by_id = {s.context.span_id: s for s in in_trace}

    def ancestors(span):
        while span.parent is not None and span.parent.span_id in by_id:
            span = by_id[span.parent.span_id]
            yield span

    [job] = [s for s in in_trace if s.name == "job core.deliver_invitations"]
    assert job.kind == SpanKind.CONSUMER
    assert request in list(ancestors(job))
    [smtp] = [s for s in in_trace if s.name == "smtp.send"]
    assert job in list(ancestors(smtp))
    # SQL of the request and of the job is in the trace, without its parameters.
    sql = [s for s in in_trace if s.attributes.get("db.system") == "postgresql"]
    assert any(request in list(ancestors(s)) for s in sql)
    assert any(job in list(ancestors(s)) for s in sql)


async def test_no_span_carries_a_signed_link(client, new_client, mail_sink, spans):
    from tests.integration.scheduling.invitations.test_invitation_rate_limit import _invitation

    _, _, invitation_id, token = await _invitation(client, mail_sink)
    public = new_client("10.23.0.1")
    await public.post(f"/api/v1/invitations/{invitation_id}/accept", params={"token": token})
    await public.get(f"/api/v1/calendar/{token}.ics")
    finished = spans.get_finished_spans()
    assert any(s.name == "POST /api/v1/invitations/{invitation_id}/accept" for s in finished)
    for span in finished:
        assert token not in span.name
        for value in (span.attributes or {}).values():
            assert token not in str(value), (span.name, value)


async def test_tracing_off_records_nothing_and_jobs_carry_no_context(client, mail_sink):
    assert not TRACING.enabled
    org = await signup(client)
    response = await org.get("/api/v1/projects")
    assert response.status_code == 200
    assert "traceparent" not in response.headers
