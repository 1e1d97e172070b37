// Soak: 50 kit components in real Chromium against the emulator while faults come and go for a
// few minutes (SOAK_SECONDS, default 180). The page (bench/soak-page/, a Vite production build)
// mounts 40 components under one <MembraneKitProvider> (the list, 20 statuses, 19 connect buttons)
// and 10 provider-less ones (5 statuses, 5 buttons on the shared kit). Each cycle runs these
// phases in turn, with a user connect + disconnect from the list, live changes made "in another
// tab" (the emulator's control route, pushed over /sse/workspace), window focus (refetch) and one
// unmount/remount of 49 of the 50 components:
//   calm · latency 800 ms · 401 storm · 429 burst · 500 burst · short tokens · flapping network
// (tokens issued from the 401 storm until the network flaps live 4 s: the storm's refreshes get
// them, so the bursts and the short-tokens phase run on tokens that expire every few seconds).
// Then every fault is cleared and the page must come back to what the emulator holds, with no
// error showing. Then every component is unmounted; after the shared kit's release delay the page
// must hold no more timers, intervals, page-wide listeners, EventSources or popups than before the
// first mount, and again after a second mount/connect/disconnect/unmount round. Printed: fetchToken calls, API requests by route and status, errors the user saw,
// kit events, what is alive at the end, and the JS heap (after a forced GC) at each step and cycle.
// Exits 1 when something leaked or the page did not recover; timings are reported, not gated.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { startEmulator } from '../src/emulator/startEmulator.js';
import type { EmulatorRequestLogEntry } from '../src/emulator/types.js';
import { SHARED_KIT_RELEASE_DELAY_MS } from '../src/react/kit/getSharedKit.js';
import { CHROMIUM_ARGS, requireChromium } from '../scripts/findChromium.mjs';
import { buildBenchPage } from './support/buildBenchPage.js';
import { createBenchSeed } from './support/createBenchSeed.js';
import { serveStatic, type StaticSite } from './support/serveStatic.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
if (!Number.isFinite(SOAK_SECONDS) || SOAK_SECONDS < 20) throw new RangeError('SOAK_SECONDS must be a number of seconds, at least 20.');
const APPS = 50;
/** The app the user connects and disconnects from the list in each cycle, and the one changed "in another tab". */
const LIVE_KEY = 'hubspot';
const RECOVERY_TIMEOUT_MS = 60_000;
const CHROMIUM = requireChromium();

type Phase = 'calm' | 'latency' | '401 storm' | '429 burst' | '500 burst' | 'short tokens' | 'flapping network';
const PHASES: Array<{ name: Phase; seconds: number }> = [
  { name: 'calm', seconds: 4 },
  { name: 'latency', seconds: 5 },
  { name: '401 storm', seconds: 4 },
  { name: '429 burst', seconds: 4 },
  { name: '500 burst', seconds: 4 },
  { name: 'short tokens', seconds: 9 },
  { name: 'flapping network', seconds: 6 },
];

interface ProbeSnapshot {
  timeouts: Array<{ delay: number; at: string }>;
  intervals: Array<{ delay: number; at: string }>;
  listenerCount: number;
  listeners: Record<string, number>;
  eventSources: string[];
  popupsOpen: number;
  headElements: string[];
  totals: Record<string, number>;
}
interface PageCounters {
  fetchToken: { provider: number; shared: number; failed: number };
  fetchTokenAt: Array<{ group: 'provider' | 'shared'; at: number }>;
  events: Record<string, number>;
  errorAppearances: number;
  maxErrorsAtOnce: number;
  errorsNow: number;
  errorsByWhat: Record<string, number>;
}
interface Heap {
  usedKb: number;
  nodes: number;
  jsEventListeners: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kb = (value: number) => `${(value / 1024).toFixed(0)} kB`;
// Anything that looks like a JWT is cut before it is printed (page errors, console lines).
const redact = (text: string) => text.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]');

