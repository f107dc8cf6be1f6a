/**
 * Issue 13, "/metrics shows the series during the e2e run": a manager invites a tech
 * from the API, the e2e server's worker emails the link, the tech accepts it in the
 * browser while the manager's planning holds a live stream; the server's /metrics (open
 * in dev) then shows each series the runbooks and alerts read, with this run's values.
 */
import { request } from '@playwright/test';

import { ApiSession, createMission, createUser, inDays, invite, linkIn } from './crew-api';
import { expect, fr, login, signup, test, uniqueEmail, waitForMail } from './support';

/** `name{labels} value` lines of the Prometheus text format, parsed loosely. */
function samples(text: string): { name: string; labels: string; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
      return match ? { name: match[1]!, labels: match[2] ?? '', value: Number(match[3]) } : null;
    })
    .filter((sample): sample is { name: string; labels: string; value: number } => sample !== null);
}

function total(text: string, name: string, ...labels: string[]): number {
  return samples(text)
    .filter((sample) => sample.name === name && labels.every((label) => sample.labels.includes(label)))
    .reduce((sum, sample) => sum + sample.value, 0);
}

test('/metrics shows HTTP, SQL, pool, jobs, queue, outbox, live streams, deliveries and transitions', async ({
  browser,
  page,
}) => {
  const owner = await signup('metrics');
  const api = await ApiSession.login(owner);
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Metriques' });
  const mission = await createMission(api, project.id, 'Balance Metriques', inDays(9, 8), inDays(9, 12));
  const email = uniqueEmail('noa');
  const tech = await createUser(api, 'Noa', 'Mesure', { email });
  await invite(api, mission.roleId, tech.id);
  const mail = await waitForMail(owner, email, 'Balance Metriques');
  const path = linkIn(mail, /\/invitations\/\d+\?token=/);

  // The manager's planning holds a live stream while the tech answers.
  await login(page, owner);
  await page.goto('/planning');
  await expect(page.getByRole('heading', { level: 1, name: fr.planning_title })).toBeVisible();
  const techContext = await browser.newContext();
  const techPage = await techContext.newPage();
  await techPage.goto(path);
  await techPage.getByRole('button', { name: fr.action_accept }).click();
  await expect(techPage.getByRole('status').filter({ hasText: fr.invitation_accepted })).toBeVisible();
  await techContext.close();

  const scraper = await request.newContext({ baseURL: process.env.E2E_BASE_URL });
  let text = '';
  await expect
    .poll(
      async () => {
        const response = await scraper.get('/metrics');
        expect(response.status()).toBe(200);
        text = await response.text();
        return total(text, 'coulisses_assignment_transitions_total', 'to_status="ACCEPTED"');
      },
      { message: 'the accept counted once committed' },
    )
    .toBeGreaterThan(0);
  await scraper.dispose();
  await api.dispose();

  expect(total(text, 'coulisses_http_requests_total', 'path="/api/v1/assignments"', 'method="POST"')).toBeGreaterThan(0);
  expect(total(text, 'coulisses_http_request_duration_seconds_count')).toBeGreaterThan(0);
  expect(total(text, 'coulisses_db_query_duration_seconds_count')).toBeGreaterThan(0);
  expect(samples(text).some((sample) => sample.name === 'coulisses_db_pool_connections')).toBe(true);
  expect(total(text, 'coulisses_jobs_total', 'job="core.deliver_invitations"', 'outcome="ok"')).toBeGreaterThan(0);
  expect(samples(text).some((sample) => sample.name === 'coulisses_job_queue_depth')).toBe(true);
  expect(samples(text).some((sample) => sample.name === 'coulisses_outbox_pending')).toBe(true);
  expect(samples(text).some((sample) => sample.name === 'coulisses_events_waiting')).toBe(true);
  expect(total(text, 'coulisses_sse_connections')).toBeGreaterThan(0);
  expect(total(text, 'coulisses_invitation_deliveries_total', 'channel="email"', 'outcome="sent"')).toBeGreaterThan(0);
  expect(total(text, 'coulisses_assignment_transitions_total', 'from_status="NEW"', 'to_status="INVITED"')).toBeGreaterThan(0);
});
