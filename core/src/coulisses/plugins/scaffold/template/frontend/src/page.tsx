/**
 * The plugin's own page (`/plugins/<name>/items`): its rows, from its route, with the
 * web app's React, query client, API client, locale and UI kit (@coulisses/plugin-ui).
 * The plugin's name comes from the address, so this file needs no renaming.
 */
import { Alert, api, Card, EmptyState, pick, Spinner, useLocale, useParams, useQuery } from '@coulisses/plugin-ui';

interface Item {
  id: number;
  mission_id: number;
  label: string;
  refreshed: number;
}

const TEXT = {
  loading: { fr: 'Chargement\u2026', en: 'Loading\u2026' },
  empty: { fr: 'Aucune ligne pour le moment.', en: 'No row yet.' },
  title: { fr: 'Lignes', en: 'Rows' },
};

export default function ItemsPage() {
  const { name = '' } = useParams();
  const { locale, tError } = useLocale();
  const items = useQuery({
    queryKey: [name, 'items'],
    queryFn: () => api.get<{ items: Item[] }>(`/api/v1/${name}/items?page_size=100`),
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{pick(TEXT.title, locale)}</h1>
      {items.isPending ? <Spinner label={pick(TEXT.loading, locale)} /> : null}
      {items.isError ? <Alert variant="danger">{tError(items.error)}</Alert> : null}
      {items.data && items.data.items.length === 0 ? <EmptyState title={pick(TEXT.empty, locale)} /> : null}
      {items.data && items.data.items.length > 0 ? (
        <Card>
          <ul className="space-y-1">
            {items.data.items.map((item) => (
              <li key={item.id}>{item.label}</li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
