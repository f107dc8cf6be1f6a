"""SAQ jobs of the plugin (registered as ``webhooks.<name>``)."""

from typing import Any

from coulisses_webhooks import service
from coulisses_webhooks.delivery import deliver


async def resume_stuck(ctx: dict[str, Any], *, org_id: int) -> None:
    """Cron, per org: queue again the pending deliveries that lost their job."""
    await service.resume_stuck(org_id)


__all__ = ["deliver", "resume_stuck"]
