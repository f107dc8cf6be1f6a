/**
 * The FullCalendar adapter (its own lazy chunk): the crew timeline (rows by
 * place, person or role at four zooms) and the month / week / day grids. It
 * runs in UTC mode on the org's wall times (utils/calendar.ts converts both
 * ways), so the org timezone is shown whatever the browser's is. The view and
 * zoom are chosen in the screen's toolbar (the store); this only follows them.
 */
import type {
  DayCellContentArg,
  DayHeaderContentArg,
  EventContentArg,
  EventDropArg,
  EventInput,
  SlotLabelContentArg,
} from '@fullcalendar/core';
import enLocale from '@fullcalendar/core/locales/en-gb';
import frLocale from '@fullcalendar/core/locales/fr';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import type { ResourceLabelContentArg } from '@fullcalendar/resource';
import resourceTimelinePlugin from '@fullcalendar/resource-timeline';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useEffect, useMemo, useRef, useState } from 'react';

import '@/features/planning/components/planning-calendar.css';

import { useDates, wallTimeInZone } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { MissionView, Planning, PlanningAssignment } from '@/features/planning/api/get-planning';
import type { AbsenceOccurrence } from '@/features/planning/api/list-planning-absences';
import { MissionEvent, type EventChip } from '@/features/planning/components/mission-event';
import { useCalendarA11y } from '@/features/planning/hooks/use-calendar-a11y';
import { usePlanningStore } from '@/features/planning/stores/planning-store';
import { absenceEvents } from '@/features/planning/utils/absences';
import { deliveryLabelKey, isDeliveryStatus } from '@/features/planning/utils/delivery';
import {
  calendarDay,
  fromCalendarTime,
  placeClock,
  statusTone,
  toCalendarTime,
  TONE_COLORS,
  visibleWindow,
  type Tone,
} from '@/features/planning/utils/calendar';
import {
  calendarViewName,
  fillLabel,
  fillState,
  FILL_TONES,
  openPlacesByDay,
  placeRowId,
  reopenDay,
  roleRowId,
  timelineRows,
  type RoleCounts,
} from '@/features/planning/utils/timeline';

// FullCalendar's resource views are GPLv3 for open-source projects (this one is AGPL).
const SCHEDULER_LICENSE_KEY = 'GPL-My-Project-Is-Open-Source';

/**
 * FullCalendar compares most options by identity: a new locales array on every render
 * would make it rebuild its date environment, and with it every date formatter (an
 * Intl.DateTimeFormat each), on every render of the planning.
 */
const LOCALES = [frLocale, enLocale];

/** A middle dot between the parts of a line (escaped: the source stays ASCII). */
const DOT = ` \u00b7 `;
const DAY_LABEL = { weekday: 'short', day: 'numeric' } as const;
const DAY_NUMBER = { day: 'numeric' } as const;
const HOUR_LABEL = { hour: '2-digit', minute: '2-digit', hour12: false } as const;

/**
 * The timeline's zooms: a day in hours, three days and a week in 3 and 6 hour
 * slots under their day, a month in days. A short mission is drawn at least wide
 * enough to read its title and "6/9" (FullCalendar stacks what would overlap).
 * Slots are narrow enough for the whole range to fit beside the side panel at
 * 1440 px: a scrolling body would hold only events FullCalendar hides from
 * assistive technology (axe scrollable-region-focusable). The page scrolls
 * instead, under a sticky time axis.
 */
const TIMELINE_VIEWS = {
  crewDay: { type: 'resourceTimeline', duration: { days: 1 }, slotDuration: { hours: 1 }, slotLabelFormat: HOUR_LABEL, slotMinWidth: 26 },
  crewDays3: {
    type: 'resourceTimeline',
    duration: { days: 3 },
    slotDuration: { hours: 3 },
    slotLabelFormat: [DAY_LABEL, HOUR_LABEL],
    slotMinWidth: 26,
    eventMinWidth: 120,
  },
  crewWeek: {
    type: 'resourceTimeline',
    duration: { weeks: 1 },
    slotDuration: { hours: 6 },
    slotLabelFormat: [DAY_LABEL, HOUR_LABEL],
    slotMinWidth: 22,
    eventMinWidth: 132,
  },
  crewMonth: {
    type: 'resourceTimeline',
    duration: { months: 1 },
    slotDuration: { days: 1 },
    slotLabelFormat: DAY_NUMBER,
    slotMinWidth: 20,
    eventMinWidth: 64,
  },
};

interface EventProps {
  kind: 'mission' | 'assignment';
  missionId: number;
  assignmentId?: number;
  /** Rows by role: the role this piece of the mission stands for. */
  roleId?: number;
}