async function heap(cdp: CDPSession): Promise<Heap> {
  // Twice, then again after a pause: the first pass frees what finalizers were holding, and Blink
  // releases dead DOM nodes (its node and listener counters drop) only after sweeping.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(1_000);
  await cdp.send('HeapProfiler.collectGarbage');
  // Without a (simulated) memory-pressure signal Blink keeps dead nodes counted for a long while.
  await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
  await sleep(500);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { usedKb: usedSize / 1024, nodes: dom.nodes, jsEventListeners: dom.jsEventListeners };
}

/** SOAK_HEAP_SNAPSHOT=file.heapsnapshot: the heap after the unmount, for Chrome DevTools' Memory tab (what retains a leak). */
async function writeHeapSnapshot(cdp: CDPSession, file: string): Promise<void> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  writeFileSync(file, chunks.join(''));
  console.log(`Heap snapshot after the unmount written to ${file}.`);
}

const probes = (page: Page) => page.evaluate(() => (window as unknown as { __soakProbes: { snapshot(): ProbeSnapshot } }).__soakProbes.snapshot());
const counters = (page: Page) => page.evaluate(() => window.__soak.counters as PageCounters);
const shownStates = (page: Page) => page.evaluate(() => window.__soak.states());

async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await sleep(100);
  }
}

