import { useState } from 'react';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { assignableRoles, roleKey, ROLES } from '@/lib/roles';
import { useInviteMember } from '@/features/members/api/invite-member';

const inviteSchema = z.object({
  email: z.string().trim().min(1, 'form_required').pipe(z.email('form_invalid_email')),
  role: z.enum(ROLES, 'form_invalid'),
});

export function InviteMemberForm({ canGrantOwner }: { canGrantOwner: boolean }) {
  const { t, tError } = useLocale();
  const errorText = useFormText();
  const invite = useInviteMember();
  const form = useZodForm(inviteSchema, { defaultValues: { email: '', role: 'tech' } });
  const { errors } = form.formState;
  const [invited, setInvited] = useState<string | null>(null);

  const submit = form.handleSubmit((values) => {
    setInvited(null);
    invite.mutate(values, {
      onSuccess: (member) => {
        setInvited(member.email);
        form.setValue('email', '');
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t('members_invite_title')}>
      {invite.isError ? <Alert variant="danger">{tError(invite.error)}</Alert> : null}
      {invited ? <Alert variant="success">{t('members_invited', { email: invited })}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <Field label={t('field_email')} error={errorText(errors.email)}>
          {(control) => (
            <Input
              {...control}
              {...form.register('email')}
              type="email"
              autoComplete="off"
              state={errors.email ? 'invalid' : 'default'}
            />
          )}
        </Field>
        <Field label={t('field_role')} error={errorText(errors.role)}>
          {(control) => (
            <Select {...control} {...form.register('role')}>
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
