/** API set-up for the crew screens' e2e flows (issue 5): sessions, a tech account, missions. */
import { expect, request, type APIRequestContext } from '@playwright/test';

import { mailLink, PASSWORD, uniqueEmail, waitForMail, type Account, type Mail } from './support';

/** A signed-in API session with its own cookie jar; unsafe calls carry the CSRF header. */
export class ApiSession {
  private constructor(private readonly ctx: APIRequestContext) {}

  static async login(account: { email: string; password: string }): Promise<ApiSession> {
    const ctx = await request.newContext({ baseURL: process.env.E2E_BASE_URL });
    const response = await ctx.post('/api/v1/auth/login', { data: { email: account.email, password: account.password } });
    expect(response.status(), await response.text()).toBe(200);
    return new ApiSession(ctx);
  }

  private async csrf(): Promise<string> {
    const state = await this.ctx.storageState();
    return state.cookies.find((cookie) => cookie.name === 'cc_csrf')?.value ?? '';
  }

  async get<T>(path: string): Promise<T> {
    const response = await this.ctx.get(path);
    expect(response.ok(), `${path}: ${await response.text()}`).toBeTruthy();
    return (await response.json()) as T;
  }

  async post<T>(path: string, data: unknown = {}): Promise<T> {
    const response = await this.ctx.post(path, { data, headers: { 'X-CSRF-Token': await this.csrf() } });
    expect(response.ok(), `${path}: ${await response.text()}`).toBeTruthy();
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async patch<T>(path: string, data: unknown): Promise<T> {
    const response = await this.ctx.patch(path, { data, headers: { 'X-CSRF-Token': await this.csrf() } });
    expect(response.ok(), `${path}: ${await response.text()}`).toBeTruthy();
    return (await response.json()) as T;
  }

  async put<T>(path: string, data: unknown): Promise<T> {
    const response = await this.ctx.put(path, { data, headers: { 'X-CSRF-Token': await this.csrf() } });
    expect(response.ok(), `${path}: ${await response.text()}`).toBeTruthy();
    return (await response.json()) as T;
  }

  async dispose(): Promise<void> {
    await this.ctx.dispose();
  }
}

/** The first link of a mail that matches `pattern`, as a same-origin path + query. */
export function linkIn(mail: Mail, pattern: RegExp): string {
  const url = new URL(mailLink(mail, pattern));
  return url.pathname + url.search;
}

/** Invites a tech member and sets their password through the emailed set-up link. */
export async function createTechAccount(
  owner: ApiSession,
  ownerAccount: Account,
  prefix: string,
): Promise<Account & { accountId: number }> {
  const email = uniqueEmail(prefix);
  await owner.post('/api/v1/orgs/current/members', { email, role: 'tech' });
  const mail = await waitForMail(ownerAccount, email);
  const path = linkIn(mail, /\/reset-password\?token=/);
  const token = new URLSearchParams(path.split('?')[1]).get('token');
  const anonymous = await request.newContext({ baseURL: process.env.E2E_BASE_URL });
  const confirmed = await anonymous.post('/api/v1/auth/password-reset/confirm', {
    data: { token, new_password: PASSWORD },
  });
  expect(confirmed.ok(), await confirmed.text()).toBeTruthy();
  await anonymous.dispose();
  const members = await owner.get<{ items: { account_id: number; email: string }[] }>('/api/v1/orgs/current/members?page_size=200');
  const accountId = members.items.find((member) => member.email === email)!.account_id;
  return { email, password: PASSWORD, orgName: '', accountId };
}

export interface CrewUser {
  id: number;
  first_name: string;
  last_name: string;
}

export async function createUser(
  owner: ApiSession,
  firstName: string,
  lastName: string,
  extra: Record<string, unknown> = {},
): Promise<CrewUser> {
  return owner.post<CrewUser>('/api/v1/users', {
    first_name: firstName,
    last_name: lastName,
    employment_type: 'Intermittent',
    email: uniqueEmail(firstName.toLowerCase()),
    ...extra,
  });
}

/** An instant `days` from now at `hour`:00 UTC, ISO. */
export function inDays(days: number, hour: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
}

export interface MissionSetup {
  missionId: number;
  roleId: number;
  title: string;
}

export async function createMission(
  owner: ApiSession,
  projectId: number,
  title: string,
  startsAt: string,
  endsAt: string,
): Promise<MissionSetup> {
  const mission = await owner.post<{ id: number; roles: { id: number }[] }>('/api/v1/missions', {
    project_id: projectId,
    title,
    starts_at: startsAt,
    ends_at: endsAt,
    place: 'Cour du chateau',
    roles: [{ name: 'Regie son', quota: 2 }],
  });
  return { missionId: mission.id, roleId: mission.roles[0]!.id, title };
}

export async function invite(owner: ApiSession, roleId: number, userId: number): Promise<{ id: number }> {
  return owner.post<{ id: number }>('/api/v1/assignments', { mission_role_id: roleId, user_id: userId });
}
