"""Jinja2 rendering of emails (text + HTML) and Telegram texts, in the recipient's language."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import jinja2

from coulisses_notifications.i18n import Translator


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


@functools.cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("coulisses_notifications", "templates"),
        # HTML templates are escaped; text ones (emails, Telegram) are not HTML at all.
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(name: str, t: Translator, values: dict[str, Any]) -> str:
    return environment().get_template(name).render(t=t, **values)


def render_email(template: str, t: Translator, values: dict[str, Any]) -> RenderedEmail:
    """``email/<template>.txt.j2`` and ``.html.j2``; the subject is the text's first line."""
    text = _render(f"email/{template}.txt.j2", t, values)
    subject, _, body = text.partition("\n")
    html = _render(f"email/{template}.html.j2", t, {**values, "subject": subject.strip()})
    return RenderedEmail(subject=subject.strip(), text=body.lstrip("\n"), html=html)


def render_telegram(template: str, t: Translator, values: dict[str, Any]) -> str:
    return _render(f"telegram/{template}.txt.j2", t, values).strip()


def render_in_app(template: str, t: Translator, values: dict[str, Any]) -> str:
    """The in-app notification's text: the Telegram text without its answer commands
    (the app shows Accept / Decline buttons from the notification's data instead)."""
    return render_telegram(template, t, {**values, "answer_code": None})
