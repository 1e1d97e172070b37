// How many API requests does a page with one integrations list and 50 connection statuses make,
// on load and after one connect? Each scenario runs in its own process (fresh jsdom page, fresh
// caches, fresh emulator on 127.0.0.1 with 50 apps), renders the page with React 19, waits until
// it settles, then connects GitHub from the list the way a user would (click → popup → Allow) and
// waits again. Requests are counted from the emulator's own request log.
// Goal for the kit: exactly 1 GET /integrations on load and exactly 1 after the connect.
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmulatorRequestLogEntry } from '../src/emulator/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE_URL = 'http://localhost:5173/settings/integrations';
const INTEGRATIONS = 50;
const CONNECT_KEY = 'github';
const QUIET_MS = 1_000;
const RESULT_MARKER = 'BENCH_RESULT ';

const SCENARIOS = {
  'kit-provider': 'kit: MembraneKitProvider + IntegrationsList + 50 ConnectionStatus',
  'kit-no-provider': 'kit: no provider, inline fetchToken on each of the 51 components',
  'official-useIntegration': '@integration-app/react: useIntegrations() list + 50 × useIntegration(key)',
  'official-useIntegrations': '@integration-app/react: useIntegrations() list + 50 × useIntegrations().find(key)',
} as const;
type Scenario = keyof typeof SCENARIOS;

interface PhaseCounts {
  listRequests: number;
  /** Query strings of the GET /integrations requests, in order. */
  listQueries: string[];
  apiRequests: number;
  breakdown: string;
}

interface ScenarioResult {
  scenario: Scenario;
  load: PhaseCounts & { fetchTokenCalls: number; statusesResolved: number; listRows: number };
  connect: PhaseCounts & { statusUpdated: boolean; listRowConnected: boolean; how: string; popupLog: string[] };
}

function route(entry: EmulatorRequestLogEntry): string {
  const path = entry.path
    .replace(/^\/integrations\/[^/]+\/connector-spec$/, '/integrations/:key/connector-spec')
    .replace(/^\/integrations\/[^/]+$/, '/integrations/:key')
    .replace(/^\/connections\/[^/]+$/, '/connections/:id')
    .replace(/^\/sse\/connection-events\/[^/]+$/, '/sse/connection-events/:requestId');
  return `${entry.method} ${path}`;
}

function count(entries: EmulatorRequestLogEntry[]): PhaseCounts {
  const byRoute = new Map<string, number>();
  for (const entry of entries) byRoute.set(route(entry), (byRoute.get(route(entry)) ?? 0) + 1);
  return {
    listRequests: entries.filter((entry) => entry.method === 'GET' && entry.path === '/integrations').length,
    listQueries: entries
      .filter((entry) => entry.method === 'GET' && entry.path === '/integrations')
      .map((entry) => `?${new URLSearchParams(entry.query).toString()}`),
    apiRequests: entries.length,
    breakdown: [...byRoute].map(([name, n]) => `${name} ×${n}`).join(', ') || 'none',
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `ready()` holds and the request log has not grown for QUIET_MS. */
async function settle(requests: EmulatorRequestLogEntry[], ready: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  let seen = requests.length;
  let quietSince = Date.now();
  for (;;) {
    await sleep(50);
    if (requests.length !== seen) {
      seen = requests.length;
      quietSince = Date.now();
    }
    if (ready() && Date.now() - quietSince >= QUIET_MS) return;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
  }
}

async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const { startEmulator } = await import('../src/emulator/startEmulator.js');
  const { createBenchSeed } = await import('./support/createBenchSeed.js');
  const { installDom } = await import('./support/installDom.js');
  const seed = createBenchSeed(INTEGRATIONS);
  const statusKeys = seed.integrations.map((integration) => integration.key);
  const emulator = await startEmulator({ port: 0, seed });
  const dom = installDom(PAGE_URL);
  try {
    let fetchTokenCalls = 0;
    const fetchToken = async (): Promise<string> => {
      fetchTokenCalls++;
      const response = await fetch(emulator.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (!response.ok) throw new Error(`Token endpoint answered ${response.status}.`);
      return ((await response.json()) as { token: string }).token;
    };
    const React = await import('react');
    const { createRoot } = await import('react-dom/client');
    const page = { fetchToken, apiUri: emulator.apiUri, uiUri: emulator.uiUri, statusKeys };
    let element: React.ReactElement;
    if (scenario === 'kit-provider' || scenario === 'kit-no-provider') {
      const { KitPage } = await import('./components-requests/KitPage.js');
      element = React.createElement(KitPage, { ...page, withProvider: scenario === 'kit-provider' });
    } else {
      const { OfficialPage } = await import('./components-requests/OfficialPage.js');
      element = React.createElement(OfficialPage, {
        ...page,
        statusSource: scenario === 'official-useIntegration' ? 'useIntegration' : 'useIntegrations',
      });
    }

    const document = dom.window.document;
    const container = document.createElement('div');
    document.body.appendChild(container);
    const statusStates = () =>
      statusKeys.map((key) => document.querySelector(`[data-status-key="${key}"] [data-state]`)?.getAttribute('data-state') ?? 'loading');
    const listRow = (key: string) => document.querySelector<HTMLElement>(`li[data-integration-key="${key}"]`);
    const requests = emulator.store.requests;

    const root = createRoot(container);
    root.render(element);
    await settle(requests, () => statusStates().every((state) => state !== 'loading') && !!listRow(CONNECT_KEY), 'the page to load');
    const loadEntries = requests.slice();
    const states = statusStates();
    const load = {
      ...count(loadEntries),
      fetchTokenCalls,
      statusesResolved: states.filter((state) => state !== 'missing').length,
      listRows: document.querySelectorAll('li[data-integration-key]').length,
    };

    // Connect GitHub from its list row as a user would: click Connect, the popup opens, Allow.
    const row = listRow(CONNECT_KEY);
    const button = [...(row?.querySelectorAll('button') ?? [])].find((candidate) => /connect/i.test(candidate.textContent ?? ''));
    if (!button) throw new Error(`No Connect button in the list row of "${CONNECT_KEY}".`);
    const before = requests.length;
    button.click();
    await settle(
      requests,
      () => listRow(CONNECT_KEY)?.getAttribute('data-state') === 'connected',
      `the ${CONNECT_KEY} row to show connected after the connect`,
    );
    const githubStatus = document.querySelector(`[data-status-key="${CONNECT_KEY}"] [data-state]`)?.getAttribute('data-state');
    const connect = {
      ...count(requests.slice(before)),
      statusUpdated: githubStatus === 'connected',
      listRowConnected: true,
      how: scenario.startsWith('kit')
        ? 'list row ConnectButton (custom flow): popup → POST /connection-popup → Allow → postMessage; kit confirms and invalidates'
        : 'list row button: client.integration(key).connect() (SDK popup flow), then useIntegrations().refresh() as the showcase does',
      popupLog: [...dom.popupLog],
    };
    root.unmount();
    return { scenario, load, connect };
  } finally {
    dom.close();
    await emulator.close();
  }
}

function runChild(scenario: Scenario): Promise<ScenarioResult> {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [fileURLToPath(import.meta.url), '--scenario', scenario], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill(), 90_000);
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((text) => text.startsWith(RESULT_MARKER));
      if (code !== 0 || !line) {
        reject(new Error(`Scenario ${scenario} failed (${signal ?? `exit ${code}`}):\n${stderr.trim()}\n${stdout.trim()}`));
        return;
      }
      const noise = stderr.trim();
      if (noise) console.log(`[${scenario}] stderr:\n${noise.split('\n').slice(0, 12).join('\n')}\n`);
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as ScenarioResult);
    });
  });
}

