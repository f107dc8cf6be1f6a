import { cva, type VariantProps } from 'class-variance-authority';

import { cn } from '@/lib/cn';

const spinnerVariants = cva(
  'inline-block animate-spin rounded-full border-2 border-current border-t-transparent',
  { variants: { size: { sm: 'size-4', md: 'size-6', lg: 'size-10' } }, defaultVariants: { size: 'md' } },
);

export type SpinnerProps = VariantProps<typeof spinnerVariants> & {
  label: string;
  className?: string;
};

/** A loading indicator announced to screen readers with its label. */
export function Spinner({ size, label, className }: SpinnerProps) {
  return (
    <div role="status" className={cn('flex items-center gap-3 text-muted-foreground', className)}>
      <span aria-hidden="true" className={spinnerVariants({ size })} />
      <span className="text-sm">{label}</span>
    </div>
  );
}
