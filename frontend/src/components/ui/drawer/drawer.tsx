import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

import { useReturnFocus } from '@/components/ui/dialog/dialog';
import { cn } from '@/lib/cn';

export interface SheetProps {
  open: boolean;
  onClose: () => void;
  /** The edge it slides from. */
  side?: 'left' | 'right';
  /** The id of a heading inside that names it, when it has no Dialog.Title of its own. */
  labelledBy?: string;
  id?: string;
  className?: string;
  children: ReactNode;
}

const SIDES = {
  left: 'left-0 border-r',
  right: 'right-0 border-l',
} as const;

/**
 * A modal panel along one edge of the screen, on Radix UI: the page behind is inert and
 * does not scroll, focus goes to its first control and stays inside (Tab cycles), Escape
 * and a tap beside it call onClose, focus returns to the opener. Full height; on a phone
 * it takes (nearly) the whole width through the caller's max-w.
 */
export function Sheet({ open, onClose, side = 'left', labelledBy, id, className, children }: SheetProps) {
  const returnFocus = useReturnFocus();
  return (
    <RadixDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <RadixDialog.Content
          id={id}
          {...returnFocus}
          {...(labelledBy ? { 'aria-labelledby': labelledBy } : {})}
          aria-describedby={undefined}
          className={cn(
            'fixed inset-y-0 z-50 h-dvh overflow-y-auto border-border text-foreground shadow-xl focus:outline-none',
            SIDES[side],
            className,
          )}
        >
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export interface DrawerProps {
  open: boolean;
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
  id?: string;
}

/**
 * The navigation drawer: a Sheet from the left edge, named by its title, with a close
 * button (Escape and a tap beside it close it too).
 */
export function Drawer({ open, title, closeLabel, onClose, children, id }: DrawerProps) {
  return (
    <Sheet open={open} onClose={onClose} side="left" id={id} className="w-72 max-w-[85vw] bg-surface">
      <div className="flex min-h-full flex-col">
        <div className="flex items-center justify-between gap-2 px-5 py-4">
          <RadixDialog.Title className="text-lg font-semibold text-primary">{title}</RadixDialog.Title>
          <RadixDialog.Close
            aria-label={closeLabel}
            className="inline-flex size-9 items-center justify-center rounded-md hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M18 6 6 18M6 6l12 12" />
            </svg>
          </RadixDialog.Close>
        </div>
        {children}
      </div>
    </Sheet>
  );
}
