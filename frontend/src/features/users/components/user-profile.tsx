import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { Card, CardTitle } from '@/components/ui/card/card';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { User } from '@/features/users/api/list-users';
import { useUserRates } from '@/features/users/api/list-user-rates';
import { CertificationBadge } from '@/features/users/components/certification-badge';
import { SkillsEditor } from '@/features/users/components/skills-editor';
import { employmentKey } from '@/features/users/utils/employment';

const LEGAL_ID_KEYS = {
  nir: 'users_legal_nir',
  conges_spectacles: 'users_legal_conges_spectacles',
  siret: 'users_legal_siret',
} as const;

/**
 * A user's profile: contact, employment, skills with levels and certifications (last
 * valid day, number, expired / expiring badges), tags, legal ids, documents, rates.
 * Managers edit the skills in place. `privateHidden`: the server sent a colleague's
 * private fields as null (the caller lacks `private_data.read`): say so rather than
 * show them as empty.
 */
export function UserProfile({
  user,
  canReadRates,
  canEdit = false,
  privateHidden = false,
}: {
  user: User;
  canReadRates: boolean;
  canEdit?: boolean;
  privateHidden?: boolean;
}) {
  const { t } = useLocale();
  const { formatDay, today } = useDates();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const day = today();
  const legalIds = Object.entries(user.legal_ids ?? {}).filter(([, value]) => value);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardTitle>{t('users_profile_identity')}</CardTitle>
        <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          <dt className="text-muted-foreground">{t('users_col_employment')}</dt>
          <dd>{t(employmentKey(user.employment_type))}</dd>
          {privateHidden ? null : (
            <>
              <dt className="text-muted-foreground">{t('field_email')}</dt>
              <dd>{user.email ?? '-'}</dd>
              <dt className="text-muted-foreground">{t('users_phone')}</dt>
              <dd>{user.phone ?? '-'}</dd>
            </>
          )}
          <dt className="text-muted-foreground">{t('users_account')}</dt>
          <dd>{user.account_id ? t('users_account_linked') : t('users_account_none')}</dd>
        </dl>
        {user.notes ? <p className="mt-3 text-sm whitespace-pre-line">{user.notes}</p> : null}
        {privateHidden ? <p className="mt-3 text-sm text-muted-foreground">{t('users_private_hidden')}</p> : null}
      </Card>

      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>{t('users_col_skills')}</CardTitle>
          {canEdit && !editing ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('users_skills_edit')}
            </Button>
          ) : null}
        </div>
        {saved ? (
          <Alert variant="success" className="mt-3">
            {t('users_skills_saved')}
          </Alert>
        ) : null}
        {editing ? (
          <SkillsEditor
            user={user}
            onDone={() => setEditing(false)}
            onSaved={() => {
              setSaved(true);
              setEditing(false);
            }}
          />
        ) : user.skills.length === 0 ? (
          <p className="mt-3 text-sm text-muted-foreground">{t('users_no_skills')}</p>
        ) : (
          <ul className="mt-3 space-y-2 text-sm">
            {user.skills.map((skill) => (
              <li key={skill.name} className="space-y-0.5">
                <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
                  <span className="flex items-center gap-2">
                    {skill.name}
                    <CertificationBadge skill={skill.name} validUntil={skill.valid_until} today={day} />
                  </span>
                  <span className="text-muted-foreground">{t('users_level', { level: skill.level })}</span>
                </div>
                {skill.valid_until || skill.reference ? (
                  <p className="text-xs text-muted-foreground">
                    {[
                      skill.valid_until ? t('users_cert_valid_until', { date: formatDay(skill.valid_until) }) : null,
                      skill.reference ? t('users_cert_reference', { reference: skill.reference }) : null,
                    ]
                      .filter(Boolean)
                      .join(t('separator'))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-4 text-sm font-semibold">{t('users_col_tags')}</h3>
        {user.tags.length === 0 ? (
          <p className="mt-1 text-sm text-muted-foreground">{t('users_no_tags')}</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-1">
            {user.tags.map((tag) => (
              <li key={tag}>
                <Badge>{tag}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {user.legal_ids !== null ? (
        <Card>
          <CardTitle>{t('users_legal_ids')}</CardTitle>
          {legalIds.length === 0 ? (
            <p className="mt-3 text-sm text-muted-foreground">{t('users_none')}</p>
          ) : (
            <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              {legalIds.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="text-muted-foreground">
                    {key in LEGAL_ID_KEYS ? t(LEGAL_ID_KEYS[key as keyof typeof LEGAL_ID_KEYS]) : key}
                  </dt>
                  <dd className="font-mono">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
      ) : null}

      {user.documents !== null ? (
        <Card>
          <CardTitle>{t('users_documents')}</CardTitle>
          {user.documents.length === 0 ? (
            <p className="mt-3 text-sm text-muted-foreground">{t('users_none')}</p>
          ) : (
            <ul className="mt-3 space-y-2 text-sm">
              {user.documents.map((doc, index) => (
                <li key={`${doc.kind}-${index}`}>
                  <span className="font-medium">{doc.label || doc.kind}</span>
                  {doc.number ? <span className="text-muted-foreground"> {t('separator')} {doc.number}</span> : null}
                  {doc.expires_on ? (
                    <span className="text-muted-foreground"> {t('separator')} {t('users_doc_expires', { date: formatDay(doc.expires_on) })}</span>
                  ) : null}
                  {doc.file_name ? <span className="text-muted-foreground"> {t('separator')} {doc.file_name}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}

      {canReadRates ? <RatesCard userId={user.id} /> : null}
    </div>
  );
}

function RatesCard({ userId }: { userId: number }) {
  const { t, locale } = useLocale();
  const rates = useUserRates(userId, true);
  return (
    <Card>
      <CardTitle>{t('users_rates')}</CardTitle>
      {rates.isPending ? (
        <Spinner className="mt-3" label={t('loading')} />
      ) : rates.isError ? (
        <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />
      ) : rates.data.items.length === 0 ? (
        <p className="mt-3 text-sm text-muted-foreground">{t('users_no_rates')}</p>
      ) : (
        <ul className="mt-3 space-y-1 text-sm">
          {rates.data.items.map((rate) => (
            <li key={rate.id} className="flex items-center justify-between gap-3">
              <span>
                {rate.label || t(`rate_kind_${rate.kind as 'hourly'}`)}
                {rate.role_name ? <span className="text-muted-foreground"> {t('separator')} {rate.role_name}</span> : null}
              </span>
              <span className="font-medium">
                {new Intl.NumberFormat(locale, { style: 'currency', currency: rate.currency }).format(rate.amount_cents / 100)}
                <span className="text-muted-foreground"> / {t(`rate_kind_${rate.kind as 'hourly'}`)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
