import { cva, type VariantProps } from 'class-variance-authority';
import type { SelectHTMLAttributes } from 'react';

import { cn } from '@/lib/cn';

export const selectVariants = cva(
  'block max-w-full rounded-md border bg-surface px-3 pr-8 text-sm text-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring disabled:opacity-60',
  {
    variants: {
      state: { default: 'border-input', invalid: 'border-danger' },
      size: { sm: 'h-8', md: 'h-10' },
      width: { auto: 'w-auto', full: 'w-full' },
    },
    defaultVariants: { state: 'default', size: 'md', width: 'full' },
  },
);

export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size'> &
  VariantProps<typeof selectVariants>;

/** A native select: keyboard and screen-reader behaviour come from the browser. */
export function Select({ className, state, size, width, ...props }: SelectProps) {
  return <select className={cn(selectVariants({ state, size, width }), className)} {...props} />;
}
