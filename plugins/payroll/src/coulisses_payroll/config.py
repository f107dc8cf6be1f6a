"""Per-org settings of the payroll plugin (Org settings -> Plugins)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from coulisses_payroll.rules import Profile
from coulisses_sdk import plugin_config, setting

NAME = "payroll"


class PayrollConfig(BaseModel):
    """Every field has a default: enabling the plugin needs no form."""

    model_config = ConfigDict(extra="forbid")

    profile: Profile = setting(
        Profile.CCNEAC_1285,
        label={
            "fr": "Convention collective",
            "en": "Collective agreement",
        },
        help={
            "fr": "Les r\u00e8gles de paie de d\u00e9part (modifiables) viennent de ce profil. "
            "Calculs et rappels, pas un conseil juridique.",
            "en": "The starting pay rules (editable) come from this profile. "
            "Computations and reminders, not legal advice.",
        },
        choices={
            Profile.CCNEAC_1285: {"fr": "CCNEAC (IDCC 1285)", "en": "CCNEAC (IDCC 1285)"},
            Profile.SVP_3090: {
                "fr": "Spectacle vivant priv\u00e9 (IDCC 3090)",
                "en": "Private live shows (IDCC 3090)",
            },
            Profile.PRESTATAIRES_2717: {
                "fr": "Prestataires techniques (IDCC 2717)",
                "en": "Technical service providers (IDCC 2717)",
            },
            Profile.CUSTOM: {"fr": "Personnalis\u00e9", "en": "Custom"},
        },
    )


async def load_config(org_id: int) -> PayrollConfig:
    return PayrollConfig.model_validate(await plugin_config(org_id, NAME))
