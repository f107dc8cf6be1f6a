import * as RadixDialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode } from 'react';

import { cn } from '@/lib/cn';

/**
 * Focus back to the control that opened a dialog it does not own (no Dialog.Trigger: the
 * callers keep their own buttons and `open` state). Radix would only refocus its Trigger.
 * Spread the result on Dialog.Content. When something else took focus while it closed
 * (a navigation focusing <main>), leave it there.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault();
      const active = document.activeElement;
      if (!active || active === document.body) opener.current?.focus();
      opener.current = null;
    },
  };
}

export interface DialogProps {
  open: boolean;
  /** Called on Escape, a click outside and by the dialog's own buttons. */
  onClose: () => void;
  /** The accessible name, shown as the heading. */
  title: ReactNode;
  /** Optional text read after the name (aria-describedby). */
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/**
 * A centred modal dialog on Radix UI: role dialog named by its title and described by its
 * description, focus moved to the first control (the field, or the safe button first in the
 * footer) and trapped inside, the page behind inert and unscrollable, Escape and a click
 * outside call onClose, focus returns to the opener when it closes.
 */
export function Dialog({ open, onClose, title, description, children, className }: DialogProps) {
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
          {...returnFocus}
          className={cn(
            'fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-border bg-surface p-6 text-foreground shadow-xl focus:outline-none',
            className,
          )}
        >
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description asChild>
              <div className="mt-2 text-sm text-muted-foreground">{description}</div>
            </RadixDialog.Description>
          ) : null}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
