import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';

import { AppLayout } from '@/app/routes/app-layout';
import { AuthLayout } from '@/app/routes/auth-layout';
import { RouteError } from '@/app/routes/route-error';
import { RouteFallback } from '@/app/routes/route-fallback';
import { CSRF_COOKIE, readCookie } from '@/lib/api/client';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { manifestQueryOptions } from '@/features/plugins/api/get-frontend-manifest';

/**
 * The app's first reads (the session, then the menu of the org's plugins), started by the
 * router while it loads the screen's chunk rather than once the shell renders. Only with
 * a session cookie: without one there is no session to read (the guard sends to login).
 */
function readSession(queryClient: QueryClient): null {
  if (readCookie(CSRF_COOKIE) !== undefined) {
    void queryClient.prefetchQuery(meQueryOptions());
    void queryClient.prefetchQuery(manifestQueryOptions());
  }
  return null;
}

/** Screens are split per route so the first load only fetches the shell and the login page. */
export const appRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    errorElement: <RouteError />,
    // What the first load shows while its lazy screen arrives (without it React Router
    // warns on every initial render and renders nothing).
    HydrateFallback: RouteFallback,
    children: [
      {
        element: <AuthLayout />,
        children: [
          {
            path: '/login',
            lazy: async () => ({ Component: (await import('@/app/routes/login')).LoginRoute }),
          },
          {
            path: '/forgot-password',
            lazy: async () => ({
              Component: (await import('@/app/routes/forgot-password')).ForgotPasswordRoute,
            }),
          },
          {
            path: '/invitations/:invitationId',
            lazy: async () => ({ Component: (await import('@/app/routes/invitation')).InvitationRoute }),
          },
          {
            path: '/availability-answers/:recipientId',
            lazy: async () => ({
              Component: (await import('@/app/routes/availability-answer')).AvailabilityAnswerRoute,
            }),
          },
          {
            path: '/reset-password',
            lazy: async () => ({
              Component: (await import('@/app/routes/reset-password')).ResetPasswordRoute,
            }),
          },
        ],
      },
      {
        path: '/',
        element: <AppLayout />,
        loader: () => readSession(queryClient),
        // Once: the screens keep the session and the menu fresh themselves.
        shouldRevalidate: () => false,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('@/app/routes/home')).HomeRoute }),
          },
          {
            path: 'profile',
            lazy: async () => ({ Component: (await import('@/app/routes/profile')).ProfileRoute }),
          },
          {
            path: 'settings/members',
            lazy: async () => ({
              Component: (await import('@/app/routes/settings/members')).MembersRoute,
            }),
          },
          {
            path: 'settings/plugins',
            lazy: async () => ({
              Component: (await import('@/app/routes/settings/plugins')).PluginsRoute,
            }),
          },
          {
            path: 'settings/api-keys',
            lazy: async () => ({
              Component: (await import('@/app/routes/settings/api-keys')).ApiKeysRoute,
            }),
          },
          {
            path: 'settings/privacy',
            lazy: async () => ({
              Component: (await import('@/app/routes/settings/privacy')).PrivacyRoute,
            }),
          },
          {
            path: 'settings/absence-types',
            lazy: async () => ({
              Component: (await import('@/app/routes/settings/absence-types')).AbsenceTypesRoute,
            }),
          },
          {
            path: 'settings/audit',
            lazy: async () => ({
              Component: (await import('@/app/routes/settings/audit')).AuditRoute,
            }),
          },
          {
            path: 'planning',
            lazy: async () => ({ Component: (await import('@/app/routes/planning')).PlanningRoute }),
          },
          {
            path: 'projects',
            lazy: async () => ({ Component: (await import('@/app/routes/projects')).ProjectsRoute }),
          },
          {
            path: 'projects/new',
            lazy: async () => ({ Component: (await import('@/app/routes/project-new')).ProjectNewRoute }),
          },
          {
            path: 'projects/templates',
            lazy: async () => ({ Component: (await import('@/app/routes/mission-templates')).MissionTemplatesRoute }),
          },
          {
            path: 'projects/:projectId',
            lazy: async () => ({ Component: (await import('@/app/routes/project-detail')).ProjectDetailRoute }),
          },
          {
            path: 'missions/:missionId',
            lazy: async () => ({ Component: (await import('@/app/routes/mission-detail')).MissionDetailRoute }),
          },
          {
            path: 'imports',
            lazy: async () => ({ Component: (await import('@/app/routes/imports')).ImportsRoute }),
          },
          {
            path: 'availability-requests',
            lazy: async () => ({
              Component: (await import('@/app/routes/availability-requests')).AvailabilityRequestsRoute,
            }),
          },
          {
            path: 'availability-requests/:requestId',
            lazy: async () => ({
              Component: (await import('@/app/routes/availability-request-detail')).AvailabilityRequestDetailRoute,
            }),
          },
          {
            path: 'places',
            lazy: async () => ({ Component: (await import('@/app/routes/places')).PlacesRoute }),
          },
          {
            path: 'my-missions',
            lazy: async () => ({ Component: (await import('@/app/routes/my-missions')).MyMissionsRoute }),
          },
          {
            path: 'swaps',
            lazy: async () => ({ Component: (await import('@/app/routes/swaps')).SwapsRoute }),
          },
          {
            path: 'open-shifts',
            lazy: async () => ({ Component: (await import('@/app/routes/open-shifts')).OpenShiftsRoute }),
          },
          {
            path: 'users',
            lazy: async () => ({ Component: (await import('@/app/routes/users')).UsersRoute }),
          },
          {
            path: 'users/certifications',
            lazy: async () => ({ Component: (await import('@/app/routes/certifications')).CertificationsRoute }),
          },
          {
            path: 'users/:userId',
            lazy: async () => ({ Component: (await import('@/app/routes/user-detail')).UserDetailRoute }),
          },
          {
            path: 'conflicts',
            lazy: async () => ({ Component: (await import('@/app/routes/conflicts')).ConflictsRoute }),
          },
          {
            path: 'plugins/:name',
            lazy: async () => ({ Component: (await import('@/app/routes/plugin')).PluginRoute }),
          },
          {
            // A page a plugin brings (its own ES module, loaded only when opened).
            path: 'plugins/:name/*',
            lazy: async () => ({ Component: (await import('@/app/routes/plugin-module')).PluginModuleRoute }),
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('@/app/routes/not-found')).NotFoundRoute }),
          },
        ],
      },
    ],
  },
];

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}
