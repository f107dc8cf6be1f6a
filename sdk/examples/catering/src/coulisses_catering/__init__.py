"""Catering: a Coulisses Crew plugin."""
