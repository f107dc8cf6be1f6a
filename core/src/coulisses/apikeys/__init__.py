"""Org API keys: scoped, hashed, revocable keys for integrations (docs/api.md).

Tables in :mod:`coulisses.apikeys.tables`, rules in :mod:`coulisses.apikeys.service`,
routes under ``/api/v1/orgs/current/api-keys`` in :mod:`coulisses.apikeys.api`; the
scopes and their mapping onto the RBAC matrix live in :mod:`coulisses.auth.rbac`.
"""
