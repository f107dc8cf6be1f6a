"""Which endpoint URLs the plugin accepts.

https everywhere; plain http only to a loopback address in dev and test. A URL with
credentials (``user:pass@``) or a fragment is refused, and so outside dev is an https
URL naming a loopback, private or link-local IP literal (the worker would call into
the deployment's own network).
"""

from __future__ import annotations

import ipaddress

import httpx

from coulisses_sdk import PluginError

MAX_URL_LENGTH = 2000
_LOOPBACK_NAMES = {"localhost"}


def _invalid(reason: str) -> PluginError:
    return PluginError(
        "invalid_url", f"Invalid endpoint URL: {reason}", status=422, details={"field": "url"}
    )


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_internal_ip(host: str) -> bool:
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host.lower() in _LOOPBACK_NAMES
    return ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_unspecified


def check_url(value: str, *, allow_http_loopback: bool) -> str:
    """``value`` stripped if the plugin may POST to it, else ``422 webhooks.invalid_url``."""
    value = value.strip()
    if not value or len(value) > MAX_URL_LENGTH:
        raise _invalid(f"1 to {MAX_URL_LENGTH} characters")
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, ValueError) as exc:
        raise _invalid("not a URL") from exc
    if url.scheme not in {"https", "http"} or not url.host:
        raise _invalid("an absolute https:// URL is required")
    if url.userinfo:
        raise _invalid("credentials in the URL are not allowed")
    if url.fragment:
        raise _invalid("a fragment (#...) is not allowed")
    if url.scheme == "http":
        if not (allow_http_loopback and _is_loopback(url.host)):
            raise _invalid("https is required")
    elif not allow_http_loopback and _is_internal_ip(url.host):
        raise _invalid("internal addresses are not allowed")
    return value
