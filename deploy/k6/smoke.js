// Load scenarios of Coulisses Crew, run one at a time by `python3 dev.py loadtest`
// (which builds the data, starts the server and prints the table). By hand:
//   k6 run -e DATA=data.json -e SCENARIO=planning -e SUMMARY=out.json deploy/k6/smoke.js
// DATA (written by the loadtest, deleted after): base URL, a manager's access token,
// the month to read, open invitation links, free (role, user) pairs to invite, a login.
// SCENARIO: login | planning | invite | accept. PROFILE: smoke (default) or baseline
// (longer, more users). Nothing here prints a token.
import http from "k6/http";
import exec from "k6/execution";
import { check } from "k6";
import { SharedArray } from "k6/data";

const data = JSON.parse(open(__ENV.DATA));
const links = new SharedArray("links", () => data.links);
const pairs = new SharedArray("pairs", () => data.pairs);
const baseline = __ENV.PROFILE === "baseline";
const seconds = baseline ? 60 : Number(__ENV.SECONDS || 10);
const auth = { headers: { Authorization: `Bearer ${data.token}` } };

const scenarios = {
  // Sign-ins of one account, one after the other (password hashing is the cost).
  login: { executor: "constant-vus", vus: 1, duration: `${seconds}s` },
  // Managers reading the month's planning: 50 at once (target p95 < 50 ms).
  planning: { executor: "constant-vus", vus: baseline ? 100 : 50, duration: `${seconds}s` },
  // A manager inviting people, 20 a second, each pair once.
  invite: {
    executor: "constant-arrival-rate",
    rate: 20,
    timeUnit: "1s",
    duration: `${seconds}s`,
    preAllocatedVUs: 10,
    maxVUs: 40,
  },
  // Crew answering their links from 64 phones, each link once (target >= 500/s, p99 < 100 ms).
  accept: {
    executor: "shared-iterations",
    vus: 64,
    iterations: data.links.length,
    maxDuration: `${Math.max(seconds, 30)}s`,
  },
};

const name = __ENV.SCENARIO;
if (!scenarios[name]) {
  throw new Error(`SCENARIO must be one of ${Object.keys(scenarios).join(", ")}`);
}

export const options = {
  scenarios: { [name]: { ...scenarios[name], exec: name } },
  summaryTrendStats: ["avg", "min", "med", "p(95)", "p(99)", "max"],
  discardResponseBodies: true,
};

export function login() {
  const response = http.post(
    `${data.base}/api/v1/auth/login`,
    JSON.stringify({ email: data.login.email, password: data.login.password }),
    { headers: { "Content-Type": "application/json" } },
  );
  check(response, { "signed in": (r) => r.status === 200 });
}

export function planning() {
  const response = http.get(
    `${data.base}/api/v1/planning?from=${data.month.from}&to=${data.month.to}`,
    auth,
  );
  check(response, { "planning read": (r) => r.status === 200 });
}

export function invite() {
  const n = exec.scenario.iterationInTest;
  if (n >= pairs.length) return;
  const [role, user] = pairs[n];
  const response = http.post(
    `${data.base}/api/v1/assignments`,
    JSON.stringify({ mission_role_id: role, user_id: user }),
    { headers: { ...auth.headers, "Content-Type": "application/json" } },
  );
  check(response, { invited: (r) => r.status === 201 });
}

export function accept() {
  const [id, token] = links[exec.scenario.iterationInTest];
  // Each phone behind its own address, as the crew's are (the API limits per address).
  const vu = exec.vu.idInTest;
  const response = http.post(
    `${data.base}/api/v1/invitations/${id}/accept?token=${token}`,
    null,
    { headers: { "X-Forwarded-For": `10.78.${Math.floor(vu / 250)}.${(vu % 250) + 1}` } },
  );
  check(response, { accepted: (r) => r.status === 200 });
}

export function handleSummary(summary) {
  return { [__ENV.SUMMARY]: JSON.stringify(summary) };
}
