"""Coulisses Crew payroll plugin, part 1: the pay computation engine (pure, no I/O).

- :mod:`coulisses_payroll.rules`: versioned pay rule sets, every number a sourced parameter;
- :mod:`coulisses_payroll.calendar_fr`: French public holidays, Alsace-Moselle by departement;
- :mod:`coulisses_payroll.engine`: :func:`~coulisses_payroll.engine.compute_pay`.

Computations and reminders, not legal advice (``docs/payroll.md``).
"""
