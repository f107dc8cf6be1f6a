import type { ReactNode } from 'react';

import { useModalDialog } from '@/components/ui/dialog/use-modal-dialog';
import { wrapTab } from '@/components/ui/drawer/drawer';

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
  const ref = useModalDialog(open);
  return (
    // The backdrop tap is a pointer shortcut; Escape and the panel's close button are the keyboard ways.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        if (open) onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={wrapTab}
      className="m-0 ml-auto h-dvh max-h-none w-[22rem] max-w-[92vw] overflow-y-auto border-l border-border bg-background p-2 text-foreground shadow-xl backdrop:bg-black/40"
    >
      {open ? <div className="space-y-3">{children}</div> : null}
    </dialog>
  );
}
