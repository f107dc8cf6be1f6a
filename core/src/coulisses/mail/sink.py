"""A local SMTP sink for the demo: mails are saved as .eml files and announced in the log.

Production points SMTP_HOST/SMTP_PORT at a real relay; the demo, which has no
relay, starts this sink on the configured port so emailed links still work.
"""

from __future__ import annotations

import logging
import re
import time
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

logger = logging.getLogger("coulisses.mail")


class SaveToFolder:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        path = self.folder / f"{time.time_ns()}.eml"
        path.write_bytes(envelope.content)
        message = message_from_bytes(envelope.content, policy=policy.default)
        body = message.get_body(preferencelist=("plain",))
        text = body.get_content() if body is not None else ""
        links = " ".join(re.findall(r"https?://\S+", str(text)))
        logger.info("mail to %s: %s %s (%s)", message["To"], message["Subject"], links, path)
        return "250 OK"


def start_sink(host: str, port: int, folder: Path) -> Any:
    """Start the sink in a background thread; returns the controller (call ``stop()``)."""
    from aiosmtpd.controller import Controller

    controller = Controller(SaveToFolder(folder), hostname=host, port=port)
    controller.start()
    return controller
