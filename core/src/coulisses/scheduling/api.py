"""Every scheduling route: the controllers of each noun, registered by the web app."""

from __future__ import annotations

from litestar import Controller

from coulisses.scheduling.absences.api import AbsenceOverlapController, AbsenceTypeController
from coulisses.scheduling.assignments.api import AssignmentController
from coulisses.scheduling.availability.api import AvailabilityController
from coulisses.scheduling.availability_requests.api import (
    AvailabilityAnswerController,
    AvailabilityRequestController,
)
from coulisses.scheduling.calendar.api import (
    CalendarFileController,
    MyCalendarFeedController,
    SubjectCalendarFeedController,
)
from coulisses.scheduling.certifications.api import CertificationController
from coulisses.scheduling.conflicts.api import ConflictController
from coulisses.scheduling.dashboard.api import DashboardController
from coulisses.scheduling.imports.api import ImportController
from coulisses.scheduling.invitations.api import InvitationController
from coulisses.scheduling.mission_templates.api import MissionTemplateController
from coulisses.scheduling.missions.api import MissionBatchController, MissionController
from coulisses.scheduling.open_shifts.api import OpenShiftController
from coulisses.scheduling.places.api import PlaceController
from coulisses.scheduling.planning.api import PlanningController
from coulisses.scheduling.projects.api import ProjectController
from coulisses.scheduling.rates.api import RateController
from coulisses.scheduling.swaps.api import SwapController
from coulisses.scheduling.users.api import UserController

SCHEDULING_CONTROLLERS: list[type[Controller]] = [
    UserController,
    CertificationController,
    ProjectController,
    PlaceController,
    MissionController,
    MissionBatchController,
    MissionTemplateController,
    AssignmentController,
    OpenShiftController,
    InvitationController,
    AvailabilityController,
    AbsenceTypeController,
    AbsenceOverlapController,
    SwapController,
    AvailabilityRequestController,
    AvailabilityAnswerController,
    ConflictController,
    RateController,
    PlanningController,
    DashboardController,
    MyCalendarFeedController,
    SubjectCalendarFeedController,
    CalendarFileController,
    ImportController,
]
