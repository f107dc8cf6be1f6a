/**
 * The catering page (`/plugins/catering/meals`): the org's meals, grouped per mission.
 * Everything comes from the web app through @coulisses/plugin-ui (its React, query
 * client, API client, locale and UI kit), so the page looks native and stays small.
 */
import { api, Card, CardTitle, EmptyState, pick, Spinner, Alert, useLocale, useQuery } from '@coulisses/plugin-ui';

interface Meal {
  id: number;
  mission_id: number;
  mission_title: string;
  label: string;
  quantity: number;
}

interface MealPage {
  items: Meal[];
  total: number;
}

const TEXT = {
  title: { fr: 'Repas', en: 'Meals' },
  loading: { fr: 'Chargement des repas\u2026', en: 'Loading meals\u2026' },
  // Repository text is ASCII: accents as escapes.
  empty: { fr: 'Aucun repas pr\u00e9vu.', en: 'No meal planned.' },
  mission: { fr: 'Mission', en: 'Mission' },
  meals: { fr: 'repas', en: 'meals' },
};

function byMission(meals: Meal[]): [number, Meal[]][] {
  const groups = new Map<number, Meal[]>();
  for (const meal of meals) groups.set(meal.mission_id, [...(groups.get(meal.mission_id) ?? []), meal]);
  return [...groups.entries()];
}

export default function MealsPage() {
  const { locale, tError } = useLocale();
  const meals = useQuery({
    queryKey: ['catering', 'meals'],
    queryFn: () => api.get<MealPage>('/api/v1/catering/meals?page_size=100&sort=mission_id'),
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{pick(TEXT.title, locale)}</h1>
      {meals.isPending ? <Spinner label={pick(TEXT.loading, locale)} /> : null}
      {meals.isError ? <Alert variant="danger">{tError(meals.error)}</Alert> : null}
      {meals.data && meals.data.items.length === 0 ? <EmptyState title={pick(TEXT.empty, locale)} /> : null}
      {meals.data
        ? byMission(meals.data.items).map(([missionId, items]) => (
            <Card key={missionId}>
              <CardTitle>{items[0]?.mission_title || `${pick(TEXT.mission, locale)} ${missionId}`}</CardTitle>
              <ul className="mt-2 space-y-1">
                {items.map((meal) => (
                  <li key={meal.id}>
                    {meal.label} : {meal.quantity} {pick(TEXT.meals, locale)}
                  </li>
                ))}
              </ul>
            </Card>
          ))
        : null}
    </div>
  );
}
