/**
 * The host side of the plugin page and widget contract (packages/plugin-ui/src/host.ts): the
 * web app's own React, router hooks, query hooks, API client, locale and UI kit,
 * set on `globalThis.__coulisses_host__` before a plugin module is imported.
 * Built only in the lazy chunk of a plugin page or widget, so the initial bundle does not grow.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { z } from 'zod';

import { HOST_CONTRACT_VERSION, HOST_GLOBAL, type CoulissesHost, type HostForms } from '@coulisses/plugin-ui/host';
import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { DataTable, TablePagination, useDataTable } from '@/components/ui/data-table/data-table';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Spinner } from '@/components/ui/spinner/spinner';
import { api } from '@/lib/api/client';
import { TIME_OF_DAY, useFormText, useZodForm } from '@/lib/forms';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useLiveEvents } from '@/lib/live/event-stream';

function usePluginLocale() {
  const { locale, tError } = useLocale();
  return { locale, tError };
}

function usePluginDates() {
  const { timeZone, formatDate, formatDateTime, formatTime, formatZone } = useDates();
  return { timeZone, formatDate, formatDateTime, formatTime, formatZone };
}

export function createPluginHost(): CoulissesHost {
  return {
    version: HOST_CONTRACT_VERSION,
    React,
    jsxRuntime,
    router: { Link, useNavigate, useParams, useSearchParams },
    query: { useQuery, useMutation, useQueryClient },
    api: {
      get: (path) => api.get(path),
      post: (path, body) => api.post(path, body),
      patch: (path, body) => api.patch(path, body),
      put: (path, body) => api.put(path, body),
      delete: (path) => api.delete(path),
    },
    useLocale: usePluginLocale,
    useDates: usePluginDates,
    useLiveEvents,
    table: { useDataTable, DataTable, TablePagination },
    // The same generic signature, which TypeScript cannot unify across the two declarations.
    forms: { z, useZodForm: useZodForm as HostForms['useZodForm'], useFormText, TIME_OF_DAY },
    ui: {
      Button,
      Card,
      CardHeader,
      CardTitle,
      CardDescription,
      Alert,
      Spinner,
      EmptyState,
      Input,
      Field,
      Badge,
      ConfirmDialog,
      ErrorState,
    },
  };
}

/** Sets the host once; later calls keep it (plugin modules already evaluated hold it). */
export function installPluginHost(): CoulissesHost {
  const scope = globalThis as Record<string, unknown>;
  const existing = scope[HOST_GLOBAL] as CoulissesHost | undefined;
  if (existing) return existing;
  const created = createPluginHost();
  scope[HOST_GLOBAL] = created;
  return created;
}
