import { useState } from 'react';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { Dialog } from '@/components/ui/dialog/dialog';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useDates } from '@/lib/dates';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import type { User } from '@/features/users/api/list-users';
import { useEraseUser } from '@/features/users/api/erase-user';
import { fullName } from '@/features/users/utils/employment';

/** Names compared as the server does: spaces collapsed, case ignored. */
export function sameName(typed: string, name: string): boolean {
  const norm = (value: string) => value.split(/\s+/).filter(Boolean).join(' ').toLowerCase();
  return norm(typed) !== '' && norm(typed) === norm(name);
}

function eraseSchema(name: string) {
  return z.object({
    typed: z.string().refine((typed) => sameName(typed, name), 'form_invalid'),
    reason: z.string().trim().min(1, 'form_required').max(500, 'form_invalid'),
  });
}

/**
 * The danger zone of a person's page: erase them (pseudonymisation, docs/rgpd.md) after
 * typing their full name and a reason. An erased person shows when it was done instead.
 */
export function EraseUserZone({ user }: { user: User }) {
  const { t, tError } = useLocale();
  const { formatDay } = useDates();
  const errorText = useFormText();
  const [open, setOpen] = useState(false);
  const erase = useEraseUser(user.id);
  const name = fullName(user);
  const form = useZodForm(eraseSchema(name), { defaultValues: { typed: '', reason: '' } });
  const { errors } = form.formState;
  // Erasing is final: the button waits for the name typed back and a reason (GitHub-style).
  const [typed, reason] = form.watch(['typed', 'reason']);
  const ready = sameName(typed, name) && reason.trim() !== '';

  if (user.erased_at) {
    return (
      <Alert variant="info">{t('privacy_erased_notice', { date: formatDay(user.erased_at.slice(0, 10)) })}</Alert>
    );
  }
  const close = () => {
    setOpen(false);
    form.reset();
    erase.reset();
  };
  return (
    <Card className="border-danger/40">
      <CardHeader>
        <CardTitle>{t('privacy_danger_title')}</CardTitle>
        <CardDescription>{t('privacy_erase_hint')}</CardDescription>
      </CardHeader>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('privacy_erase_button')}
      </Button>
      <Dialog open={open} onClose={close} title={t('privacy_erase_title', { name })} description={t('privacy_erase_hint')}>
        <form
          className="mt-4 space-y-4"
          noValidate
          onSubmit={form.handleSubmit(({ typed, reason }) => erase.mutate({ confirm: typed, reason }, { onSuccess: close }))}
        >
          <Field label={t('privacy_erase_confirm_label', { name })} error={errorText(errors.typed)}>
            {(control) => (
              <Input {...control} {...form.register('typed')} autoComplete="off" state={errors.typed ? 'invalid' : 'default'} />
            )}
          </Field>
          <Field label={t('privacy_erase_reason_label')} error={errorText(errors.reason)}>
            {(control) => (
              <Input {...control} {...form.register('reason')} maxLength={500} state={errors.reason ? 'invalid' : 'default'} />
            )}
          </Field>
          {erase.isError ? <Alert variant="danger">{tError(erase.error)}</Alert> : null}
          <div className="flex flex-wrap justify-end gap-3">
            <Button type="button" variant="secondary" onClick={close}>
              {t('action_cancel')}
            </Button>
            <Button type="submit" variant="danger" disabled={!ready} loading={erase.isPending}>
              {t('privacy_erase_confirm')}
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}
