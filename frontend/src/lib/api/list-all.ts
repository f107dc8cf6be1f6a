/**
 * Every item of a list route: the API pages every list the same way
 * ({items, page, page_size, total}), so short lists the screens show whole
 * (members, plugins) are read page after page at the largest page size.
 */
import { api } from '@/lib/api/client';

/** The largest `page_size` the API accepts. */
export const MAX_PAGE_SIZE = 200;

export interface ListPage<T> {
  items: T[];
  page: number;
  page_size: number;
  total: number;
}

export async function listAll<T>(path: string, options: { params?: Record<string, string>; signal?: AbortSignal } = {}): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const params = new URLSearchParams({ ...options.params, page: String(page), page_size: String(MAX_PAGE_SIZE) });
    const body = await api.get<ListPage<T>>(`${path}?${params.toString()}`, { signal: options.signal });
    items.push(...body.items);
    if (body.items.length === 0 || items.length >= body.total) return items;
  }
}
