"""Coulisses Crew payroll plugin: the pay engine, per-org rule versions, the monthly report.

- :mod:`coulisses_payroll.rules`: versioned pay rule sets, every number a sourced parameter;
- :mod:`coulisses_payroll.calendar_fr`: French public holidays, Alsace-Moselle by departement;
- :mod:`coulisses_payroll.engine`: :func:`~coulisses_payroll.engine.compute_pay` (pure, no I/O);
- :mod:`coulisses_payroll.service`: an org's rule versions (seeded, append-only);
- :mod:`coulisses_payroll.report`: the monthly report per person;
- :mod:`coulisses_payroll.exports`, :mod:`coulisses_payroll.export_files`: its exports
  (CSV, XLSX, PDF) made by a job, kept 7 days;
- :mod:`coulisses_payroll.api`, :mod:`coulisses_payroll.plugin`: routes and the plugin.

Computations and reminders, not legal advice (``docs/payroll.md``).
"""
