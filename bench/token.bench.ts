// How many times does fetchToken run when 1,000 API requests straddle a token expiry?
// 500 concurrent requests with the first token, then (once that token is inside both clients'
// refresh windows) 500 more, against a local HTTP server that only accepts valid, unexpired JWTs.
// Kit client goal: one fetchToken call per token generation, i.e. 2 in total.
//
// Then the burst figure of issue 2: each client makes one request (which primes it with a token);
// once that token is inside the refresh window, and in a second run once it has just expired,
// 1,000 requests start at the same moment. Counted: fetchToken calls during the burst (kit goal: 1)
// and 401s.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntegrationAppClient } from '@integration-app/sdk';
import { createMembraneApi } from '../src/core/api/createMembraneApi.js';
import { createKitClient } from '../src/core/api/sdk/createKitClient.js';
import { createTokenManager } from '../src/core/token/createTokenManager.js';

/** What the bench drives: one list request per call, through the client under test. */
interface ListClient {
  list: () => Promise<unknown>;
}

const BATCH = 500;
// 14 s tokens: the kit refreshes 7 s ahead (half the lifetime caps its 30 s minimum margin), the
// bare SDK 10 s ahead. The second batch runs 6.5 s before expiry, inside both windows.
const LIFETIME_S = 14;
const SECOND_BATCH_BEFORE_EXPIRY_MS = 6_500;

interface Counters {
  requests: number;
  accepted: number;
  refused: number;
  tokensSeen: Set<string>;
}

const counters: Counters = { requests: 0, accepted: 0, refused: 0, tokensSeen: new Set() };

function claimsOf(token: string): { exp?: unknown } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => part === '')) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { exp?: unknown };
  } catch {
    return undefined;
  }
}

const server = createServer((req, res) => {
  counters.requests++;
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const claims = claimsOf(token);
  const valid = typeof claims?.exp === 'number' && claims.exp * 1000 > Date.now();
  if (!valid) {
    counters.refused++;
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ type: 'bad_request', key: 'not_authenticated', message: 'Invalid or expired token' }));
    return;
  }
  counters.accepted++;
  counters.tokensSeen.add(token);
  if (req.method === 'GET' && req.url?.startsWith('/integrations')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ items: [] }));
  } else {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ type: 'bad_request', key: 'not_found', message: 'Not found' }));
  }
});

