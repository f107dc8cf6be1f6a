"""Benchmarks of the performance claims (``python3 dev.py bench``, i.e. ``python -m bench``).

Each run builds a large org on a throwaway database (on ``DATABASE_URL``'s server
if set, else on an embedded PostgreSQL), times the hot routes through the real
ASGI app, prints the figures next to their targets, and drops the database.
Figures are printed, never asserted: they depend on the machine.
"""
