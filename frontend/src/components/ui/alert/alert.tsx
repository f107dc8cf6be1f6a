import { cva, type VariantProps } from 'class-variance-authority';
import type { HTMLAttributes } from 'react';

import { cn } from '@/lib/cn';

export const alertVariants = cva('rounded-md border px-4 py-3 text-sm', {
  variants: {
    variant: {
      info: 'border-info/30 bg-info-soft text-info',
      success: 'border-success/30 bg-success-soft text-success',
      danger: 'border-danger/30 bg-danger-soft text-danger',
      warning: 'border-warning/30 bg-warning-soft text-warning',
    },
  },
  defaultVariants: { variant: 'info' },
});

export type AlertProps = HTMLAttributes<HTMLDivElement> & VariantProps<typeof alertVariants>;

/** A message box; danger alerts are announced at once (role="alert"), others politely. */
export function Alert({ className, variant, ...props }: AlertProps) {
  return (
    <div
      role={variant === 'danger' ? 'alert' : 'status'}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    />
  );
}
