import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { SkillsInput } from '@/features/projects/components/skills-input';
import type { RoleInput } from '@/features/projects/utils/mission-pattern';

export interface RolesEditorLabels {
  name: (n: number) => string;
  quota: (n: number) => string;
  skills: (n: number) => string;
  remove: (n: number) => string;
  add: string;
}

interface RolesEditorProps {
  roles: RoleInput[];
  onChange: (roles: RoleInput[]) => void;
  labels: RolesEditorLabels;
  suggestions: string[];
}

/** Roles with their quota and required skills (the wizard's shared roles, or one slot's). */
export function RolesEditor({ roles, onChange, labels, suggestions }: RolesEditorProps) {
  return (
    <div className="space-y-3">
      {roles.map((role, i) => {
        const update = (patch: Partial<RoleInput>) => onChange(roles.map((r, j) => (j === i ? { ...r, ...patch } : r)));
        return (
          <div key={i} className="flex flex-wrap items-start gap-2">
            <Field label={labels.name(i + 1)}>
              {(p) => <Input {...p} value={role.name} onChange={(e) => update({ name: e.target.value })} />}
            </Field>
            <Field label={labels.quota(i + 1)} className="w-28">
              {(p) => (
                <Input {...p} type="number" min={1} max={500} value={role.quota} onChange={(e) => update({ quota: Number(e.target.value) || 1 })} />
              )}
            </Field>
            <SkillsInput label={labels.skills(i + 1)} value={role.skills ?? []} onChange={(skills) => update({ skills })} suggestions={suggestions} />
            {roles.length > 1 ? (
              <Button variant="ghost" size="sm" className="mt-6" onClick={() => onChange(roles.filter((_, j) => j !== i))}>
                {labels.remove(i + 1)}
              </Button>
            ) : null}
          </div>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => onChange([...roles, { name: '', quota: 1, skills: [] }])}>
        {labels.add}
      </Button>
    </div>
  );
}
