"""/api/v1/dashboard: the home page's one read."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get

from coulisses.auth.rbac import principal_of, requires
from coulisses.scheduling.dashboard import service as dashboard
from coulisses.scheduling.dashboard.schemas import Dashboard


class DashboardController(Controller):
    path = "/api/v1/dashboard"
    tags = ["dashboard"]

    @get("/", operation_id="GetDashboard", guards=[requires("planning.read")])
    async def get_dashboard(self, request: Request[Any, Any, Any]) -> Dashboard:
        """What needs the caller now: for a manager, missions of the next 7 days with open
        places, waiting invitations by age, declines and undelivered links of the last 24 h,
        conflicts of the next 30 days, hours of this week and last week; for everyone, their
        next missions and the invitations waiting for their answer."""
        return await dashboard.dashboard(principal_of(request))
