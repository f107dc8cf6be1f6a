"""Coulisses Crew notifications plugin: email, Telegram bot and in-app notification center.

Built only on ``coulisses_sdk``; see docs/notifications.md (runbook) and
docs/plugins/guide.md (how it is built).
"""

__version__ = "0.1.0"
