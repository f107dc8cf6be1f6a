import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { useLocale } from '@/lib/i18n/use-locale';
import { assignableRoles, roleKey, type Role } from '@/lib/roles';
import { useInviteMember } from '@/features/members/api/invite-member';

export function InviteMemberForm({ canGrantOwner }: { canGrantOwner: boolean }) {
  const { t, tError } = useLocale();
  const invite = useInviteMember();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('tech');
  const [missing, setMissing] = useState(false);
  const [invited, setInvited] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!email.trim());
    setInvited(null);
    if (!email.trim()) return;
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (member) => {
          setInvited(member.email);
          setEmail('');
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t('members_invite_title')}>
      {invite.isError ? <Alert variant="danger">{tError(invite.error)}</Alert> : null}
      {invited ? <Alert variant="success">{t('members_invited', { email: invited })}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <Field label={t('field_email')} error={missing ? t('form_required') : undefined}>
          {(control) => (
            <Input
              {...control}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              state={missing ? 'invalid' : 'default'}
            />
          )}
        </Field>
        <Field label={t('field_role')}>
          {(control) => (
            <Select {...control} value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {assignableRoles(canGrantOwner).map((option) => (
                <option key={option} value={option}>
                  {t(roleKey(option))}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" loading={invite.isPending}>
          {t('members_invite_submit')}
        </Button>
      </div>
    </form>
  );
}
