"""SAQ jobs of the plugin (registered as ``webhooks.<name>``)."""

from coulisses_webhooks.delivery import deliver

__all__ = ["deliver"]
