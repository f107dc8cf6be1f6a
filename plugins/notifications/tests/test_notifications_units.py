"""Pure parts: settings from the environment, catalogs, every template in every language,
signed unsubscribe tokens."""

from __future__ import annotations

import datetime as dt

import pytest

from coulisses_notifications import signing
from coulisses_notifications.config import Settings
from coulisses_notifications.i18n import LOCALES, Translator, catalog
from coulisses_notifications.kinds import TEMPLATES
from coulisses_notifications.rendering import render_email, render_telegram

START = dt.datetime(2027, 7, 10, 17, 0, tzinfo=dt.UTC)
VALUES = {
    "org_name": "Les Nuits de Juillet",
    "recipient_name": "Lea",
    "mission_title": "Exploitation Cour",
    "place": "Cour d'honneur",
    "role_name": "technicien son",
    "project_name": "Festival 2027",
    "when": "sam. 10/07/2027 19:00",
    "until": "01:00",
    "expires": "sam. 24/07/2027 19:00",
    "answer_url": "http://x/invitations/1?token=t",
    "accept_url": "http://x/invitations/1?token=t&answer=accept",
    "decline_url": "http://x/invitations/1?token=t&answer=decline",
    "resent": False,
    "telegram_url": "https://t.me/bot?start=CODE",
    "telegram_code": "CODE",
    "answer_code": 1,
    "app_url": "http://x",
    "times_changed": True,
    "place_changed": True,
    "old_when": "sam. 10/07/2027 18:00 - 01:00",
    "old_place": "Cloitre",
    "answer": "declined",
    "user_name": "Lea Martin",
    "reason": "deja pris",
    "via": "telegram",
    "reserve": True,  # the reserve lines render too
    "reset_url": "http://x/reset-password?token=t",
    "unsubscribe_url": "http://x/api/v1/notifications/unsubscribe?token=s",
    # availability_request
    "title": "Festival 2027",
    "message": "Merci !",
    "starts_on": "10/07/2027",
    "ends_on": "20/07/2027",
    "reminder": True,
    # certifications_expiring
    "today": "01/07/2027",
    "groups": [
        {
            "title": "Expirent dans les 30 jours (1) :",
            "items": [{"line": "Gaelle Masson - cariste", "reference": "R489", "affected": ""}],
        }
    ],
    "total": 1,
    "more": 0,
    "short_limit": 10,
    "short_more": 0,
    "list_url": "http://x/users/certifications",
}


def test_settings_fall_back_on_the_core_variables_and_the_plugin_ones_win():
    settings = Settings.from_env(
        {
            "SMTP_HOST": "relay.example.org",
            "SMTP_PORT": "587",
            "SMTP_STARTTLS": "true",
            "NOTIFICATIONS_SMTP_PORT": "2525",
            "COULISSES_PUBLIC_URL": "https://crew.example.org/",
            "NOTIFICATIONS_TELEGRAM_BOT_TOKEN": "1:abc",
        }
    )
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_starttls) == (
        "relay.example.org",
        2525,
        True,
    )
    assert settings.public_url == "https://crew.example.org"
    assert settings.telegram_configured


def test_catalogs_have_the_same_keys_in_every_language():
    keys = [set(catalog(locale)) for locale in LOCALES]
    assert all(k == keys[0] for k in keys)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_template_renders_in_every_language(template, locale):
    t = Translator(locale)
    email = render_email(template, t, VALUES)
    assert email.subject
    assert "{" not in email.subject
    assert "<html" in email.html
    assert email.text.strip()
    if template != "password_reset":
        assert render_telegram(template, t, VALUES)


def test_dates_follow_the_language_and_the_org_timezone():
    assert Translator("fr").datetime(START) == "sam. 10/07/2027 19:00"
    assert Translator("en-GB").datetime(START) == "Sat 2027-07-10 19:00"
    assert Translator("fr", "America/Montreal").datetime(START) == "sam. 10/07/2027 13:00"
    assert Translator("de").locale == "fr"


def test_mission_dates_are_on_the_places_clock_labelled_when_it_is_not_the_orgs():
    from coulisses_notifications.dispatch import _format

    # A Montreal tour date at 20:00 local for a Paris org: 02:00 the next day in Paris.
    start = dt.datetime(2027, 7, 11, 0, 0, tzinfo=dt.UTC)
    end = start + dt.timedelta(hours=3)
    values = {"starts_at": start, "ends_at": end, "expires_at": start}
    paris = _format({**values, "timezone": "Europe/Paris"}, Translator("fr"))
    assert (paris["when"], paris["until"]) == ("dim. 11/07/2027 02:00", "05:00")
    assert _format(values, Translator("fr"))["when"] == paris["when"]  # no zone: the org's
    montreal = _format({**values, "timezone": "America/Montreal"}, Translator("fr"))
    assert (montreal["when"], montreal["until"]) == ("sam. 10/07/2027 20:00 (Montreal)", "23:00")
    assert montreal["expires"] == "sam. 10/07/2027 20:00 (Montreal)"
    moved = _format(
        {**values, "old_starts_at": start, "old_ends_at": end, "timezone": "America/Montreal"},
        Translator("en"),
    )
    assert moved["old_when"] == "Sat 2027-07-10 20:00 (Montreal) - 23:00"


def test_html_escapes_what_users_typed():
    email = render_email("invitation", Translator("fr"), {**VALUES, "mission_title": "<b>x</b>"})
    assert "&lt;b&gt;x&lt;/b&gt;" in email.html
    assert "<b>x</b>" in email.text


async def test_signed_token_round_trips_and_rejects_tampering(coulisses_app):
    token = signing.sign({"o": 1, "k": "reminder", "a": 7})
    assert signing.verify(token) == {"o": 1, "k": "reminder", "a": 7}
    body, _, mac = token.partition(".")
    forged = signing.sign({"o": 2, "k": "reminder", "a": 7}).partition(".")[0]
    assert signing.verify(f"{forged}.{mac}") is None
    assert signing.verify(body) is None
    assert signing.verify("garbage") is None


def test_the_settings_form_is_labelled_in_every_locale_with_time_pickers():
    from coulisses_notifications.config import NotificationsConfig
    from coulisses_notifications.plugin import plugin
    from coulisses_sdk.testing import assert_config_labelled

    assert_config_labelled(plugin)
    props = NotificationsConfig.model_json_schema()["properties"]
    assert props["quiet_start"]["x-widget"] == props["quiet_end"]["x-widget"] == "time"
    assert props["quiet_start"]["x-label"]["fr"] == "D\u00e9but des heures calmes"
