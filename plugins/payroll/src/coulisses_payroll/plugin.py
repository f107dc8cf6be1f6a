"""The payroll plugin: per-org pay rules and the monthly report over the pay engine.

Computations and reminders, not legal advice (``docs/payroll.md``). Nothing here imports
the core.
"""

from __future__ import annotations

from typing import Any

from coulisses_payroll import demo, jobs, personal_data, service
from coulisses_payroll.api import CONTROLLERS
from coulisses_payroll.config import NAME, PayrollConfig, load_config
from coulisses_sdk import Plugin, PluginPage, PluginWidget, hookimpl

TIMESHEETS_PATH = f"/plugins/{NAME}/timesheets"
EXPORTS_PATH = f"/plugins/{NAME}/exports"
INTERMITTENTS_PATH = f"/plugins/{NAME}/intermittents"
ACCOUNTING_PATH = f"/plugins/{NAME}/accounting"


class PayrollPlugin(Plugin):
    name = NAME
    version = "0.2.0"
    title = {"fr": "Paie", "en": "Payroll"}
    description = {
        "fr": "Heures et paie brute du mois par personne, selon des r\u00e8gles "
        "versionn\u00e9es par convention. Des calculs et des rappels, pas un conseil "
        "juridique.",
        "en": "Monthly hours and gross pay per person, from pay rules versioned per "
        "collective agreement. Computations and reminders, not legal advice.",
    }
    core_requires = ">=0.1,<1"
    config_model = PayrollConfig
    #: The pages' modules (frontend/ builds them into web/).
    frontend_dir = "web"

    @hookimpl
    def register_routes(self, register: Any) -> None:
        for controller in CONTROLLERS:
            register(controller)

    @hookimpl
    def register_frontend(self, register: Any) -> None:
        # Managers and above: the month's totals per person and how each line is computed.
        register(
            PluginPage(
                path=ACCOUNTING_PATH,
                label={"fr": "Comptabilit\u00e9", "en": "Accounting"},
                min_role="manager",
                module="accounting.js",
                wide=True,  # a table of up to 16 columns
            )
        )
        # Every member: a tech enters their own times, managers validate.
        register(
            PluginPage(
                path=TIMESHEETS_PATH,
                label={"fr": "Feuilles de temps", "en": "Timesheets"},
                min_role="tech",
                module="timesheets.js",
            )
        )
        # Managers export the org's month; a tech exports their own statement.
        register(
            PluginPage(
                path=EXPORTS_PATH,
                label={"fr": "Exports de paie", "en": "Payroll exports"},
                min_role="tech",
                module="exports.js",
            )
        )
        # Managers follow everyone's 507 h and the employer's identity; a tech their own.
        register(
            PluginPage(
                path=INTERMITTENTS_PATH,
                label={"fr": "Intermittents", "en": "Intermittents"},
                min_role="tech",
                module="intermittents.js",
            )
        )
        # Overdue DPAE (and those to file now) on managers' home dashboard.
        register(PluginWidget(slot="dashboard", module="dpae.js", min_role="manager"))

    @hookimpl
    def register_jobs(self, register: Any) -> None:
        register(jobs.run_export)
        register(jobs.purge_exports, cron="17 * * * *")

    @hookimpl
    def register_piccolo_apps(self, register: Any) -> None:
        register("coulisses_payroll.piccolo_app")

    @hookimpl
    async def demo_seeded(self, org_id: int, account_id: int) -> None:
        await demo.seed(org_id, account_id)

    @hookimpl
    async def personal_data_export(self, org_id: int, user_id: int) -> dict[str, Any]:
        return await personal_data.export(org_id, user_id)

    @hookimpl
    async def personal_data_erase(self, org_id: int, user_id: int) -> dict[str, int]:
        return await personal_data.erase(org_id, user_id)

    @hookimpl
    async def plugin_enabled(self, org_id: int) -> None:
        await service.seed(org_id, (await load_config(org_id)).profile)


plugin = PayrollPlugin()
