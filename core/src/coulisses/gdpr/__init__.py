"""Personal data (GDPR, docs/rgpd.md): the export of one person's data as a zip
(:mod:`coulisses.gdpr.export`), their erasure by pseudonymisation
(:mod:`coulisses.gdpr.erasure`), and the org's retention policies with their daily
purge (:mod:`coulisses.gdpr.retention`). Plugins take part through the SDK hooks
``personal_data_export`` and ``personal_data_erase`` (:mod:`coulisses.plugins.personal_data`).
"""