const scenarioArg = process.argv.indexOf('--scenario');
if (scenarioArg >= 0) {
  const scenario = process.argv[scenarioArg + 1] as Scenario;
  if (!(scenario in SCENARIOS)) throw new Error(`Unknown scenario "${scenario}"; one of ${Object.keys(SCENARIOS).join(', ')}.`);
  const result = await runScenario(scenario);
  console.log(RESULT_MARKER + JSON.stringify(result));
  // React's scheduler and SWR's timers would keep the process alive a little longer.
  process.exit(0);
}

// Two scenarios at a time (a kit one beside an official one): counts do not depend on speed.
const [kitProvider, officialByKey] = await Promise.all([runChild('kit-provider'), runChild('official-useIntegration')]);
const [kitNoProvider, officialFromList] = await Promise.all([runChild('kit-no-provider'), runChild('official-useIntegrations')]);
const results = [kitProvider, kitNoProvider, officialByKey, officialFromList];

console.log(
  `Page: 1 integrations list + ${INTEGRATIONS} connection statuses (one per app of a ${INTEGRATIONS}-app workspace), jsdom, React 19,` +
    ` emulator on 127.0.0.1. "Settled" = no new request for ${QUIET_MS} ms. Then ${CONNECT_KEY} is connected from its list row.\n`,
);
console.log(
  '| scenario | GET /integrations on load | total requests on load | fetchToken calls | statuses resolved | GET /integrations after connect | total requests after connect | status badge updated |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of results) {
  console.log(
    `| ${SCENARIOS[r.scenario]} | ${r.load.listRequests} | ${r.load.apiRequests} | ${r.load.fetchTokenCalls} | ${r.load.statusesResolved} / ${INTEGRATIONS} | ${r.connect.listRequests} | ${r.connect.apiRequests} | ${r.connect.statusUpdated ? 'yes' : 'no'} |`,
  );
}
console.log('\nRequests by route:');
for (const r of results) {
  console.log(`- ${r.scenario}, load (${r.load.listRows} list rows): ${r.load.breakdown}; list queries: ${r.load.listQueries.join(' then ')}`);
  console.log(`- ${r.scenario}, connect: ${r.connect.breakdown}`);
}
console.log('\nHow the connect ran:');
for (const r of results) console.log(`- ${r.scenario}: ${r.connect.how}. Popup: ${r.connect.popupLog.join(' → ')}.`);
console.log('\nNote: the official hooks add a `hash` query parameter (the emulator ignores it); SSE streams are counted when they close.');

const problems: string[] = [];
for (const r of results.filter((result) => result.scenario.startsWith('kit'))) {
  if (r.load.listRequests !== 1) problems.push(`${r.scenario}: ${r.load.listRequests} GET /integrations on load (goal 1)`);
  if (r.connect.listRequests !== 1) problems.push(`${r.scenario}: ${r.connect.listRequests} GET /integrations after connect (goal 1)`);
  if (r.load.statusesResolved !== INTEGRATIONS) problems.push(`${r.scenario}: ${r.load.statusesResolved} of ${INTEGRATIONS} statuses resolved`);
  if (!r.connect.statusUpdated) problems.push(`${r.scenario}: the ${CONNECT_KEY} status did not update after the connect`);
}
if (problems.length > 0) {
  console.error(`\nFAIL: ${problems.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log('\nPASS: the kit made exactly 1 GET /integrations on load and exactly 1 after the connect, and every status updated.');
}
