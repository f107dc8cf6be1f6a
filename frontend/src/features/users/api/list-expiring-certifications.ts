import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ExpiringCertification = Schema<'ExpiringCertificationOut'>;
export type ExpiringCertificationPage = Schema<'ExpiringCertificationPage'>;

export const certificationsQueryKey = ['certifications', 'expiring'] as const;
export const CERTIFICATIONS_PAGE_SIZE = 50;

export function listExpiringCertifications(withinDays: number, page: number): Promise<ExpiringCertificationPage> {
  const params = new URLSearchParams({
    within_days: String(withinDays),
    page: String(page),
    page_size: String(CERTIFICATIONS_PAGE_SIZE),
  });
  return api.get<ExpiringCertificationPage>(`${API_PREFIX}/users/certifications/expiring?${params}`);
}

export function expiringCertificationsQueryOptions(withinDays: number, page: number) {
  return queryOptions({
    queryKey: [...certificationsQueryKey, { withinDays, page }] as const,
    queryFn: () => listExpiringCertifications(withinDays, page),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useExpiringCertifications(withinDays: number, page: number) {
  return useQuery(expiringCertificationsQueryOptions(withinDays, page));
}