/** The state each component should show, from what the emulator holds for the default customer. */
async function expectedStates(apiUri: string, keys: string[], token: string): Promise<Map<string, string>> {
  const response = await fetch(`${apiUri}/integrations?limit=1000`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /integrations answered ${response.status} while reading the expected states.`);
  const { items } = (await response.json()) as { items: Array<{ key: string; connection?: Record<string, unknown> | null }> };
  const { getConnectionDetails } = await import('../src/core/state/getConnectionState.js');
  const byKey = new Map(items.map((item) => [item.key, getConnectionDetails(item as never).state as string]));
  return new Map(keys.map((key) => [key, byKey.get(key) ?? 'missing']));
}

function mismatches(shown: Record<string, string>, expected: Map<string, string>): string[] {
  const wrong: string[] = [];
  for (const [id, state] of Object.entries(shown)) {
    if (id === 'list') {
      if (state !== 'ready') wrong.push(`list: ${state}`);
      continue;
    }
    const key = id.slice(id.indexOf(':') + 1);
    if (state !== expected.get(key)) wrong.push(`${id}: shows ${state}, emulator says ${expected.get(key)}`);
  }
  return wrong;
}

function route(entry: EmulatorRequestLogEntry): string {
  const path = entry.path
    .replace(/^\/integrations\/[^/]+\/connector-spec$/, '/integrations/:key/connector-spec')
    .replace(/^\/integrations\/[^/]+$/, '/integrations/:key')
    .replace(/^\/connections\/[^/]+$/, '/connections/:id')
    .replace(/^\/_emulator\/connections\/[^/]+$/, '/_emulator/connections/:selector')
    .replace(/^\/sse\/connection-events\/[^/]+$/, '/sse/connection-events/:requestId');
  return `${entry.method} ${path}`;
}

interface ActionLog {
  connects: number;
  connectsDone: number;
  disconnects: number;
  disconnectsDone: number;
  liveChanges: number;
  remounts: number;
  focusEvents: number;
  offlineToggles: number;
  failures: string[];
}

async function userConnectAndDisconnect(page: Page, log: ActionLog, phase: Phase): Promise<void> {
  const row = page.locator(`[data-soak-id="list"] li[data-integration-key="${LIVE_KEY}"]`);
  const state = () => row.getAttribute('data-state', { timeout: 2_000 }).catch(() => null);
  try {
    if ((await state()) !== 'connected') {
      log.connects++;
      await row.locator('[data-slot="connect-button"]').first().click({ timeout: 3_000 });
      await waitFor(`${LIVE_KEY} to connect`, async () => (await state()) === 'connected', 12_000);
      log.connectsDone++;
    }
    log.disconnects++;
    await row.locator('[data-slot="disconnect-button"]').first().click({ timeout: 3_000 });
    await page.locator('[data-slot="disconnect-confirm"]').click({ timeout: 3_000 });
    await waitFor(`${LIVE_KEY} to disconnect`, async () => (await state()) === 'not-connected', 12_000);
    log.disconnectsDone++;
  } catch (error) {
    log.failures.push(`${phase}: ${redact(String((error as Error).message).split('\n')[0]!)}`);
    // Close a confirmation left open, so the next cycle starts from the row.
    await page.keyboard.press('Escape').catch(() => undefined);
  }
}

async function liveChange(apiUri: string, log: ActionLog, body: Record<string, unknown>): Promise<void> {
  // "Another tab": the emulator changes the connection and pushes it over /sse/workspace.
  const response = await fetch(`${apiUri}/_emulator/connections/salesforce`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.ok) log.liveChanges++;
  else log.failures.push(`live change answered ${response.status}`);
}

async function remount(page: Page, log: ActionLog): Promise<void> {
  await page.evaluate(() => window.__soak.setView('list-only'));
  await sleep(300);
  await page.evaluate(() => window.__soak.setView('all'));
  log.remounts++;
}

async function focus(page: Page, log: ActionLog): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  log.focusEvents++;
}

/** When each phase started, in the page's clock (performance.now()). */
const phaseStarts: Array<{ phase: Phase | 'recovery'; at: number }> = [];

async function runPhase(
  phase: Phase,
  seconds: number,
  ctx: { page: Page; context: BrowserContext; apiUri: string; log: ActionLog; emulator: Awaited<ReturnType<typeof startEmulator>> },
): Promise<void> {
  const { page, context, apiUri, log, emulator } = ctx;
  const until = Date.now() + seconds * 1000;
  phaseStarts.push({ phase, at: await page.evaluate(() => performance.now()) });
  const rest = async () => {
    const left = until - Date.now();
    if (left > 0) await sleep(left);
  };
  // Each phase starts from its own faults: an error burst the previous phase did not use up ends.
  emulator.faults.set({ errors: [] });
  switch (phase) {
    case 'calm':
      emulator.faults.clear();
      emulator.faults.set({ consent: 'allow' });
      await userConnectAndDisconnect(page, log, phase);
      break;
    case 'latency':
      emulator.faults.set({ latencyMs: 800 });
      await remount(page, log);
      await liveChange(apiUri, log, { state: 'BUILDING' });
      await sleep(1_500);
      await liveChange(apiUri, log, { state: 'READY' });
      break;
    case '401 storm':
      // Tokens issued from here until the network flaps live 4 s: the storm's refreshes get them.
      emulator.faults.set({ latencyMs: 0, unauthenticated: true, tokenExpiresIn: 4 });
      await liveChange(apiUri, log, { requestError: { message: 'Rate limited by Salesforce' } });
      await focus(page, log);
      await sleep(1_500);
      await remount(page, log);
      await sleep(1_000);
      emulator.faults.set({ unauthenticated: false });
      await focus(page, log);
      break;
    case '429 burst':
      // The next 8 API requests are refused; what a burst leaves unused goes at the end of the phase.
      emulator.faults.set({ errors: [{ status: 429, times: 8 }] });
      await liveChange(apiUri, log, { requestError: null });
      await remount(page, log);
      await focus(page, log);
      break;
    case '500 burst':
      emulator.faults.set({ errors: [{ status: 500, times: 8 }] });
      await liveChange(apiUri, log, { state: 'BUILDING' });
      await remount(page, log);
      await sleep(1_000);
      await liveChange(apiUri, log, { state: 'READY' });
      break;
    case 'short tokens':
      emulator.faults.clear();
      emulator.faults.set({ consent: 'allow', tokenExpiresIn: 4 });
      await remount(page, log);
      await userConnectAndDisconnect(page, log, phase);
      await liveChange(apiUri, log, { state: 'BUILDING' });
      await sleep(1_000);
      await liveChange(apiUri, log, { state: 'READY' });
      break;
    case 'flapping network':
      emulator.faults.set({ tokenExpiresIn: null });
      for (let i = 0; i < 3; i++) {
        await context.setOffline(true);
        log.offlineToggles++;
        await focus(page, log);
        await sleep(700);
        await context.setOffline(false);
        log.offlineToggles++;
        await liveChange(apiUri, log, { state: i % 2 === 0 ? 'BUILDING' : 'READY' });
        await sleep(900);
      }
      await liveChange(apiUri, log, { state: 'READY' });
      break;
  }
  await rest();
}

const loadBefore = loadavg()[0]!;
const outDir = mkdtempSync(join(tmpdir(), 'mk-soak-bench-'));
const emulator = await startEmulator({ port: 0, seed: createBenchSeed(APPS) });
let site: StaticSite | undefined;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
let leaked = false;
let recovered = false;
try {
  // SOAK_READABLE=1: an unminified build, so the stacks of leaked timers name the functions.
  await buildBenchPage(join(root, 'bench/soak-page'), outDir, { minify: process.env.SOAK_READABLE !== '1' });
  site = await serveStatic(outDir);
  const keys = emulator.store.integrations.map((integration) => integration.key).slice(0, APPS - 1);
  if (keys.length < APPS - 1) throw new Error(`The bench seed has ${keys.length + 1} apps, fewer than ${APPS}.`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ path: join(root, 'bench/soak-page/soakProbes.js') });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(redact(error.message)));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(redact(message.text()).slice(0, 200));
  });
  const cdp = await context.newCDPSession(page);
  await page.goto(`${site.url}?api=${encodeURIComponent(emulator.apiUri)}&keys=${keys.join(',')}`);
  await page.waitForFunction(() => window.__soak?.ready === true);

  // Before the first mount: the page, React's root, nothing of the kit.
  const heapEmpty = await heap(cdp);
  const before = await probes(page);

  const log: ActionLog = {
    connects: 0,
    connectsDone: 0,
    disconnects: 0,
    disconnectsDone: 0,
    liveChanges: 0,
    remounts: 0,
    focusEvents: 0,
    offlineToggles: 0,
    failures: [],
  };
  const token = ((await (await fetch(emulator.tokenUrl, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).json()) as { token: string }).token;
  const ids = (shown: Record<string, string>) => Object.keys(shown).length;
  const expectedAtStart = await expectedStates(emulator.apiUri, keys, token);

  // A cold outage first: the first load meets a 500 on every list request (after the kit's two
  // retries the user sees errors), then Membrane comes back and the user returns to the tab.
  emulator.faults.set({ errors: [{ status: 500, route: 'GET /integrations' }] });
  await page.evaluate(() => window.__soak.setView('all'));
  await page.evaluate(() => window.__soak.startSampling());
  await waitFor('errors to show during the outage', async () => (await counters(page)).errorsNow > 0, 30_000);
  await sleep(2_000);
  const outage = await counters(page);
  const outageShown = { now: outage.errorsNow, byWhat: { ...outage.errorsByWhat } };
  emulator.faults.set({ errors: [] });
  const outageEnded = Date.now();
  await focus(page, log);
  let outageWrong: string[] = [];
  await waitFor(
    'the 50 components to load once the outage ends',
    async () => {
      const shown = await shownStates(page);
      outageWrong = mismatches(shown, expectedAtStart);
      return ids(shown) === APPS && outageWrong.length === 0 && (await counters(page)).errorsNow === 0;
    },
    30_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message} Still wrong: ${outageWrong.slice(0, 6).join('; ')}`);
  });
  const outageRecoveryMs = Date.now() - outageEnded;
  // From here on, errors are counted against the settled page.
  await page.evaluate(() => window.__soak.startSampling());
  await sleep(1_000);
  const heapMounted = await heap(cdp);
  const requestsBeforeSoak = emulator.store.requests.length;
  const countersBeforeSoak = await counters(page);

  // The soak.
  const soakStarted = Date.now();
  let soakPaused = 0;
  const deadline = () => soakStarted + soakPaused + SOAK_SECONDS * 1000;
  let cycles = 0;
  const heapByCycle: number[] = [];
  const cachedByCycle: Array<ReturnType<typeof window.__soak.cached>> = [];
  const aliveByCycle: ProbeSnapshot[] = [];
  while (Date.now() < deadline()) {
    for (const { name, seconds } of PHASES) await runPhase(name, seconds, { page, context, apiUri: emulator.apiUri, log, emulator });
    cycles++;
    // Measured between cycles (the GC takes about 2 s, not counted in the soak's length).
    const paused = Date.now();
    heapByCycle.push((await heap(cdp)).usedKb);
    cachedByCycle.push(await page.evaluate(() => window.__soak.cached()));
    aliveByCycle.push(await probes(page));
    soakPaused += Date.now() - paused;
  }
  const soakSeconds = (Date.now() - soakStarted - soakPaused) / 1000;

  // Recovery: no faults, online, the salesforce connection back to its seed state, one focus.
  phaseStarts.push({ phase: 'recovery', at: await page.evaluate(() => performance.now()) });
  emulator.faults.clear();
  await context.setOffline(false);
  await liveChange(emulator.apiUri, log, { state: null, requestError: null });
  const recoveryStarted = Date.now();
  await focus(page, log);
  const expected = await expectedStates(emulator.apiUri, keys, token);
  let lastWrong: string[] = [];
  try {
    await waitFor(
      'the page to show what the emulator holds, with no error showing',
      async () => {
        const shown = await shownStates(page);
        lastWrong = mismatches(shown, expected);
        const { errorsNow } = await counters(page);
        return lastWrong.length === 0 && errorsNow === 0;
      },
      RECOVERY_TIMEOUT_MS,
    );
    recovered = true;
  } catch {
    recovered = false;
  }
  const recoveryMs = Date.now() - recoveryStarted;
  await page.evaluate(() => window.__soak.stopSampling());
  const heapAfterSoak = await heap(cdp);
  const soakCounters = await counters(page);
  const soakRequests = emulator.store.requests.slice(requestsBeforeSoak);
  const whileMounted = await probes(page);

  // Unmount everything; wait for the shared kit's release, then compare with the empty page.
  await page.evaluate(() => window.__soak.setView('empty'));
  await sleep(SHARED_KIT_RELEASE_DELAY_MS + 2_000);
  const heapUnmounted = await heap(cdp);
  const after = await probes(page);
  if (process.env.SOAK_HEAP_SNAPSHOT) await writeHeapSnapshot(cdp, process.env.SOAK_HEAP_SNAPSHOT);

  // A second round on the same page: mount all 50 again, one calm cycle with a connect and a
  // disconnect, unmount. What stays after it, against after the first round, is what a round leaks.
  await page.evaluate(() => window.__soak.setView('all'));
  await waitFor(
    'the 50 components to load again',
    async () => {
      const shown = await shownStates(page);
      return ids(shown) === APPS && !Object.values(shown).some((state) => state === 'loading' || state === 'missing');
    },
    30_000,
  );
  await runPhase('calm', 4, { page, context, apiUri: emulator.apiUri, log, emulator });
  await page.evaluate(() => window.__soak.setView('empty'));
  await sleep(SHARED_KIT_RELEASE_DELAY_MS + 2_000);
  const heapSecondRound = await heap(cdp);
  const afterSecondRound = await probes(page);
  const secondRoundLeaks =
    afterSecondRound.timeouts.length - before.timeouts.length +
    (afterSecondRound.intervals.length - before.intervals.length) +
    (afterSecondRound.listenerCount - before.listenerCount) +
    afterSecondRound.eventSources.length +
    afterSecondRound.popupsOpen;

  // --- Report ---
  const byRoute = new Map<string, Map<number, number>>();
  for (const entry of soakRequests) {
    const statuses = byRoute.get(route(entry)) ?? new Map<number, number>();
    statuses.set(entry.status, (statuses.get(entry.status) ?? 0) + 1);
    byRoute.set(route(entry), statuses);
  }
  const fetchTokenCalls = (c: PageCounters) => c.fetchToken.provider + c.fetchToken.shared;

  console.log(
    `Soak: ${APPS} components (1 IntegrationsList + 20 ConnectionStatus + 19 ConnectButton under one provider, 5 + 5 provider-less), ` +
      `${APPS} apps, Vite production build, headless Chromium ${await browser.version()}, emulator on 127.0.0.1.\n` +
      `Ran ${soakSeconds.toFixed(0)} s (${cycles} cycles of: ${PHASES.map((p) => `${p.name} ${p.seconds} s`).join(' · ')}).\n`,
  );
  console.log('| figure | value |');
  console.log('| --- | ---: |');
  const row = (name: string, value: string | number) => console.log(`| ${name} | ${value} |`);
  row('fetchToken calls during the soak (provider kit + shared kit)', `${fetchTokenCalls(soakCounters) - fetchTokenCalls(countersBeforeSoak)} (${soakCounters.fetchToken.provider - countersBeforeSoak.fetchToken.provider} + ${soakCounters.fetchToken.shared - countersBeforeSoak.fetchToken.shared})`);
  row('fetchToken calls that failed (offline)', soakCounters.fetchToken.failed - countersBeforeSoak.fetchToken.failed);
  row('fetchToken calls before the soak (first load and the cold outage)', fetchTokenCalls(countersBeforeSoak));
  row(
    'cold outage (500 on every list request at the first load): errors on screen, by component kind',
    `${outageShown.now} (${Object.entries(outageShown.byWhat).map(([what, n]) => `${what} ${n}`).join(', ')})`,
  );
  row('… all 50 right, no error, after the outage ended and the tab got focus', `in ${outageRecoveryMs} ms`);
  row('API requests during the soak (emulator log)', soakRequests.length);
  row('… answered 401 / 429 / 5xx', `${soakRequests.filter((e) => e.status === 401).length} / ${soakRequests.filter((e) => e.status === 429).length} / ${soakRequests.filter((e) => e.status >= 500).length}`);
  row('errors that appeared on screen (component × appearance)', soakCounters.errorAppearances);
  row('… by component kind', Object.entries(soakCounters.errorsByWhat).map(([what, n]) => `${what} ${n}`).join(', ') || 'none');
  row('most errors on screen at once', soakCounters.maxErrorsAtOnce);
  row('errors on screen after recovery', soakCounters.errorsNow);
  row('recovered (all 50 show the emulator state, no error)', recovered ? `yes, in ${recoveryMs} ms` : `NO after ${recoveryMs} ms: ${lastWrong.slice(0, 6).join('; ')}`);
  row('user actions: connects done / tried, disconnects done / tried', `${log.connectsDone}/${log.connects}, ${log.disconnectsDone}/${log.disconnects}`);
  row('live changes, remounts of 49 components, focus events, offline toggles', `${log.liveChanges}, ${log.remounts}, ${log.focusEvents}, ${log.offlineToggles}`);
  row('EventSources opened during the whole run', after.totals.eventSourcesOpened ?? 0);
  row('popups opened', after.totals.popupsOpened ?? 0);

  console.log('\nRequests during the soak by route (status × count):\n');
  for (const [name, statuses] of [...byRoute].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`- ${name}: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status}×${n}`).join(', ')}`);
  }
  // fetchToken calls by the phase they fell in (the soak's phases only).
  const soakStartAt = phaseStarts[0]?.at ?? 0;
  const perPhase = new Map<Phase, { provider: number; shared: number }>(PHASES.map((p) => [p.name, { provider: 0, shared: 0 }]));
  for (const call of soakCounters.fetchTokenAt) {
    if (call.at < soakStartAt) continue;
    const phase = [...phaseStarts].reverse().find((start) => start.at <= call.at);
    if (phase && phase.phase !== 'recovery') perPhase.get(phase.phase)![call.group]++;
  }
  console.log(`\nfetchToken calls by phase, over the ${cycles} cycles (provider kit + shared kit): ${[...perPhase].map(([name, n]) => `${name} ${n.provider} + ${n.shared}`).join(' · ')}`);
  console.log(`\nKit events (onEvent) during the whole run: ${Object.entries(soakCounters.events).sort().map(([type, n]) => `${type} ×${n}`).join(', ') || 'none'}`);

  // Leaks: what is alive after the unmount beyond what the empty page had.
  const extraTimeouts = after.timeouts.length - before.timeouts.length;
  const extraIntervals = after.intervals.length - before.intervals.length;
  const extraListeners = after.listenerCount - before.listenerCount;
  const openSources = after.eventSources.length;
  // While mounted, listeners must not pile up from one cycle to the next either (a long-lived kit).
  const listenerGrowth = aliveByCycle.length > 1 ? aliveByCycle[aliveByCycle.length - 1]!.listenerCount - aliveByCycle[0]!.listenerCount : 0;
  leaked =
    extraTimeouts > 0 || extraIntervals > 0 || extraListeners > 0 || openSources > 0 || after.popupsOpen > 0 || secondRoundLeaks > 0 || listenerGrowth > 2;
  console.log('\nAlive (before the first mount → while mounted after the soak → after unmounting all 50 and waiting the shared kit release delay):\n');
  console.log('| what | before | mounted | after unmount | leaked |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const alive = (name: string, b: number, m: number, a: number) => console.log(`| ${name} | ${b} | ${m} | ${a} | ${Math.max(0, a - b)} |`);
  alive('pending timeouts', before.timeouts.length, whileMounted.timeouts.length, after.timeouts.length);
  alive('intervals', before.intervals.length, whileMounted.intervals.length, after.intervals.length);
  alive('listeners on window/document/html/body/other page-wide targets', before.listenerCount, whileMounted.listenerCount, after.listenerCount);
  alive('open EventSources', before.eventSources.length, whileMounted.eventSources.length, openSources);
  alive('open popups', before.popupsOpen, whileMounted.popupsOpen, after.popupsOpen);
  console.log(`| elements in <head> | ${before.headElements.length} | ${whileMounted.headElements.length} | ${after.headElements.length} | — (see below) |`);
  const addedToHead = after.headElements.slice(before.headElements.length);
  console.log(
    `\nChromium's own counters, for reference (they also count listeners on DOM nodes and those of Playwright's injected script, ` +
      `so they are not part of the verdict): JS event listeners ${heapEmpty.jsEventListeners} → ${heapAfterSoak.jsEventListeners} → ${heapUnmounted.jsEventListeners}, ` +
      `DOM nodes ${heapEmpty.nodes} → ${heapAfterSoak.nodes} → ${heapUnmounted.nodes}. The elements added to <head> ` +
      `(${addedToHead.join(', ') || 'none'}) are the bundler's preload links for the lazy chunks (a load and an error listener each), kept for the page's life.`,
  );
  if (aliveByCycle.length > 1) {
    console.log(`\nPage-wide listeners while mounted, after each cycle: ${aliveByCycle.map((alive) => alive.listenerCount).join(', ')} (a growth of more than 2 counts as a leak).`);
  }
  if (leaked) {
    const extraNames = Object.entries(after.listeners)
      .filter(([name, n]) => n > (before.listeners[name] ?? 0))
      .map(([name, n]) => `${name} ×${n - (before.listeners[name] ?? 0)}`);
    console.log(`\nLEAKED: ${[
      extraTimeouts > 0 ? `timeouts: ${after.timeouts.map((t) => `${t.delay} ms at ${t.at || '?'}`).join(' | ')}` : '',
      extraIntervals > 0 ? `intervals: ${after.intervals.map((t) => `${t.delay} ms at ${t.at}`).join(' | ')}` : '',
      extraListeners > 0 ? `listeners: ${extraNames.join(', ')}` : '',
      openSources > 0 ? `EventSources: ${after.eventSources.join(', ')}` : '',
      after.popupsOpen > 0 ? `popups: ${after.popupsOpen}` : '',
    ].filter(Boolean).join('\n  ')}`);
  }
  console.log('\nJS heap after a forced GC:\n');
  console.log('| step | used heap |');
  console.log('| --- | ---: |');
  console.log(`| before the first mount | ${kb(heapEmpty.usedKb * 1024)} |`);
  console.log(`| 50 mounted, settled | ${kb(heapMounted.usedKb * 1024)} |`);
  const cachedText = (cached: (typeof cachedByCycle)[number] | undefined) =>
    cached ? `; cached queries/mutations: provider ${cached.provider?.queries ?? '–'}/${cached.provider?.mutations ?? '–'}, shared ${cached.shared?.queries ?? '–'}/${cached.shared?.mutations ?? '–'}` : '';
  heapByCycle.forEach((usedKb, index) =>
    console.log(
      `| 50 mounted, after cycle ${index + 1} | ${kb(usedKb * 1024)} (${usedKb >= heapMounted.usedKb ? '+' : ''}${(usedKb - heapMounted.usedKb).toFixed(0)} kB against settled${cachedText(cachedByCycle[index])}; alive: ${aliveByCycle[index]?.listenerCount ?? '–'} page-wide listeners, ${aliveByCycle[index]?.timeouts.length ?? '–'} timeouts) |`,
    ),
  );
  console.log(`| 50 mounted, after the ${soakSeconds.toFixed(0)} s soak and recovery | ${kb(heapAfterSoak.usedKb * 1024)} (${heapAfterSoak.usedKb >= heapMounted.usedKb ? '+' : ''}${(heapAfterSoak.usedKb - heapMounted.usedKb).toFixed(0)} kB) |`);
  console.log(`| all unmounted | ${kb(heapUnmounted.usedKb * 1024)} (${heapUnmounted.usedKb >= heapEmpty.usedKb ? '+' : ''}${(heapUnmounted.usedKb - heapEmpty.usedKb).toFixed(0)} kB against before the first mount) |`);
  console.log(
    `| all unmounted after a second round (mount 50, connect + disconnect, unmount) | ${kb(heapSecondRound.usedKb * 1024)} (${heapSecondRound.usedKb >= heapUnmounted.usedKb ? '+' : ''}${(heapSecondRound.usedKb - heapUnmounted.usedKb).toFixed(0)} kB against after the first round) |`,
  );
  console.log(
    `\nWhat stays after the first round is mostly the kit's compiled code and the lazy chunks it loaded (modules stay for the page's life); ` +
      `a leak would show as growth from one round to the next. After the second round: ${secondRoundLeaks} timers, listeners, EventSources or popups more than before the first mount.`,
  );
  if (log.failures.length > 0) console.log(`\nUser actions that did not finish (expected under faults): ${log.failures.length}\n- ${log.failures.slice(0, 12).join('\n- ')}`);
  console.log(`\nPage errors: ${pageErrors.length}${pageErrors.length ? `\n- ${[...new Set(pageErrors)].slice(0, 8).join('\n- ')}` : ''}`);
  console.log(`Console errors: ${consoleErrors.length}${consoleErrors.length ? ` (first distinct: ${[...new Set(consoleErrors)].slice(0, 5).join(' | ')})` : ''}`);
  const tokenInLogs = [...pageErrors, ...consoleErrors].some((line) => line.includes('[token]'));
  console.log(`A token appeared in a page or console error: ${tokenInLogs ? 'YES' : 'no'}.`);
  console.log(`Machine: ${cpus().length} CPUs, 1-minute load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end.`);
  console.log(`\nVerdict: ${leaked ? 'LEAK' : '0 leaked'}; ${recovered ? 'recovered' : 'DID NOT RECOVER'}.`);
  if (tokenInLogs) leaked = true;
  await context.close();
} finally {
  await browser.close();
  await site?.close();
  await emulator.close();
  rmSync(outDir, { recursive: true, force: true });
}
if (leaked || !recovered) process.exit(1);
