"""Coulisses Crew core: tenancy, auth, RBAC, scheduling and the plugin host."""

__version__ = "0.1.0"
