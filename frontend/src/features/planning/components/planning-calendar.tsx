/**
 * The FullCalendar adapter (its own lazy chunk): month / week / day grids and
 * the resource timeline (rows per user or per project). It runs in UTC mode on
 * the org's wall times (utils/calendar.ts converts both ways), so the org
 * timezone is shown whatever the browser's is.
 */
import type { EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core';
import enLocale from '@fullcalendar/core/locales/en-gb';
import frLocale from '@fullcalendar/core/locales/fr';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import resourceTimelinePlugin from '@fullcalendar/resource-timeline';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useMemo, useRef } from 'react';

import '@/features/planning/components/planning-calendar.css';

import { useDates, wallTimeInZone } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { MissionView, Planning, PlanningAssignment } from '@/features/planning/api/get-planning';
import { MissionEvent, type EventChip } from '@/features/planning/components/mission-event';
import { useCalendarA11y } from '@/features/planning/hooks/use-calendar-a11y';
import { PLANNING_VIEWS, usePlanningStore, type PlanningView } from '@/features/planning/stores/planning-store';
import { deliveryLabelKey, isDeliveryStatus } from '@/features/planning/utils/delivery';
import {
  fromCalendarTime,
  missionFill,
  missionTone,
  placeClock,
  statusTone,
  toCalendarTime,
  TONE_COLORS,
  visibleWindow,
} from '@/features/planning/utils/calendar';

// FullCalendar's resource views are GPLv3 for open-source projects (this one is AGPL).
const SCHEDULER_LICENSE_KEY = 'GPL-My-Project-Is-Open-Source';

interface EventProps {
  kind: 'mission' | 'assignment';
  missionId: number;
  assignmentId?: number;
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
}

