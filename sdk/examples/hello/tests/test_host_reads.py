"""What a partner's plugin tests look like with the SDK factories and host reads only."""

import datetime as dt

from coulisses_sdk import host
from coulisses_sdk.testing import Factories


async def test_a_plugin_reads_the_missions_its_test_made_and_only_its_orgs(factories, make_org):
    start = dt.datetime(2027, 9, 1, 18, tzinfo=dt.UTC)
    mission = await factories.mission(starts_at=start, hours=3, title="Bal")
    assignment = await factories.assignment(mission["roles"][0]["id"], accept=True)
    other = Factories(await make_org())
    await other.mission(starts_at=start)
    org_id = factories.org.org_id

    found = [
        m.title
        async for m in host.iter_missions(
            org_id, starts_from=start, starts_before=start + dt.timedelta(days=1)
        )
    ]
    got = await host.get_assignment(org_id, assignment["id"])

    assert found == ["Bal"]
    assert got is not None
    assert (got.status, got.duration_minutes) == ("ACCEPTED", 180)
    assert await host.get_assignment(other.org.org_id, assignment["id"]) is None
