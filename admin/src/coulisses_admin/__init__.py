"""piccolo-admin for platform operators, mounted once at /admin (superuser accounts only)."""

from coulisses_admin.mount import admin_handlers

__all__ = ["admin_handlers"]
