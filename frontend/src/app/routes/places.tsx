import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { can } from '@/lib/actions';
import { PlacesManager } from '@/features/places/components/places-manager';

export function PlacesRoute() {
  const { t } = useLocale();
  const { me } = useSession();
  useDocumentTitle(t('places_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('places_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('places_subtitle')}</p>
      </div>
      <PlacesManager canManage={can(me.actions, 'places.manage')} />
    </div>
  );
}