function mintToken(serial: number, lifetimeS = LIFETIME_S): string {
  const iat = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ id: 'bench-customer', iss: 'bench-workspace', iat, exp: iat + lifetimeS, serial })}.bench-signature`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Result {
  name: string;
  requests: number;
  failed: number;
  fetchCalls: number;
  batchMs: [number, number];
  refused: number;
  distinctTokens: number;
}

async function run(name: string, makeClient: (fetchToken: () => Promise<string>) => ListClient): Promise<Result> {
  counters.requests = 0;
  counters.accepted = 0;
  counters.refused = 0;
  counters.tokensSeen.clear();
  let fetchCalls = 0;
  let firstExpiryMs = 0;
  const fetchToken = async () => {
    fetchCalls++;
    const token = mintToken(fetchCalls);
    if (fetchCalls === 1) firstExpiryMs = (claimsOf(token)!.exp as number) * 1000;
    return token;
  };
  const client = makeClient(fetchToken);
  let failed = 0;
  const batch = async () => {
    const started = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: BATCH }, () => client.list()));
    failed += outcomes.filter((outcome) => outcome.status === 'rejected').length;
    return Math.round(performance.now() - started);
  };

  const first = await batch();
  await sleep(Math.max(0, firstExpiryMs - SECOND_BATCH_BEFORE_EXPIRY_MS - Date.now()));
  const second = await batch();
  return {
    name,
    requests: 2 * BATCH,
    failed,
    fetchCalls,
    batchMs: [first, second],
    refused: counters.refused,
    distinctTokens: counters.tokensSeen.size,
  };
}

const BURST = 1_000;

/** When the burst starts, relative to the priming token. */
interface BurstTiming {
  label: string;
  /** Lifetime of the priming token; later tokens live LIFETIME_S, as in the table above. */
  primingLifetimeS: number;
  /** Milliseconds after the priming token's `exp` (negative: before it). */
  fireAtFromExpiryMs: number;
}

const BURST_TIMINGS: BurstTiming[] = [
  // Same tokens as the table above: 6.5 s before expiry is inside both clients' refresh windows.
  { label: 'token inside the refresh window (valid for 6.5 s more)', primingLifetimeS: LIFETIME_S, fireAtFromExpiryMs: -SECOND_BATCH_BEFORE_EXPIRY_MS },
  // A short priming token keeps the wait short; the burst starts 250 ms after it has expired.
  { label: 'token expired 250 ms ago', primingLifetimeS: 3, fireAtFromExpiryMs: 250 },
];

interface BurstResult {
  name: string;
  timing: string;
  requests: number;
  failed: number;
  primingFetches: number;
  burstFetches: number;
  burstRefused: number;
  burstMs: number;
}

async function burst(name: string, timing: BurstTiming, makeClient: (fetchToken: () => Promise<string>) => ListClient): Promise<BurstResult> {
  let fetchCalls = 0;
  let firstExpiryMs = 0;
  const fetchToken = async () => {
    fetchCalls++;
    const token = mintToken(fetchCalls, fetchCalls === 1 ? timing.primingLifetimeS : LIFETIME_S);
    if (fetchCalls === 1) firstExpiryMs = (claimsOf(token)!.exp as number) * 1000;
    return token;
  };
  const client = makeClient(fetchToken);
  await client.list();
  const primingFetches = fetchCalls;
  await sleep(Math.max(0, firstExpiryMs + timing.fireAtFromExpiryMs - Date.now()));
  const refusedBefore = counters.refused;
  const fetchesBefore = fetchCalls;
  const started = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: BURST }, () => client.list()));
  return {
    name,
    timing: timing.label,
    requests: BURST,
    failed: outcomes.filter((outcome) => outcome.status === 'rejected').length,
    primingFetches,
    burstFetches: fetchCalls - fetchesBefore,
    burstRefused: counters.refused - refusedBefore,
    burstMs: Math.round(performance.now() - started),
  };
}

const clients: Array<[string, (fetchToken: () => Promise<string>) => ListClient]> = [
  [
    'kit (createMembraneApi, what the components use)',
    (fetchToken) => {
      const api = createMembraneApi({ apiUri, tokenManager: createTokenManager({ fetchToken }) });
      return { list: () => api.listIntegrations() };
    },
  ],
  [
    'kit (createKitClient, SDK on the kit token)',
    (fetchToken) => {
      const client = createKitClient(IntegrationAppClient, { fetchToken }, { apiUri });
      return { list: () => client.integrations.find() };
    },
  ],
  [
    'bare SDK (new IntegrationAppClient)',
    (fetchToken) => {
      const client = new IntegrationAppClient({ fetchToken, apiUri });
      return { list: () => client.integrations.find() };
    },
  ],
];

await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const apiUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const results: Result[] = [];
const bursts: BurstResult[] = [];
try {
  for (const [name, makeClient] of clients) results.push(await run(name, makeClient));
  for (const timing of BURST_TIMINGS) {
    for (const [name, makeClient] of clients) bursts.push(await burst(name, timing, makeClient));
  }
} finally {
  server.close();
}

const GENERATIONS = 2;
console.log(`${BATCH} concurrent GET /integrations, then ${BATCH} more ${SECOND_BATCH_BEFORE_EXPIRY_MS / 1000} s before the first ${LIFETIME_S} s token expires.\n`);
console.log('| client | API requests | failed | 401s | fetchToken calls | fetches per token generation | requests per fetch | distinct tokens sent | batch 1 / batch 2 |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.requests} | ${r.failed} | ${r.refused} | ${r.fetchCalls} | ${(r.fetchCalls / GENERATIONS).toFixed(1)} | ${(r.requests / r.fetchCalls).toFixed(1)} | ${r.distinctTokens} | ${r.batchMs[0]} ms / ${r.batchMs[1]} ms |`,
  );
}

console.log(`\n### Burst: ${BURST} concurrent GET /integrations at once, after one priming request\n`);
console.log('| client | when the burst starts | fetchToken calls during the burst (goal: 1) | 401s during the burst | failed | priming fetchToken calls | burst duration |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const b of bursts) {
  console.log(`| ${b.name} | ${b.timing} | ${b.burstFetches} | ${b.burstRefused} | ${b.failed} | ${b.primingFetches} | ${b.burstMs} ms |`);
}

const kit = results[0]!;
const problems: string[] = [];
for (const b of bursts) {
  if (b.name !== kit.name) continue;
  if (b.burstFetches !== 1) problems.push(`kit burst (${b.timing}): ${b.burstFetches} fetchToken calls; expected 1`);
  if (b.burstRefused > 0) problems.push(`kit burst (${b.timing}): ${b.burstRefused} requests refused with 401`);
  if (b.failed > 0) problems.push(`kit burst (${b.timing}): ${b.failed} requests failed`);
}
if (kit.fetchCalls !== GENERATIONS) problems.push(`kit called fetchToken ${kit.fetchCalls} times; expected ${GENERATIONS} (one per token generation)`);
for (const r of results) {
  if (r.failed > 0) problems.push(`${r.name}: ${r.failed} requests failed`);
}
if (kit.refused > 0) problems.push(`kit sent ${kit.refused} requests with an invalid or expired token`);
if (problems.length > 0) {
  console.error(`\nFAILED: ${problems.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log(`\nOK: the kit made ${kit.fetchCalls} fetchToken calls for ${kit.requests} requests across an expiry, and 1 per ${BURST}-request burst.`);
}
