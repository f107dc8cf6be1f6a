import type { ReactNode } from 'react';

import { Sheet } from '@/components/ui/drawer/drawer';

/**
 * The selected mission on a phone: its panel in a modal sheet from the right edge
 * (named by the panel's title, closed by its own button, Escape or a tap beside it),
 * over the day agenda that stays where it was.
 */
export function MissionDrawer({
  open,
  labelledBy,
  onClose,
  children,
}: {
  open: boolean;
  /** The id of the panel's title. */
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Sheet open={open} onClose={onClose} side="right" labelledBy={labelledBy} className="w-[22rem] max-w-[92vw] bg-background p-2">
      <div className="space-y-3">{children}</div>
    </Sheet>
  );
}
