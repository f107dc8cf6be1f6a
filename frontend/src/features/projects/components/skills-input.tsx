import { useId, useState } from 'react';

import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useLocale } from '@/lib/i18n/use-locale';
import { cleanSkills } from '@/features/projects/utils/mission-pattern';

interface SkillsInputProps {
  label: string;
  value: string[];
  onChange: (skills: string[]) => void;
  suggestions: string[];
}

/** Free tags: Enter, a comma or leaving the field adds the typed skill; suggestions from the org's users. */
export function SkillsInput({ label, value, onChange, suggestions }: SkillsInputProps) {
  const { t } = useLocale();
  const listId = useId();
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const next = cleanSkills([...value, ...text.split(',')]);
    if (next.length !== value.length) onChange(next);
    setDraft('');
  };
  return (
    <div className="space-y-1">
      <Field label={label} hint={t('projects_role_skills_hint')}>
        {(p) => (
          <Input
            {...p}
            list={listId}
            value={draft}
            onChange={(e) => {
              if (e.target.value.includes(',')) add(e.target.value);
              else setDraft(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && draft.trim()) {
                e.preventDefault();
                add(draft);
              } else if (e.key === 'Backspace' && !draft && value.length) {
                onChange(value.slice(0, -1));
              }
            }}
            onBlur={() => {
              if (draft.trim()) add(draft);
            }}
          />
        )}
      </Field>
      <datalist id={listId}>
        {suggestions.filter((s) => !value.includes(s)).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {value.length ? (
        <ul className="flex flex-wrap gap-1">
          {value.map((skill) => (
            <li key={skill} className="flex items-center gap-1 rounded-full bg-muted py-0.5 pl-2 text-xs">
              {skill}
              <Button variant="ghost" size="sm" className="h-6 px-1.5" aria-label={t('projects_role_skill_remove', { skill })} onClick={() => onChange(value.filter((s) => s !== skill))}>
                x
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
