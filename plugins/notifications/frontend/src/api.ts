/**
 * The plugin's API calls (its routes under /api/v1/notifications/, the core's
 * assignment routes for an invitation's answer) and their query keys.
 */
import { api, useMutation, useQuery, useQueryClient } from '@coulisses/plugin-ui';

const BASE = '/api/v1/notifications';

export interface Notification {
  id: number;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  read_at: string | null;
  created_at: string;
}

export interface NotificationPage {
  items: Notification[];
  unread: number;
}

export interface Preferences {
  locale: string | null;
  quiet_start: string;
  quiet_end: string;
  quiet_hours_from_org: boolean;
  channels: Record<string, string[]>;
  kinds: string[];
  available_channels: string[];
  timezone: string;
}

export interface PreferencesUpdate {
  locale?: 'fr' | 'en' | null;
  quiet_start?: string | null;
  quiet_end?: string | null;
  channels?: Record<string, string[]>;
}

export interface TelegramStatus {
  bot_configured: boolean;
  bot_username: string | null;
  linked: boolean;
  username?: string | null;
  linked_at?: string | null;
}

export interface TelegramCode {
  code: string;
  url: string | null;
  bot_username: string | null;
  expires_in_hours: number;
}

interface Answered {
  id: number;
  status: string;
  reserve: boolean;
}

export const notificationsQueryKey = ['notifications'] as const;
/** Under the inbox key: a new notification (live) refreshes it with the inbox. */
export const pendingAnswersQueryKey = [...notificationsQueryKey, 'pending-answers'] as const;
export const preferencesQueryKey = ['notifications-preferences'] as const;
export const telegramQueryKey = ['notifications-telegram'] as const;

/** The newest notifications of the signed-in member, and the unread count. */
export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationsQueryKey,
    queryFn: () => api.get<NotificationPage>(`${BASE}?page_size=50`),
    enabled,
    // The live stream invalidates this key; the poll is a fallback without it.
    staleTime: 30_000,
    refetchInterval: 120_000,
  });
}

/** Ids of the signed-in person's assignments still waiting for an answer (INVITED). */
export function usePendingAnswers(enabled = true) {
  return useQuery({
    queryKey: pendingAnswersQueryKey,
    queryFn: async () => {
      const page = await api.get<{ items: { id: number }[] }>('/api/v1/assignments?mine=true&status=INVITED&page_size=200');
      return new Set(page.items.map((assignment) => assignment.id));
    },
    enabled,
    staleTime: 15_000,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: number) => api.post<Notification>(`${BASE}/${notificationId}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>(`${BASE}/read_all`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}

export interface AnswerInvitationInput {
  assignmentId: number;
  accept: boolean;
  /** The notification answered from: marked read with the answer. */
  notificationId: number;
}

/** The signed-in person answers their own invitation (POST /assignments/{id}/accept | decline). */
export async function answerInvitation({ assignmentId, accept, notificationId }: AnswerInvitationInput): Promise<Answered> {
  const base = `/api/v1/assignments/${assignmentId}`;
  const result = await (accept ? api.post<Answered>(`${base}/accept`) : api.post<Answered>(`${base}/decline`, {}));
  await api.post(`${BASE}/${notificationId}/read`);
  return result;
}

export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerInvitation,
    onSettled: async () => {
      // My Missions lists the same assignments (the web app's key for them).
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['my-missions'] }),
      ]);
    },
  });
}

export function usePreferences() {
  return useQuery({ queryKey: preferencesQueryKey, queryFn: () => api.get<Preferences>(`${BASE}/preferences`) });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: PreferencesUpdate) => api.put<Preferences>(`${BASE}/preferences`, update),
    onSuccess: (saved) => queryClient.setQueryData(preferencesQueryKey, saved),
  });
}

export function useTelegramStatus() {
  return useQuery({ queryKey: telegramQueryKey, queryFn: () => api.get<TelegramStatus>(`${BASE}/telegram/status`) });
}

export function useTelegramLinkCode() {
  return useMutation({ mutationFn: () => api.post<TelegramCode>(`${BASE}/telegram/link_code`) });
}

export function useTelegramUnlink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`${BASE}/telegram/link`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: telegramQueryKey }),
  });
}
