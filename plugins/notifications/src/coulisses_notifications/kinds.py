"""What the plugin sends: the kinds of notification members choose channels for.

A kind groups templates (``reminder`` covers the reminder before expiry and
the one before the mission). Transactional kinds (the invitation itself, the
password reset) carry no unsubscribe link and always reach the recipient on
at least one channel.
"""

from __future__ import annotations

from dataclasses import dataclass

EMAIL = "email"
TELEGRAM = "telegram"
IN_APP = "in_app"
CHANNELS = (EMAIL, TELEGRAM, IN_APP)


@dataclass(frozen=True)
class Kind:
    name: str
    transactional: bool = False
    #: Shown in the preferences (the password reset is not a choice).
    configurable: bool = True
    #: Sent at once even in quiet hours.
    always_urgent: bool = False
    #: The only channels this kind uses, whatever the preferences (None: all).
    only: tuple[str, ...] | None = None


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("invitation", transactional=True),
        Kind("reminder"),
        Kind("mission_changed"),
        Kind("assignment_cancelled"),
        # A reserve learns they now work on the mission: it must reach them.
        Kind("assignment_promoted", transactional=True),
        Kind("answer_received"),
        # A place offered from an open shift's waitlist, with a deadline: it must reach them.
        Kind("open_shift_offer", transactional=True),
        # The other steps of an application to open places: in the app only.
        Kind("open_shift_update", only=(IN_APP,)),
        # The daily digest of certifications to renew, for the org's managers.
        Kind("certifications"),
        # A manager asks for availability: the link must reach the person (no in-app
        # copy: the answer page is public and its link secret).
        Kind(
            "availability_request", transactional=True, configurable=False, only=(EMAIL, TELEGRAM)
        ),
        Kind(
            "password_reset",
            transactional=True,
            configurable=False,
            always_urgent=True,
            only=(EMAIL,),
        ),
    )
}

#: template -> kind
TEMPLATES: dict[str, str] = {
    "invitation": "invitation",
    "reminder_expiry": "reminder",
    "reminder_mission": "reminder",
    "mission_changed": "mission_changed",
    "assignment_cancelled": "assignment_cancelled",
    "assignment_promoted": "assignment_promoted",
    "answer_received": "answer_received",
    "open_shift_offered": "open_shift_offer",
    "open_shift_accepted": "open_shift_update",
    "open_shift_waitlisted": "open_shift_update",
    "open_shift_expired": "open_shift_update",
    "open_shift_rejected": "open_shift_update",
    "certifications_expiring": "certifications",
    "availability_request": "availability_request",
    "password_reset": "password_reset",
}

CONFIGURABLE = tuple(name for name, kind in KINDS.items() if kind.configurable)
