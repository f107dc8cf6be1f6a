"""Per-org settings of the payroll plugin (Org settings -> Plugins)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from coulisses_payroll.engine import LineKind
from coulisses_payroll.rules import Profile
from coulisses_sdk import plugin_config, setting

NAME = "payroll"
#: An item code of a payroll software: letters, digits, ``_``, ``.``, ``-`` (1 to 32).
ITEM_CODE_PATTERN = r"^[A-Za-z0-9_.-]{1,32}$"
_HELP_CODE = {
    "fr": "Code de la rubrique dans le logiciel de paie (export cabinet de paie).",
    "en": "The item code in the payroll software (payroll-office export).",
}


def _item_code(kind: LineKind, fr: str, en: str) -> Any:
    """A line kind's item code in the payroll-office export (default: the kind's name)."""
    return setting(
        kind.value,
        label={"fr": f"Code rubrique : {fr}", "en": f"Item code: {en}"},
        help=_HELP_CODE,
        pattern=ITEM_CODE_PATTERN,
    )


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
    engagement_gap_days: int = setting(
        1,
        label={
            "fr": "Jours d'\u00e9cart dans un m\u00eame engagement (CDDU)",
            "en": "Days apart within one engagement (CDDU)",
        },
        help={
            "fr": "Les missions d'un intermittent sur un projet forment un engagement tant "
            "que la suivante commence au plus ce nombre de jours apr\u00e8s la fin de la "
            "pr\u00e9c\u00e9dente (1 : jours cons\u00e9cutifs ; 0 : le m\u00eame jour).",
            "en": "An intermittent's missions on a project form one engagement while the "
            "next starts at most this many days after the previous one ends (1: "
            "consecutive days; 0: the same day).",
        },
        ge=0,
        le=14,
    )
    item_code_base: str = _item_code(LineKind.BASE, "base", "base")
    item_code_night: str = _item_code(LineKind.NIGHT, "nuit", "night")
    item_code_sunday: str = _item_code(LineKind.SUNDAY, "dimanche", "Sunday")
    item_code_holiday: str = _item_code(LineKind.HOLIDAY, "jour f\u00e9ri\u00e9", "public holiday")
    item_code_may_1: str = _item_code(LineKind.MAY_1, "1er mai", "1 May")
    item_code_minimum_call: str = _item_code(
        LineKind.MINIMUM_CALL, "minimum d'appel", "minimum call"
    )
    item_code_meal: str = _item_code(LineKind.MEAL, "repas", "meal")
    item_code_overtime: str = _item_code(
        LineKind.OVERTIME, "heures suppl\u00e9mentaires", "overtime"
    )

    def item_codes(self) -> dict[LineKind, str]:
        """Line kind -> the payroll software's item code."""
        return {kind: getattr(self, f"item_code_{kind.value}") for kind in LineKind}


async def load_config(org_id: int) -> PayrollConfig:
    return PayrollConfig.model_validate(await plugin_config(org_id, NAME))
