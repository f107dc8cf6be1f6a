import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCreateApiKey, type CreatedApiKey } from '@/features/api-keys/api/create-api-key';
import { areaKey, EXPIRY_DAYS, expiryFrom, SCOPE_AREAS, type Scope } from '@/features/api-keys/utils/scopes';

const createKeySchema = z.object({
  name: z.string().trim().min(1, 'form_required').max(100, 'form_invalid'),
  // One checkbox per scope, all under this name: react-hook-form gives the checked values.
  scopes: z.array(z.custom<Scope>()).min(1, 'api_keys_scopes_required'),
  expiry: z.string(),
});

/** Name, scopes (read/write per area) and expiry of a new key; `onCreated` gets its clear value. */
export function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const { t, tError } = useLocale();
  const errorText = useFormText();
  const create = useCreateApiKey();
  const form = useZodForm(createKeySchema, { defaultValues: { name: '', scopes: [], expiry: 'never' } });
  const { errors } = form.formState;
  const scopesError = errorText(errors.scopes);

  const submit = form.handleSubmit(({ name, scopes, expiry }) => {
    const days = expiry === 'never' ? null : Number(expiry);
    create.mutate(
      { name, scopes, expires_at: expiryFrom(days) },
      {
        onSuccess: (created) => {
          form.reset();
          onCreated(created);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t('api_keys_create_title')}>
      {create.isError ? <Alert variant="danger">{tError(create.error)}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field label={t('api_keys_field_name')} hint={t('api_keys_field_name_hint')} error={errorText(errors.name)}>
          {(control) => (
            <Input
              {...control}
              {...form.register('name')}
              autoComplete="off"
              maxLength={100}
              state={errors.name ? 'invalid' : 'default'}
            />
          )}
        </Field>
        <Field label={t('api_keys_field_expiry')}>
          {(control) => (
            <Select {...control} {...form.register('expiry')}>
              {EXPIRY_DAYS.map((days) => (
                <option key={String(days)} value={days === null ? 'never' : String(days)}>
                  {days === null ? t('api_keys_expiry_never') : t('api_keys_expiry_days', { count: days })}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <fieldset className="space-y-2" aria-describedby={scopesError ? 'api-key-scopes-error' : undefined}>
        <legend className="text-sm font-medium">{t('api_keys_field_scopes')}</legend>
        <p className="text-xs text-muted-foreground">{t('api_keys_field_scopes_hint')}</p>
        <div className="relative overflow-x-auto rounded-lg border border-border">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-border bg-muted/60 text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  {t('api_keys_col_area')}
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  {t('api_keys_scope_read')}
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  {t('api_keys_scope_write')}
                </th>
              </tr>
            </thead>
            <tbody>
              {SCOPE_AREAS.map(({ area, read, write }) => {
                const label = t(areaKey(area));
                return (
                  <tr key={area} className="border-b border-border last:border-0">
                    <th scope="row" className="px-3 py-1.5 font-normal">
                      {label}
                    </th>
                    <td className="px-3 py-1.5">
                      <input
                        type="checkbox"
                        aria-label={t('api_keys_scope_read_of', { area: label })}
                        value={read}
                        {...form.register('scopes')}
                      />
                    </td>
                    <td className="px-3 py-1.5">
                      {write ? (
                        <input
                          type="checkbox"
                          aria-label={t('api_keys_scope_write_of', { area: label })}
                          value={write}
                          {...form.register('scopes')}
                        />
                      ) : (
                        <span className="text-muted-foreground">-</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {scopesError ? (
          <p id="api-key-scopes-error" className="text-sm text-danger">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" loading={create.isPending}>
        {t('api_keys_create_submit')}
      </Button>
    </form>
  );
}
