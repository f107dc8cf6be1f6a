"""A local SMTP sink for dev and the demo: mails are saved as .eml files and announced in the log.

Production points SMTP_HOST/SMTP_PORT at a real relay; dev and the demo, which
have none, start this sink so emailed links still work. The dev outbox route
(``GET /api/v1/dev/outbox``, see ``coulisses.mail.outbox``) reads the same folder.
"""

from __future__ import annotations

import errno
import logging
import re
import socket
import time
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

logger = logging.getLogger("coulisses.mail")

_LINK = re.compile(r"https?://\S+")


def text_of(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    return str(body.get_content()) if body is not None else ""


def links_in(text: str) -> list[str]:
    return _LINK.findall(text)


class SaveToFolder:
    """aiosmtpd handler: one ``<arrival ns>.eml`` per message; ``announce`` logs its links
    (dev only: they hold signed tokens)."""

    def __init__(self, folder: Path, *, announce: bool = True) -> None:
        self.folder = folder
        self.announce = announce
        folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        path = self.folder / f"{time.time_ns()}.eml"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(envelope.content)
        tmp.replace(path)  # readers (the dev outbox) never see a half-written file
        if not self.announce:
            return "250 OK"
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        links = " ".join(links_in(text_of(message)))
        logger.info("mail to %s: %s %s (%s)", message["To"], message["Subject"], links, path)
        return "250 OK"


def port_in_use(host: str, port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc.errno == errno.EADDRINUSE
    return False


def start_sink(host: str, port: int, folder: Path) -> Any:
    """Start the sink in a background thread; returns the controller (call ``stop()``)."""
    from aiosmtpd.controller import Controller

    controller = Controller(SaveToFolder(folder), hostname=host, port=port)
    controller.start()
    return controller
