import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { isApiError } from '@/lib/api/api-error';
import { useLocale } from '@/lib/i18n/use-locale';
import type { User } from '@/features/users/api/list-users';
import { useUpdateUser } from '@/features/users/api/update-user';
import { skillErrorTarget, toRows, toSkillsBody, type RowsProblem, type SkillRow } from '@/features/users/utils/certifications';

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * Edits a user's skills: name, level, and for a certification its last valid day and
 * certificate number. Saving replaces the whole list (PATCH `skills`).
 */
export function SkillsEditor({ user, onDone, onSaved }: { user: User; onDone: () => void; onSaved: () => void }) {
  const { t, tError } = useLocale();
  const update = useUpdateUser(user.id);
  const [rows, setRows] = useState<SkillRow[]>(() => toRows(user.skills));
  const [problem, setProblem] = useState<RowsProblem | null>(null);

  const change = (index: number, patch: Partial<SkillRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = toSkillsBody(rows);
    if ('problem' in built) {
      setProblem(built.problem);
      return;
    }
    setProblem(null);
    update.mutate({ skills: built.skills }, { onSuccess: onSaved });
  }

  const apiTarget = isApiError(update.error) ? skillErrorTarget(update.error.details) : null;
  const errorOf = (index: number, field: string): string | undefined => {
    if (problem?.index === index && field === 'name') {
      return problem.kind === 'empty_name' ? t('users_skill_need_name') : t('users_skill_duplicate', { name: problem.name });
    }
    if (apiTarget?.index === index && apiTarget.field === field) return tError(update.error);
    return undefined;
  };

  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-4" aria-label={t('users_skills_editor_title')}>
      <p className="text-sm text-muted-foreground">{t('users_skills_editor_hint')}</p>
      {update.isError && !apiTarget ? <Alert variant="danger">{tError(update.error)}</Alert> : null}
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <li key={index} className="rounded-md border border-border p-3">
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label={t('users_skill_name_n', { n })} error={errorOf(index, 'name')}>
                  {(control) => <Input {...control} value={row.name} maxLength={100} onChange={(e) => change(index, { name: e.target.value })} />}
                </Field>
                <Field label={t('users_skill_level_n', { n })} error={errorOf(index, 'level')}>
                  {(control) => (
                    <Select {...control} value={String(row.level)} onChange={(e) => change(index, { level: Number(e.target.value) })}>
                      {LEVELS.map((level) => (
                        <option key={level} value={level}>
                          {t('users_level', { level })}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field label={t('users_skill_valid_until_n', { n })} error={errorOf(index, 'valid_until')}>
                  {(control) => <Input {...control} type="date" value={row.validUntil} onChange={(e) => change(index, { validUntil: e.target.value })} />}
                </Field>
                <Field label={t('users_skill_reference_n', { n })} error={errorOf(index, 'reference')}>
                  {(control) => <Input {...control} value={row.reference} maxLength={100} onChange={(e) => change(index, { reference: e.target.value })} />}
                </Field>
              </div>
              <Button
                variant="ghost"
                size="sm"
                className="mt-2"
                onClick={() => {
                  setProblem(null);
                  setRows((current) => current.filter((_, i) => i !== index));
                }}
              >
                {t('users_skill_remove_n', { n })}
              </Button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setRows((current) => [...current, { name: '', level: 1, validUntil: '', reference: '' }])}>
          {t('users_skill_add')}
        </Button>
        <Button type="submit" loading={update.isPending}>
          {t('users_skills_save')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('action_cancel')}
        </Button>
      </div>
    </form>
  );
}
