/** The plugin's API calls (its routes under /api/v1/webhooks/, admins only) and query keys. */
import { api, useMutation, useQuery, useQueryClient } from '@coulisses/plugin-ui';

const BASE = '/api/v1/webhooks';

export interface Endpoint {
  id: number;
  url: string;
  description: string;
  event_types: string[];
  active: boolean;
  consecutive_failures: number;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** Only the answers of a creation and a rotation carry the secret. */
export interface EndpointWithSecret extends Endpoint {
  secret: string;
}

export interface Delivery {
  id: number;
  endpoint_id: number;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  last_http_status: number | null;
  last_error: string | null;
  last_response: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface EndpointInput {
  url: string;
  description: string;
  event_types: string[];
}

interface Page<T> {
  items: T[];
  total: number;
}

const ENDPOINTS_KEY = ['webhooks', 'endpoints'] as const;
const deliveriesKey = (id: number) => ['webhooks', 'deliveries', id] as const;

export function useEndpoints() {
  // An org has at most a few endpoints (the API caps them): one page holds them all.
  return useQuery({
    queryKey: ENDPOINTS_KEY,
    queryFn: () => api.get<Page<Endpoint>>(`${BASE}/endpoints?page_size=100&sort=id`),
  });
}

export function useEventTypes() {
  return useQuery({
    queryKey: ['webhooks', 'event-types'],
    queryFn: () => api.get<{ event_types: string[] }>(`${BASE}/event_types`),
    staleTime: Infinity,
  });
}

export function useDeliveries(id: number, enabled: boolean) {
  return useQuery({
    queryKey: deliveriesKey(id),
    queryFn: () => api.get<Page<Delivery>>(`${BASE}/endpoints/${id}/deliveries?page_size=20`),
    enabled,
  });
}

/** Every change re-reads the endpoints (and the log it may have written to). */
function useEndpointMutation<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}

export const useCreateEndpoint = () =>
  useEndpointMutation((input: EndpointInput) => api.post<EndpointWithSecret>(`${BASE}/endpoints`, input));
export const useSetActive = () =>
  useEndpointMutation(({ id, active }: { id: number; active: boolean }) =>
    api.patch<Endpoint>(`${BASE}/endpoints/${id}`, { active }),
  );
export const useRotateSecret = () =>
  useEndpointMutation((id: number) => api.post<EndpointWithSecret>(`${BASE}/endpoints/${id}/rotate_secret`));
export const usePing = () => useEndpointMutation((id: number) => api.post<Delivery>(`${BASE}/endpoints/${id}/ping`));
export const useDeleteEndpoint = () => useEndpointMutation((id: number) => api.delete<void>(`${BASE}/endpoints/${id}`));
export const useRedeliver = () =>
  useEndpointMutation(({ endpoint, delivery }: { endpoint: number; delivery: number }) =>
    api.post<Delivery>(`${BASE}/endpoints/${endpoint}/deliveries/${delivery}/redeliver`),
  );
