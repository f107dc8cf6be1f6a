/** Shared helpers of the e2e suite: API sign-up, UI login, mail (dev outbox), axe and screenshots. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { AxeBuilder } from '@axe-core/playwright';
import { expect, request, test as base, type BrowserContext, type Page } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = resolve(here, 'screenshots');

type Catalog = typeof import('../src/locales/fr.json');
/** The French catalog: UI text in the tests comes from it (accents live only in src/locales). */
export const fr = JSON.parse(readFileSync(resolve(here, '../src/locales/fr.json'), 'utf8')) as Catalog;

/** A catalog message with its {placeholders} filled. */
export function msg(key: keyof Catalog, vars: Record<string, string> = {}): string {
  return fr[key].replace(/\{(\w+)\}/g, (match, name: string) => vars[name] ?? match);
}
export const PASSWORD = 'Rideau-Rouge-42';

const CSP_PREFIX = 'CSP violation:';

/** Watches a browser context for Content-Security-Policy violations (reported by the pages themselves). */
async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript((prefix) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`${prefix} ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  }, CSP_PREFIX);
  context.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(CSP_PREFIX) || text.includes('Content Security Policy')) {
      violations.push(`${message.page()?.url() ?? '?'}: ${text}`);
    }
  });
}

/**
 * Every test gets the URL of the server started by global-setup.ts, and fails on any
 * CSP violation of its pages: the default context is watched automatically, a context
 * a test opens itself with `csp.watch(context)`.
 */
export const test = base.extend<{ csp: { watch: (context: BrowserContext) => Promise<void> } }>({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
  csp: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      await use({ watch: (other) => watchCsp(other, violations) });
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

let counter = 0;
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@e2e.example.org`;
}

export interface Account {
  email: string;
  password: string;
  orgName: string;
}

/** Creates an org and its owner through the API (its own cookie jar, not the browser's). */
export async function signup(prefix: string, orgName = `Les Nuits de Juillet ${prefix}`): Promise<Account> {
  const api = await request.newContext({ baseURL: process.env.E2E_BASE_URL });
  const email = uniqueEmail(prefix);
  const response = await api.post('/api/v1/auth/signup', {
    data: { email, password: PASSWORD, org_name: orgName, first_name: 'Camille', last_name: 'Regie' },
  });
  expect(response.status(), await response.text()).toBe(201);
  await api.dispose();
  return { email, password: PASSWORD, orgName };
}

export async function login(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Adresse email').fill(account.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
}

/** The members table's row header of an account. */
export function memberRow(page: Page, email: string) {
  return page.getByRole('rowheader', { name: new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
}

/** A link of the main navigation (the page body may hold links with similar names). */
export function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });
}

/** No serious or critical axe violation on what the page shows now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A message of the dev outbox (`GET /api/v1/dev/outbox`, a list like any other: see docs/api.md). */
export interface Mail {
  id: string;
  to: string;
  subject: string;
  received_at: string;
  links: string[];
}

/**
 * Waits for a mail to `to` (subject containing `subject`) in the dev outbox of the
 * server, read as `owner` (an owner or admin of the org `to` belongs to).
 */
export async function waitForMail(
  owner: { email: string; password: string },
  to: string,
  subject = '',
  timeoutMs = 60_000,
): Promise<Mail> {
  const api = await request.newContext({ baseURL: process.env.E2E_BASE_URL });
  try {
    const login = await api.post('/api/v1/auth/login', { data: { email: owner.email, password: owner.password } });
    expect(login.status(), await login.text()).toBe(200);
    let found: Mail | undefined;
    await expect
      .poll(
        async () => {
          // The newest messages first (the list's default sort): the first page is enough.
          const response = await api.get('/api/v1/dev/outbox?sort=-received_at&page_size=200');
          expect(response.status(), await response.text()).toBe(200);
          const { items } = (await response.json()) as { items: Mail[] };
          found = items.find((mail) => mail.to.toLowerCase().includes(to.toLowerCase()) && mail.subject.includes(subject));
          return found !== undefined;
        },
        { message: `a mail to ${to} (${subject}) in the dev outbox`, timeout: timeoutMs },
      )
      .toBe(true);
    return found!;
  } finally {
    await api.dispose();
  }
}

/** The first link of a mail that matches `pattern`. */
export function mailLink(mail: Mail, pattern: RegExp): string {
  const link = mail.links.find((candidate) => pattern.test(candidate));
  expect(link, `no link matching ${pattern} in ${JSON.stringify(mail)}`).toBeTruthy();
  return link!;
}