export interface PlanningCalendarProps {
  planning: Planning | undefined;
  /** The missions shown, named and on their clocks (`resolveMissions`). */
  missions: MissionView[];
  userNames: Map<number, string>;
  /** Absent for a role that may not invite: missions then take no drop. */
  onDropUser?: (missionId: number, userId: number) => void;
  /** Absent for a role that may not change missions: events are not draggable. */
  onReschedule?: (missionId: number, startsAt: string, endsAt: string, revert: () => void) => void;
  /** Approved unavailability (absences) of the window: greyed on the rows by person. */
  absences?: readonly AbsenceOccurrence[];
}

function eventColors(tone: Tone) {
  const colors = TONE_COLORS[tone];
  return { backgroundColor: colors.background, borderColor: colors.border, textColor: colors.text };
}

export function PlanningCalendar({ planning, missions, userNames, onDropUser, onReschedule, absences }: PlanningCalendarProps) {
  const { t, locale } = useLocale();
  const { timeZone, formatTime, formatDateTime, formatDuration } = useDates();
  const view = usePlanningStore((s) => s.view);
  const zoom = usePlanningStore((s) => s.zoom);
  const rowsBy = usePlanningStore((s) => s.rows);
  const linkedDay = usePlanningStore((s) => s.initialDate);
  const currentDay = usePlanningStore((s) => s.currentDay);
  const selectedMissionId = usePlanningStore((s) => s.selectedMissionId);
  const warnings = usePlanningStore((s) => s.warnings);
  const setWindow = usePlanningStore((s) => s.setWindow);
  const selectMission = usePlanningStore((s) => s.selectMission);
  const isTimeline = view === 'timeline';
  const fcView = calendarViewName(view, zoom);
  const rootRef = useRef<HTMLDivElement>(null);
  const calendarRef = useRef<FullCalendar>(null);
  useCalendarA11y(rootRef);
  const assignments = useMemo(() => planning?.assignments ?? [], [planning]);

  // The toolbar changes the store; FullCalendar keeps its own date when the view changes.
  useEffect(() => {
    const api = calendarRef.current?.getApi();
    if (api && api.view.type !== fcView) api.changeView(fcView);
  }, [fcView]);

  const statusLabel = (status: string) =>
    t(`planning_status_${status.toLowerCase()}` as 'planning_status_invited');
  /** An INVITED assignment's link state, when the API gave one. */
  const deliveryOf = (a: PlanningAssignment | undefined) =>
    a?.status === 'INVITED' && isDeliveryStatus(a.delivery_status) ? a.delivery_status : null;

  const missionById = useMemo(() => new Map(missions.map((m) => [m.id, m])), [missions]);
  // Read once, at mount: back from the phone agenda the grid opens on the selected
  // mission's day (its panel stays), else on the day the agenda showed.
  const [initialDate] = useState(
    () => reopenDay(selectedMissionId === null ? null : missionById.get(selectedMissionId)?.starts_at, currentDay, linkedDay, timeZone) ?? undefined,
  );
  const openByDay = useMemo(() => openPlacesByDay(missions, timeZone), [missions, timeZone]);

  const events = useMemo<EventInput[]>(() => {
    const times = (m: MissionView) => ({
      start: toCalendarTime(m.starts_at, timeZone),
      end: toCalendarTime(m.ends_at, timeZone),
    });
    if (isTimeline && rowsBy === 'user') {
      // An assignment has no times of its own: it takes its mission's.
      const greyed = absenceEvents(absences ?? [], timeZone, t('planning_absence'));
      return greyed.concat(assignments.flatMap((a: PlanningAssignment): EventInput[] => {
        const mission = missionById.get(a.mission_id);
        if (!mission) return [];
        return [
          {
            id: `a${a.id}`,
            title: mission.title,
            ...times(mission),
            ...eventColors(statusTone(a.status)),
            resourceId: `user:${a.user_id}`,
            editable: false,
            extendedProps: { kind: 'assignment', missionId: a.mission_id, assignmentId: a.id } satisfies EventProps,
          },
        ];
      }));
    }
    if (isTimeline && rowsBy === 'role') {
      // One piece per role, in that role's row, coloured by that role's fill.
      return missions.flatMap((m) =>
        m.roles.map((r) => ({
          id: `m${m.id}r${r.id}`,
          groupId: `m${m.id}`,
          title: m.title,
          ...times(m),
          ...eventColors(FILL_TONES[fillState([r])]),
          resourceId: roleRowId(r.name),
          extendedProps: { kind: 'mission', missionId: m.id, roleId: r.id } satisfies EventProps,
        })),
      );
    }
    return missions.map((m) => ({
      id: `m${m.id}`,
      title: m.title,
      ...times(m),
      ...eventColors(FILL_TONES[fillState(m.roles)]),
      resourceId: placeRowId(m.place_id ?? null),
      extendedProps: { kind: 'mission', missionId: m.id } satisfies EventProps,
    }));
  }, [absences, assignments, isTimeline, missionById, missions, rowsBy, t, timeZone]);

  const rows = useMemo(
    () =>
      timelineRows(rowsBy, {
        missions,
        places: planning?.places ?? {},
        userNames,
        users: planning?.users ?? [],
        noPlaceTitle: t('planning_no_place'),
      }),
    [missions, planning, rowsBy, t, userNames],
  );
  const resources = useMemo(
    () => rows.map((r, order) => ({ id: r.id, title: r.title, order, extendedProps: { minutes: r.plannedMinutes } })),
    [rows],
  );

  const renderRowLabel = (arg: ResourceLabelContentArg) => {
    const minutes = arg.resource.extendedProps.minutes as number | undefined;
    return (
      <span className="flex w-full items-baseline justify-between gap-2">
        <span className="truncate">{arg.resource.title}</span>
        {minutes !== undefined ? (
          <span className="shrink-0 text-xs tabular-nums text-muted-foreground">
            {minutes ? formatDuration(minutes) : '-'}
          </span>
        ) : null}
      </span>
    );
  };

  /**
   * A day's label with its open places ("12 places libres"), in every view's day
   * header; in the month timeline's narrow columns only the number shows (the
   * words stay in its title and for screen readers).
   */
  const dayLabel = (date: Date, text: string, narrow = false) => {
    const open = openByDay.get(date.toISOString().slice(0, 10)) ?? 0;
    const words = t('planning_open_places', { count: open });
    return (
      <span className="flex flex-col items-center leading-tight">
        <span>{text}</span>
        {open ? (
          <span data-open-places={open} title={words} className="text-xs font-normal text-danger">
            {narrow ? (
              <>
                <span aria-hidden="true">{open}</span>
                <span className="sr-only">{words}</span>
              </>
            ) : (
              words
            )}
          </span>
        ) : null}
      </span>
    );
  };
  const renderSlotLabel = (arg: SlotLabelContentArg) => {
    const isDayRow = zoom === 'month' || (arg.level === 0 && zoom !== 'day');
    return isDayRow ? dayLabel(arg.date, arg.text, zoom === 'month') : arg.text;
  };
  // The month's headers name weekdays, not dates: its totals are in the day cells.
  const renderDayHeader = (arg: DayHeaderContentArg) =>
    arg.view.type === 'dayGridMonth' ? arg.text : dayLabel(arg.date, arg.text);
  const views = useMemo(
    () => ({
      ...TIMELINE_VIEWS,
      // Month only: a day cell renderer elsewhere would add content to the week and day grids.
      dayGridMonth: {
        dayCellContent: (arg: DayCellContentArg) => {
          const open = openByDay.get(arg.date.toISOString().slice(0, 10)) ?? 0;
          return (
            <span className="flex flex-col items-end leading-tight">
              <span>{arg.dayNumberText}</span>
              {open ? (
                <span data-open-places={open} className="text-right text-xs font-normal text-danger">
                  {t('planning_open_places', { count: open })}
                </span>
              ) : null}
            </span>
          );
        },
      },
    }),
    [openByDay, t],
  );

  const renderEvent = (arg: EventContentArg) => {
    const props = arg.event.extendedProps as EventProps;
    const mission = missionById.get(props.missionId);
    if (!mission) return null;
    const clock = placeClock(mission, timeZone, locale);
    const hours = `${formatTime(mission.starts_at)} - ${formatTime(mission.ends_at)}`;
    const time = `${hours}${clock ? ` \u00b7 ${t('time_in_zone', { times: clock.time, zone: clock.label })}` : ''}`;
    if (props.kind === 'assignment') {
      const a = assignments.find((x) => x.id === props.assignmentId);
      const delivery = deliveryOf(a);
      const status = [a ? statusLabel(a.status) : '', delivery ? t(deliveryLabelKey(delivery)) : '']
        .filter(Boolean)
        .join(', ');
      const label = [
        t('planning_assignment_label', { title: mission.title, status, when: formatDateTime(mission.starts_at) }),
        mission.place,
      ]
        .filter(Boolean)
        .join(', ');
      return (
        <MissionEvent
          label={label}
          title={mission.title}
          time={time}
          subtitle={status}
          detail={[mission.place, status].filter(Boolean).join(DOT)}
          tone={statusTone(a?.status ?? '')}
          chips={a && delivery ? [{ id: a.id, label: '', status: a.status, delivery }] : []}
          warnings={0}
          compact
        />
      );
    }
    const role = props.roleId === undefined ? undefined : mission.roles.find((r) => r.id === props.roleId);
    const roles: RoleCounts[] = role ? [role] : mission.roles;
    const own = assignments.filter((a) => a.mission_id === mission.id && (!role || a.mission_role_id === role.id));
    const chips: EventChip[] = own.map((a) => ({
      id: a.id,
      status: a.status,
      delivery: deliveryOf(a),
      label: `${userNames.get(a.user_id) ?? `#${a.user_id}`} (${statusLabel(a.status)})`,
    }));
    const detail = isTimeline
      ? [rowsBy === 'place' ? '' : mission.place, zoom === 'month' ? '' : hours].filter(Boolean).join(DOT)
      : undefined;
    const fill = fillLabel(roles);
    // What a keyboard or screen reader user reads on the event: the words of the colours too.
    const label = [
      t('planning_mission_label', { title: mission.title, when: formatDateTime(mission.starts_at) }),
      role?.name,
      mission.place,
      fill ? t('planning_fill_count', { fill }) : '',
      t(`planning_fill_${fillState(roles)}`),
    ]
      .filter(Boolean)
      .join(', ');
    return (
      <MissionEvent
        label={label}
        title={role ? `${mission.title} - ${role.name}` : mission.title}
        time={time}
        subtitle={[mission.place, mission.project_name].filter(Boolean).join(' - ')}
        detail={detail}
        tone={FILL_TONES[fillState(roles)]}
        fill={fill}
        chips={chips}
        warnings={warnings[mission.id]?.length ?? 0}
        compact={arg.view.type === 'dayGridMonth' || isTimeline}
        continuation={!arg.isStart}
        onDropUser={onDropUser ? (userId) => onDropUser(mission.id, userId) : undefined}
      />
    );
  };

  const reschedule = (arg: EventDropArg | EventResizeDoneArg) => {
    const props = arg.event.extendedProps as EventProps;
    const { start, end } = arg.event;
    if (props.kind !== 'mission' || !start || !end || !onReschedule) return arg.revert();
    onReschedule(props.missionId, fromCalendarTime(start, timeZone), fromCalendarTime(end, timeZone), arg.revert);
  };

  return (
    <div ref={rootRef}>
      <FullCalendar
        ref={calendarRef}
        plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin, resourceTimelinePlugin]}
        schedulerLicenseKey={SCHEDULER_LICENSE_KEY}
        locales={LOCALES}
        locale={locale === 'fr' ? 'fr' : 'en-gb'}
        timeZone="UTC"
        now={() => wallTimeInZone(Date.now(), timeZone)}
        initialView={fcView}
        initialDate={initialDate}
        headerToolbar={{ left: 'prev,next today', center: 'title', right: '' }}
        // FullCalendar's icon fonts are role="img" without a name (axe role-img-alt): words instead.
        buttonIcons={false}
        buttonText={{ prev: t('planning_prev_short'), next: t('planning_next_short'), today: t('planning_today') }}
        buttonHints={{ prev: t('planning_prev'), next: t('planning_next'), today: t('planning_today') }}
        views={views}
        resourceAreaHeaderContent={t(`planning_rows_${rowsBy}`)}
        resourceAreaWidth="200px"
        resourceOrder="order"
        resources={resources}
        resourceLabelContent={renderRowLabel}
        slotLabelContent={renderSlotLabel}
        dayHeaderContent={renderDayHeader}
        events={events}
        eventContent={renderEvent}
        // Month cells colour every mission (FullCalendar draws timed events as dots otherwise).
        eventDisplay="block"
        // Events write their own times (renderEvent): FullCalendar's time text would be
        // formatted for nothing, with two new Intl.DateTimeFormat per event and render
        // (its formatRange builds them uncached: 225 ms for 400 events on the timeline).
        displayEventTime={false}
        editable={!!onReschedule}
        eventResourceEditable={false}
        eventStartEditable={!!onReschedule}
        eventDurationEditable={!!onReschedule}
        snapDuration="00:15"
        slotDuration="00:30"
        scrollTime="07:00"
        nowIndicator
        height={view.startsWith('timeGrid') ? 720 : 'auto'}
        stickyHeaderDates
        dayMaxEvents={4}
        eventDrop={reschedule}
        eventResize={reschedule}
        eventClick={(arg) => selectMission((arg.event.extendedProps as EventProps).missionId)}
        // The window to fetch, and the calendar's own current day (kept across zooms and remounts).
        datesSet={(arg) => setWindow(visibleWindow(arg.start, arg.end), calendarDay(arg.view.calendar.getDate()))}
      />
    </div>
  );
}
