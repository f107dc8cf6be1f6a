import { cva } from 'class-variance-authority';

import { cn } from '@/lib/cn';
import { useLocale } from '@/lib/i18n/use-locale';
import {
  deliveryErrorKey,
  deliveryLabelKey,
  deliveryTone,
  type DeliveryStatus,
} from '@/features/planning/utils/delivery';

const deliveryVariants = cva('inline-flex items-center gap-1 rounded-full text-xs font-medium', {
  variants: {
    tone: {
      pending: 'text-info',
      ok: 'text-success',
      problem: 'text-danger',
    },
    framed: {
      true: 'px-2 py-0.5',
      false: '',
    },
  },
  compoundVariants: [
    { tone: 'pending', framed: true, className: 'bg-info-soft' },
    { tone: 'ok', framed: true, className: 'bg-success-soft' },
    { tone: 'problem', framed: true, className: 'bg-danger-soft' },
  ],
  defaultVariants: { framed: true },
});

/** One shape per state, so the state reads without colour too. */
const PATHS: Record<DeliveryStatus, string[]> = {
  // clock
  queued: ['M12 7v5l3 2', 'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0'],
  // check
  sent: ['M5 12.5l4.5 4.5L19 7.5'],
  // cross in a circle
  failed: ['M15 9l-6 6', 'M9 9l6 6', 'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0'],
  // envelope struck through
  no_channel: ['M4 6h16v12H4z', 'M4 7l8 6 8-6', 'M3 3l18 18'],
};

export function DeliveryIcon({ status, className }: { status: DeliveryStatus; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className={cn('size-3.5 shrink-0', className)}
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      data-delivery-icon={status}
    >
      {PATHS[status].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

/** The delivery state of an invitation: icon and label. */
export function DeliveryBadge({
  status,
  framed = true,
  className,
}: {
  status: DeliveryStatus;
  framed?: boolean;
  className?: string;
}) {
  const { t } = useLocale();
  return (
    <span
      data-delivery={status}
      className={cn(deliveryVariants({ tone: deliveryTone(status), framed }), className)}
    >
      <DeliveryIcon status={status} />
      {t(deliveryLabelKey(status))}
    </span>
  );
}

/** Why a link did not arrive, in words; the raw error of an unknown case as a detail. */
export function DeliveryReason({ status, error }: { status: DeliveryStatus; error: string | null }) {
  const { t } = useLocale();
  if (status !== 'failed' && status !== 'no_channel') return null;
  const key = deliveryErrorKey(error) ?? (status === 'no_channel' ? 'planning_delivery_error_no_email' : null);
  return (
    <p className="text-xs text-danger">
      {key ? t(key) : t('planning_delivery_error_unknown')}
      {!key && error ? (
        <>
          {' '}
          <span className="text-muted-foreground">
            ({t('planning_delivery_error_detail')} <code className="break-all">{error}</code>)
          </span>
        </>
      ) : null}
    </p>
  );
}
