import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCreateApiKey, type CreatedApiKey } from '@/features/api-keys/api/create-api-key';
import { areaKey, EXPIRY_DAYS, expiryFrom, SCOPE_AREAS, type Scope } from '@/features/api-keys/utils/scopes';

/** Name, scopes (read/write per area) and expiry of a new key; `onCreated` gets its clear value. */
export function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const { t, tError } = useLocale();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [expiry, setExpiry] = useState<string>('never');
  const [tried, setTried] = useState(false);

  const nameMissing = tried && !name.trim();
  const scopesMissing = tried && scopes.length === 0;

  function toggle(scope: Scope) {
    setScopes((all) => (all.includes(scope) ? all.filter((s) => s !== scope) : [...all, scope]));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || scopes.length === 0) return;
    const days = expiry === 'never' ? null : Number(expiry);
    create.mutate(
      { name: name.trim(), scopes, expires_at: expiryFrom(days) },
      {
        onSuccess: (created) => {
          setName('');
          setScopes([]);
          setExpiry('never');
          setTried(false);
          onCreated(created);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t('api_keys_create_title')}>
      {create.isError ? <Alert variant="danger">{tError(create.error)}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field label={t('api_keys_field_name')} hint={t('api_keys_field_name_hint')} error={nameMissing ? t('form_required') : undefined}>
          {(control) => (
            <Input
              {...control}
              autoComplete="off"
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.target.value)}
              state={nameMissing ? 'invalid' : 'default'}
            />
          )}
        </Field>
        <Field label={t('api_keys_field_expiry')}>
          {(control) => (
            <Select {...control} value={expiry} onChange={(event) => setExpiry(event.target.value)}>
              {EXPIRY_DAYS.map((days) => (
                <option key={String(days)} value={days === null ? 'never' : String(days)}>
                  {days === null ? t('api_keys_expiry_never') : t('api_keys_expiry_days', { count: days })}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <fieldset className="space-y-2" aria-describedby={scopesMissing ? 'api-key-scopes-error' : undefined}>
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
                        checked={scopes.includes(read)}
                        onChange={() => toggle(read)}
                      />
                    </td>
                    <td className="px-3 py-1.5">
                      {write ? (
                        <input
                          type="checkbox"
                          aria-label={t('api_keys_scope_write_of', { area: label })}
                          checked={scopes.includes(write)}
                          onChange={() => toggle(write)}
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
        {scopesMissing ? (
          <p id="api-key-scopes-error" className="text-sm text-danger">
            {t('api_keys_scopes_required')}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" loading={create.isPending}>
        {t('api_keys_create_submit')}
      </Button>
    </form>
  );
}
