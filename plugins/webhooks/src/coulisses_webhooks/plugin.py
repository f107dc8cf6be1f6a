"""The webhooks plugin: every domain event of an org, signed and POSTed to its endpoints.

The ``domain_event`` hook only records one delivery per endpoint that wants the event
and queues its job, in one transaction; the job (``delivery.py``) does the HTTP.
Nothing here imports the core.
"""

from __future__ import annotations

from typing import Any

from coulisses_sdk import DomainEvent, Plugin, PluginPage, hookimpl
from coulisses_webhooks import jobs, service
from coulisses_webhooks.api import CONTROLLERS
from coulisses_webhooks.config import NAME, WebhooksConfig
from coulisses_webhooks.tables import Delivery

#: The plugin's page in the web app: its endpoints, their secrets and delivery logs.
ENDPOINTS_PATH = f"/plugins/{NAME}/endpoints"


class WebhooksPlugin(Plugin):
    name = NAME
    version = "0.1.0"
    title = {"fr": "Webhooks", "en": "Webhooks"}
    description = {
        "fr": "Envoie chaque \u00e9v\u00e9nement de l'org, sign\u00e9, aux URL choisies.",
        "en": "Sends each event of the org, signed, to the URLs you choose.",
    }
    core_requires = ">=0.1,<1"
    config_model = WebhooksConfig
    #: The endpoints page, built from frontend/ (``python3 dev.py build-plugins``).
    frontend_dir = "web"

    @hookimpl
    def register_routes(self, register: Any) -> None:
        for controller in CONTROLLERS:
            register(controller)

    @hookimpl
    def register_piccolo_apps(self, register: Any) -> None:
        register("coulisses_webhooks.piccolo_app")

    @hookimpl
    def register_jobs(self, register: Any) -> None:
        register(jobs.deliver)
        register(jobs.resume_stuck, cron="*/10 * * * *")

    @hookimpl
    def register_admin_tables(self, register: Any) -> None:
        # Not the endpoints: their rows hold the signing secrets.
        register(Delivery)

    @hookimpl
    def register_frontend(self, register: Any) -> None:
        register(
            PluginPage(
                path=ENDPOINTS_PATH,
                label={"fr": "Webhooks", "en": "Webhooks"},
                section="settings",
                min_role="admin",
                module="endpoints.js",
            )
        )

    @hookimpl
    async def domain_event(self, event: DomainEvent) -> None:
        await service.stage_event(event)

    @hookimpl
    async def plugin_enabled(self, org_id: int) -> None:
        # Jobs of a disabled plugin are dropped by the host: pick up what was pending.
        await service.resume_stuck(org_id)


plugin = WebhooksPlugin()
