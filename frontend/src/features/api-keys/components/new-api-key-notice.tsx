import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Input } from '@/components/ui/input/input';
import { useLocale } from '@/lib/i18n/use-locale';
import type { CreatedApiKey } from '@/features/api-keys/api/create-api-key';

/** The clear value of a key just made: shown once, with a copy button and a warning. */
export function NewApiKeyNotice({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const { t } = useLocale();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <Alert variant="warning" className="space-y-3">
      <p className="font-medium">{t('api_keys_created_title', { name: created.name })}</p>
      <p>{t('api_keys_created_warning')}</p>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          readOnly
          aria-label={t('api_keys_created_value')}
          value={created.key}
          className="min-w-0 flex-1 font-mono"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={() => void copyKey()}>
          {t('api_keys_copy')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('api_keys_created_done')}
        </Button>
      </div>
      {copy === 'copied' ? <p role="status">{t('api_keys_copied')}</p> : null}
      {copy === 'failed' ? <p role="status">{t('api_keys_copy_failed')}</p> : null}
    </Alert>
  );
}
