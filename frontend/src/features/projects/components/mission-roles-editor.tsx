import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useLocale } from '@/lib/i18n/use-locale';
import type { Mission } from '@/features/projects/api/get-mission';
import { useSkillSuggestions } from '@/features/projects/api/list-skill-suggestions';
import { useChangeMissionRole, type RoleChange } from '@/features/projects/api/mission-roles';
import { SkillsInput } from '@/features/projects/components/skills-input';

type Role = Mission['roles'][number];

interface Draft {
  name: string;
  quota: string;
  skills: string[];
}

function RoleRow({ role, busy, canEdit, onChange }: { role: Role; busy: boolean; canEdit: boolean; onChange: (change: RoleChange) => void }) {
  const { t } = useLocale();
  const suggestions = useSkillSuggestions().data ?? [];
  const [draft, setDraft] = useState<Draft>({ name: role.name, quota: String(role.quota), skills: role.required_skills });
  const changed = draft.name !== role.name || draft.quota !== String(role.quota) || draft.skills.join(',') !== role.required_skills.join(',');
  return (
    <li className="space-y-3 rounded-md border border-border p-3">
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <Field label={t('mission_role_name', { role: role.name })}>
          {(control) => <Input {...control} value={draft.name} disabled={!canEdit} maxLength={100} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
        </Field>
        <Field label={t('mission_role_quota', { role: role.name })}>
          {(control) => (
            <Input {...control} type="number" min={0} max={10000} value={draft.quota} disabled={!canEdit} onChange={(e) => setDraft({ ...draft, quota: e.target.value })} />
          )}
        </Field>
      </div>
      {canEdit ? (
        <SkillsInput label={t('mission_role_skills', { role: role.name })} value={draft.skills} suggestions={suggestions} onChange={(skills) => setDraft({ ...draft, skills })} />
      ) : null}
      <p className="text-sm text-muted-foreground">
        {t('mission_role_counts', { accepted: role.accepted, quota: role.quota, pending: role.pending, open: role.open })}
      </p>
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            disabled={!changed || busy}
            onClick={() =>
              onChange({
                kind: 'update',
                roleId: role.id,
                input: { name: draft.name.trim(), quota: Number(draft.quota), required_skills: draft.skills },
              })
            }
          >
            {t('mission_role_save', { role: role.name })}
          </Button>
          <Button size="sm" variant="danger" disabled={busy} onClick={() => onChange({ kind: 'delete', roleId: role.id })}>
            {t('mission_role_remove', { role: role.name })}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** The roles of a mission: change a name, quota or skills, remove one (refused while it
 * holds assignments), add one. Each change is one call; the mission comes back updated. */
export function MissionRolesEditor({ mission, canEdit }: { mission: Mission; canEdit: boolean }) {
  const { t, tError } = useLocale();
  const change = useChangeMissionRole(mission.id);
  const suggestions = useSkillSuggestions().data ?? [];
  const [draft, setDraft] = useState<Draft>({ name: '', quota: '1', skills: [] });
  const [notice, setNotice] = useState<string | null>(null);
  const run = (c: RoleChange, message: string) => {
    setNotice(null);
    change.mutate(c, {
      onSuccess: () => {
        setNotice(message);
        if (c.kind === 'add') setDraft({ name: '', quota: '1', skills: [] });
      },
    });
  };
  return (
    <div className="space-y-3">
      {change.error ? <Alert variant="danger">{tError(change.error)}</Alert> : null}
      {notice ? <Alert variant="success">{notice}</Alert> : null}
      {mission.roles.length === 0 ? <p className="text-sm text-muted-foreground">{t('mission_roles_empty')}</p> : null}
      <ul className="space-y-3">
        {mission.roles.map((role) => (
          <RoleRow
            // a new key after a save resets the row's draft to what the API says
            key={`${role.id}-${role.name}-${role.quota}-${role.required_skills.join(',')}`}
            role={role}
            busy={change.isPending}
            canEdit={canEdit}
            onChange={(c) => run(c, t(c.kind === 'delete' ? 'mission_role_removed' : 'mission_role_saved', { role: role.name }))}
          />
        ))}
      </ul>
      {canEdit ? (
        <fieldset className="space-y-3 rounded-md border border-dashed border-border p-3">
          <legend className="px-1 text-sm font-medium">{t('projects_add_role')}</legend>
          <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
            <Field label={t('mission_new_role_name')}>
              {(control) => <Input {...control} value={draft.name} maxLength={100} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
            </Field>
            <Field label={t('mission_new_role_quota')}>
              {(control) => <Input {...control} type="number" min={0} max={10000} value={draft.quota} onChange={(e) => setDraft({ ...draft, quota: e.target.value })} />}
            </Field>
          </div>
          <SkillsInput label={t('mission_new_role_skills')} value={draft.skills} suggestions={suggestions} onChange={(skills) => setDraft({ ...draft, skills })} />
          <Button
            size="sm"
            disabled={!draft.name.trim() || change.isPending}
            onClick={() =>
              run(
                { kind: 'add', input: { name: draft.name.trim(), quota: Number(draft.quota), required_skills: draft.skills } },
                t('mission_role_added', { role: draft.name.trim() }),
              )
            }
          >
            {t('projects_add_role')}
          </Button>
        </fieldset>
      ) : null}
    </div>
  );
}
