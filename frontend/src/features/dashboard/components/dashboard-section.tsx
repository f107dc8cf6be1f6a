import { useId, type ReactNode } from 'react';

import { Card } from '@/components/ui/card/card';

export const linkClass = 'text-sm font-medium text-primary underline-offset-4 hover:underline';

/** One block of the dashboard: a titled region with its count and the link that resolves it. */
export function DashboardSection({
  title,
  count,
  action,
  children,
  className,
}: {
  title: string;
  /** Shown next to the title (the exact total, even when the list shows fewer). */
  count?: number;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const titleId = useId();
  return (
    <Card className={className}>
      <section aria-labelledby={titleId} className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
            {count !== undefined ? (
              <span className="ml-2 rounded-full bg-muted px-2 py-0.5 align-middle text-sm font-medium" data-testid="section-count">
                {count}
              </span>
            ) : null}
          </h2>
          {action}
        </div>
        {children}
      </section>
    </Card>
  );
}

/** "and N more" under a list cut at its first items. */
export function MoreLine({ shown, total, label }: { shown: number; total: number; label: (count: number) => string }) {
  if (total <= shown) return null;
  return <p className="text-sm text-muted-foreground">{label(total - shown)}</p>;
}
