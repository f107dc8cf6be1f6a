"""Piccolo app of the scheduling area."""

import os

from piccolo.conf.apps import AppConfig, table_finder

APP_CONFIG = AppConfig(
    app_name="scheduling",
    migrations_folder_path=os.path.join(os.path.dirname(__file__), "piccolo_migrations"),
    table_classes=table_finder(
        modules=[
            "coulisses.scheduling.users.tables",
            "coulisses.scheduling.places.tables",
            "coulisses.scheduling.projects.tables",
            "coulisses.scheduling.missions.tables",
            "coulisses.scheduling.assignments.tables",
            "coulisses.scheduling.invitations.tables",
            "coulisses.scheduling.availability.tables",
            "coulisses.scheduling.rates.tables",
            "coulisses.scheduling.conflicts.tables",
            "coulisses.scheduling.certifications.tables",
            "coulisses.scheduling.calendar.tables",
            "coulisses.scheduling.mission_templates.tables",
            "coulisses.scheduling.absences.tables",
            "coulisses.scheduling.imports.tables",
            "coulisses.scheduling.swaps.tables",
            "coulisses.scheduling.open_shifts.tables",
            "coulisses.scheduling.availability_requests.tables",
        ],
        exclude_imported=True,
    ),
    migration_dependencies=["coulisses.tenancy.piccolo_app"],
    commands=[],
)
