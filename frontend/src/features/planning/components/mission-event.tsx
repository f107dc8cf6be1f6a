import { useState, type DragEvent } from 'react';

import { cn } from '@/lib/cn';
import { useLocale } from '@/lib/i18n/use-locale';
import { USER_DRAG_TYPE } from '@/features/planning/components/crew-list';
import { DeliveryIcon } from '@/features/planning/components/delivery-status';
import { TONE_COLORS, statusTone, type Tone } from '@/features/planning/utils/calendar';
import { deliveryLabelKey, needsAttention, type DeliveryStatus } from '@/features/planning/utils/delivery';

export interface EventChip {
  id: number;
  label: string;
  status: string;
  /** What became of the invitation link (INVITED assignments only). */
  delivery?: DeliveryStatus | null;
}

export interface MissionEventProps {
  label: string;
  title: string;
  time: string;
  subtitle?: string;
  tone: Tone;
  fill?: string;
  chips: EventChip[];
  warnings: number;
  compact?: boolean;
  /** One short line kept even when compact (the timeline's place and times). */
  detail?: string;
  /** The part of a mission past midnight: same drop target, not announced twice. */
  continuation?: boolean;
  /** Called with the user id when someone drops a user from the crew list. */
  onDropUser?: (userId: number) => void;
}

/** The inside of a calendar event: title, fill, assignments by status, warnings; a drop target. */
export function MissionEvent({
  label,
  title,
  time,
  subtitle,
  tone,
  fill,
  chips,
  warnings,
  compact,
  detail,
  continuation,
  onDropUser,
}: MissionEventProps) {
  const { t } = useLocale();
  const [over, setOver] = useState(false);
  const undelivered = chips.filter((chip) => needsAttention(chip.delivery)).length;
  const accepts = (event: DragEvent) => !!onDropUser && event.dataTransfer.types.includes(USER_DRAG_TYPE);
  return (
    <div
      role={continuation ? undefined : 'group'}
      aria-label={continuation ? undefined : label}
      data-tone={tone}
      className={cn('h-full w-full overflow-hidden px-1 py-0.5 text-xs leading-tight', over && 'outline-2 outline-ring')}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        if (!accepts(event)) return;
        event.preventDefault();
        const userId = Number(event.dataTransfer.getData(USER_DRAG_TYPE));
        if (userId) onDropUser?.(userId);
      }}
    >
      <div className="flex items-center gap-1 font-semibold">
        <span className="truncate">{title}</span>
        {fill ? <span className="ml-auto shrink-0 font-normal">{fill}</span> : null}
      </div>
      {compact && detail ? <div className="truncate font-normal opacity-90">{detail}</div> : null}
      {!compact ? <div className="truncate">{time}</div> : null}
      {!compact && subtitle ? <div className="truncate opacity-90">{subtitle}</div> : null}
      {undelivered > 0 ? (
        <div data-undelivered={undelivered} className="mt-0.5 flex items-center gap-0.5 truncate rounded-sm bg-danger-soft px-1 font-medium text-danger">
          <DeliveryIcon status="failed" />
          <span className="truncate">{t('planning_undelivered_count', { count: undelivered })}</span>
        </div>
      ) : null}
      {warnings > 0 ? (
        <div className="mt-0.5 truncate rounded-sm bg-warning-soft px-1 font-medium text-warning">
          {t('planning_warning_count', { count: warnings })}
        </div>
      ) : null}
      {!compact && chips.length ? (
        <ul className="mt-0.5 flex flex-wrap gap-0.5">
          {chips.map((chip) => {
            const colors = TONE_COLORS[statusTone(chip.status)];
            const problem = needsAttention(chip.delivery);
            return (
              <li
                key={chip.id}
                data-status={chip.status}
                data-delivery={chip.delivery ?? undefined}
                title={chip.delivery ? t(deliveryLabelKey(chip.delivery)) : undefined}
                className={cn('flex items-center gap-0.5 rounded-sm border px-1', problem && 'border-dashed')}
                style={{
                  background: colors.background,
                  borderColor: problem ? 'var(--color-danger)' : colors.border,
                  color: colors.text,
                }}
              >
                {chip.delivery ? (
                  <DeliveryIcon status={chip.delivery} className={problem ? 'text-danger' : undefined} />
                ) : null}
                {chip.label}
                {chip.delivery ? <span className="sr-only">, {t(deliveryLabelKey(chip.delivery))}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
