import { useLocale } from '@/lib/i18n/use-locale';
import { useManagerCandidates } from '@/features/projects/api/list-manager-candidates';

export interface ManagersPickerProps {
  /** Account ids of the chosen managers. */
  value: number[];
  onChange: (managers: number[]) => void;
  /** A line under the legend (the wizard explains who may be chosen). */
  hint?: string;
  disabled?: boolean;
}

/**
 * The managers of a project: one checkbox per org member who may manage it
 * (role manager or above), named "First Last (email)", or by what of it the caller may read. Shared by
 * the creation wizard and the edit form.
 */
export function ManagersPicker({ value, onChange, hint, disabled }: ManagersPickerProps) {
  const { t, tError } = useLocale();
  const candidates = useManagerCandidates();
  const toggle = (accountId: number) =>
    onChange(value.includes(accountId) ? value.filter((id) => id !== accountId) : [...value, accountId]);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t('projects_wizard_managers')}</legend>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      {candidates.isError ? <p className="text-sm text-danger">{tError(candidates.error)}</p> : null}
      <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {(candidates.data ?? []).map((m) => {
          const fullName = [m.first_name, m.last_name].filter(Boolean).join(' ');
          // The email is private data: null for a caller who may not read it.
          const label = fullName && m.email ? `${fullName} (${m.email})` : fullName || m.email || `#${m.account_id}`;
          return (
            <label key={m.account_id} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={value.includes(m.account_id)}
                disabled={disabled}
                onChange={() => toggle(m.account_id)}
              />
              {label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