export function PlanningCalendar({ planning, missions, userNames, onDropUser, onReschedule }: PlanningCalendarProps) {
  const { t, locale } = useLocale();
  const { timeZone, formatTime, formatDateTime } = useDates();
  const view = usePlanningStore((s) => s.view);
  const initialDate = usePlanningStore((s) => s.initialDate);
  const resourceMode = usePlanningStore((s) => s.resourceMode);
  const warnings = usePlanningStore((s) => s.warnings);
  const setWindow = usePlanningStore((s) => s.setWindow);
  const setView = usePlanningStore((s) => s.setView);
  const selectMission = usePlanningStore((s) => s.selectMission);
  const isResourceView = view.startsWith('resourceTimeline');
  const rootRef = useRef<HTMLDivElement>(null);
  useCalendarA11y(rootRef);
  const assignments = useMemo(() => planning?.assignments ?? [], [planning]);

  const statusLabel = (status: string) =>
    t(`planning_status_${status.toLowerCase()}` as 'planning_status_invited');
  /** An INVITED assignment's link state, when the API gave one. */
  const deliveryOf = (a: PlanningAssignment | undefined) =>
    a?.status === 'INVITED' && isDeliveryStatus(a.delivery_status) ? a.delivery_status : null;

  const missionById = useMemo(() => new Map(missions.map((m) => [m.id, m])), [missions]);

  const events = useMemo<EventInput[]>(() => {
    const missionEvent = (m: MissionView): EventInput => {
      const colors = TONE_COLORS[missionTone(m, assignments)];
      return {
        id: `m${m.id}`,
        title: m.title,
        start: toCalendarTime(m.starts_at, timeZone),
        end: toCalendarTime(m.ends_at, timeZone),
        backgroundColor: colors.background,
        borderColor: colors.border,
        textColor: colors.text,
        resourceId: `p${m.project_id}`,
        extendedProps: { kind: 'mission', missionId: m.id } satisfies EventProps,
      };
    };
    if (isResourceView && resourceMode === 'user') {
      // An assignment has no times of its own: it takes its mission's.
      return assignments.flatMap((a: PlanningAssignment): EventInput[] => {
        const mission = missionById.get(a.mission_id);
        if (!mission) return [];
        const colors = TONE_COLORS[statusTone(a.status)];
        return [
          {
            id: `a${a.id}`,
            title: mission.title,
            start: toCalendarTime(mission.starts_at, timeZone),
            end: toCalendarTime(mission.ends_at, timeZone),
            backgroundColor: colors.background,
            borderColor: colors.border,
            textColor: colors.text,
            resourceId: `u${a.user_id}`,
            editable: false,
            extendedProps: { kind: 'assignment', missionId: a.mission_id, assignmentId: a.id } satisfies EventProps,
          },
        ];
      });
    }
    return missions.map(missionEvent);
  }, [assignments, isResourceView, missionById, missions, resourceMode, timeZone]);

  const resources = useMemo(() => {
    if (resourceMode === 'project') {
      const projects = new Map(missions.map((m) => [m.project_id, m.project_name]));
      return [...projects].map(([id, name]) => ({ id: `p${id}`, title: name }));
    }
    return [...userNames].map(([id, name]) => ({ id: `u${id}`, title: name }));
  }, [missions, resourceMode, userNames]);

  const renderEvent = (arg: EventContentArg) => {
    const props = arg.event.extendedProps as EventProps;
    const mission = missionById.get(props.missionId);
    if (!mission) return null;
    const clock = placeClock(mission, timeZone, locale);
    const time = `${formatTime(mission.starts_at)} - ${formatTime(mission.ends_at)}${
      clock ? ` \u00b7 ${t('time_in_zone', { times: clock.time, zone: clock.label })}` : ''
    }`;
    if (props.kind === 'assignment') {
      const a = assignments.find((x) => x.id === props.assignmentId);
      const delivery = deliveryOf(a);
      const status = [a ? statusLabel(a.status) : '', delivery ? t(deliveryLabelKey(delivery)) : '']
        .filter(Boolean)
        .join(', ');
      return (
        <MissionEvent
          label={t('planning_assignment_label', { title: mission.title, status, when: formatDateTime(mission.starts_at) })}
          title={mission.title}
          time={time}
          subtitle={status}
          tone={statusTone(a?.status ?? '')}
          chips={a && delivery ? [{ id: a.id, label: '', status: a.status, delivery }] : []}
          warnings={0}
          compact
        />
      );
    }
    const own = assignments.filter((a) => a.mission_id === mission.id);
    const chips: EventChip[] = own.map((a) => ({
      id: a.id,
      status: a.status,
      delivery: deliveryOf(a),
      label: `${userNames.get(a.user_id) ?? `#${a.user_id}`} (${statusLabel(a.status)})`,
    }));
    const fill = missionFill(mission, assignments);
    return (
      <MissionEvent
        label={t('planning_mission_label', { title: mission.title, when: formatDateTime(mission.starts_at) })}
        title={mission.title}
        time={time}
        subtitle={[mission.place, mission.project_name].filter(Boolean).join(' - ')}
        tone={missionTone(mission, assignments)}
        fill={fill.quota ? `${fill.accepted}/${fill.quota}` : undefined}
        chips={chips}
        warnings={warnings[mission.id]?.length ?? 0}
        compact={arg.view.type === 'dayGridMonth' || isResourceView}
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
      plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin, resourceTimelinePlugin]}
      schedulerLicenseKey={SCHEDULER_LICENSE_KEY}
      locales={[frLocale, enLocale]}
      locale={locale === 'fr' ? 'fr' : 'en-gb'}
      timeZone="UTC"
      now={() => wallTimeInZone(Date.now(), timeZone)}
      initialView={view}
      initialDate={initialDate ?? undefined}
      headerToolbar={{
        left: 'prev,next today',
        center: 'title',
        right: PLANNING_VIEWS.join(','),
      }}
      // FullCalendar's icon fonts are role="img" without a name (axe role-img-alt): words instead.
      buttonIcons={false}
      buttonText={{
        prev: t('planning_prev_short'),
        next: t('planning_next_short'),
        today: t('planning_today'),
        dayGridMonth: t('planning_view_month'),
        timeGridWeek: t('planning_view_week'),
        timeGridDay: t('planning_view_day'),
        resourceTimelineDay: t('planning_view_timeline_day'),
        resourceTimelineWeek: t('planning_view_timeline_week'),
      }}
      buttonHints={{ prev: t('planning_prev'), next: t('planning_next'), today: t('planning_today') }}
      views={{
        resourceTimelineWeek: { slotDuration: { hours: 3 }, slotLabelFormat: [{ weekday: 'short', day: 'numeric' }, { hour: '2-digit' }] },
      }}
      resourceAreaHeaderContent={resourceMode === 'user' ? t('planning_rows_user') : t('planning_rows_project')}
      resourceAreaWidth="180px"
      resources={resources}
      events={events}
      eventContent={renderEvent}
      editable={!!onReschedule}
      eventResourceEditable={false}
      eventStartEditable={!!onReschedule}
      eventDurationEditable={!!onReschedule}
      snapDuration="00:15"
      slotDuration="00:30"
      scrollTime="07:00"
      nowIndicator
      height={view.startsWith('timeGrid') ? 720 : 'auto'}
      dayMaxEvents={4}
      eventDrop={reschedule}
      eventResize={reschedule}
      eventClick={(arg) => selectMission((arg.event.extendedProps as EventProps).missionId)}
      datesSet={(arg) => {
        setWindow(visibleWindow(arg.start, arg.end));
        if ((PLANNING_VIEWS as readonly string[]).includes(arg.view.type)) setView(arg.view.type as PlanningView);
      }}
    />
    </div>
  );
}
