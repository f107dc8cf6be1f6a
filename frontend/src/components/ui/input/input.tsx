import { cva, type VariantProps } from 'class-variance-authority';
import type { InputHTMLAttributes } from 'react';

import { cn } from '@/lib/cn';

export const inputVariants = cva(
  'block w-full rounded-md border bg-surface px-3 text-sm text-foreground placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring disabled:opacity-60',
  {
    variants: {
      state: { default: 'border-input', invalid: 'border-danger' },
      size: { sm: 'h-8', md: 'h-10' },
    },
    defaultVariants: { state: 'default', size: 'md' },
  },
);

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> &
  VariantProps<typeof inputVariants>;

export function Input({ className, state, size, ...props }: InputProps) {
  return (
    <input
      className={cn(inputVariants({ state, size }), className)}
      aria-invalid={state === 'invalid' || undefined}
      {...props}
    />
  );
}
