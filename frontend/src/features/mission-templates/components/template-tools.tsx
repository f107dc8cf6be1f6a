import { useId, useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCreateMissionTemplate } from '@/features/mission-templates/api/create-mission-template';
import { useMissionTemplates, type TemplatePattern } from '@/features/mission-templates/api/list-mission-templates';

/**
 * The mission wizard's templates: "Partir d'un modele" fills the wizard's title, slots
 * and roles from a saved template; "Enregistrer comme modele" saves what the wizard
 * holds (checked by the API like a bulk creation) under a new name.
 */
export function TemplateTools({ pattern, onLoad }: { pattern: TemplatePattern; onLoad: (pattern: TemplatePattern) => void }) {
  const { t, tError } = useLocale();
  const titleId = useId();
  const templates = useMissionTemplates();
  const create = useCreateMissionTemplate();
  const [chosen, setChosen] = useState('');
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const items = templates.data?.items ?? [];
  const template = items.find((x) => String(x.id) === chosen);
  const save = () => {
    if (!name.trim() || create.isPending) return;
    create.mutate(
      { name: name.trim(), description: '', ...pattern },
      {
        onSuccess: (saved) => {
          setSaving(false);
          setName('');
          setDone(t('templates_saved', { name: saved.name }));
        },
      },
    );
  };

  return (
    <section aria-labelledby={titleId} className="space-y-3 rounded-md border border-border bg-muted/40 p-3">
      <h3 id={titleId} className="text-sm font-medium">
        {t('templates_wizard_title')}
      </h3>
      {done ? <Alert variant="success">{done}</Alert> : null}
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t('templates_start_from')} className="w-full sm:w-72">
          {(p) => (
            <Select {...p} value={chosen} disabled={templates.isPending} onChange={(e) => setChosen(e.target.value)}>
              <option value="">{items.length || templates.isPending ? t('templates_pick') : t('templates_none_yet')}</option>
              {items.map((x) => (
                <option key={x.id} value={x.id}>
                  {t('templates_option', { name: x.name, version: x.version })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button
          variant="secondary"
          disabled={!template}
          onClick={() => {
            if (!template) return;
            onLoad({ title: template.title, slots: template.slots, roles: template.roles });
            setDone(t('templates_loaded', { name: template.name }));
          }}
        >
          {t('templates_use')}
        </Button>
        {!saving ? (
          <Button
            variant="ghost"
            onClick={() => {
              create.reset();
              setDone(null);
              setSaving(true);
            }}
          >
            {t('templates_save_as')}
          </Button>
        ) : null}
      </div>
      {saving ? (
        <div role="group" aria-label={t('templates_save_as')} className="flex flex-wrap items-end gap-2">
          {create.isError ? (
            <Alert variant="danger" className="w-full">
              {tError(create.error)}
            </Alert>
          ) : null}
          <Field label={t('templates_field_name')} className="w-full sm:w-72">
            {(p) => (
              <Input
                {...p}
                value={name}
                onChange={(e) => setName(e.target.value)}
                onKeyDown={(e) => {
                  // Inside the wizard's form, Enter saves the template rather than submitting the step.
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  save();
                }}
              />
            )}
          </Field>
          <Button loading={create.isPending} disabled={!name.trim()} onClick={save}>
            {t('templates_save')}
          </Button>
          <Button variant="ghost" onClick={() => setSaving(false)}>
            {t('action_cancel')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
