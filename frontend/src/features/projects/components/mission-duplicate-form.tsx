import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useLocale } from '@/lib/i18n/use-locale';
import { useDuplicateMissions } from '@/features/projects/api/duplicate-mission';

/** Copies one mission (times, place, roles) on every day of a range picked with date pickers. */
export function MissionDuplicateForm({ missionId }: { missionId: number }) {
  const { t, tError } = useLocale();
  const duplicate = useDuplicateMissions();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(from) && (to === '' || to >= from);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ok) return;
    duplicate.mutate({ missionIds: [missionId], from, to: to || from });
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label={t('projects_action_duplicate')}>
      {duplicate.error ? <Alert variant="danger" className="w-full">{tError(duplicate.error)}</Alert> : null}
      {duplicate.data !== undefined ? (
        <Alert variant="success" className="w-full">
          {t('projects_done_duplicated', { count: duplicate.data })}
        </Alert>
      ) : null}
      <Field label={t('projects_duplicate_from')}>
        {(control) => <Input {...control} type="date" size="sm" value={from} onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <Field label={t('projects_duplicate_to')}>
        {(control) => <Input {...control} type="date" size="sm" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />}
      </Field>
      <Button type="submit" size="sm" variant="secondary" disabled={!ok} loading={duplicate.isPending}>
        {t('projects_action_duplicate')}
      </Button>
    </form>
  );
}
