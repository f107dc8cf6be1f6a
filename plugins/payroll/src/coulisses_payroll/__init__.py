"""Coulisses Crew payroll plugin."""
