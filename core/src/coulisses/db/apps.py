"""Which Piccolo apps exist: the core areas, then each installed plugin's apps."""

from __future__ import annotations

CORE_APPS = [
    "coulisses.auth.piccolo_app",
    "coulisses.tenancy.piccolo_app",
    "coulisses.scheduling.piccolo_app",
    "coulisses.plugins.piccolo_app",
    "coulisses.outbox.piccolo_app",
    "coulisses.apikeys.piccolo_app",
]


def all_app_modules() -> list[str]:
    from coulisses.plugins.loader import get_registry

    apps = list(CORE_APPS)
    try:
        import coulisses_admin  # noqa: F401 - optional distribution

        apps.append("coulisses_admin.piccolo_app")
    except ImportError:
        pass
    return [*apps, *get_registry().piccolo_apps()]
