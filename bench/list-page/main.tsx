// The list-performance page: <IntegrationsList> against the emulator given in `?api=`, with
// in-page probes (see measureList.ts). Built by Vite in production mode and opened in Chromium by
// bench/list-performance.bench.ts.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IntegrationsList, MembraneKitProvider } from '../../src/index.js';
import '../../src/styles/styles.css';
import { installListProbes } from './measureList.js';

const apiUri = new URL(location.href).searchParams.get('api');
const expected = Number(new URL(location.href).searchParams.get('rows'));
// Optional: another renderBatchSize than the list's default (LIST_BENCH_BATCH in the bench).
const batch = new URL(location.href).searchParams.get('batch');
if (!apiUri || !Number.isInteger(expected) || expected <= 0) {
  throw new Error('Open this page with ?api=<emulator URL>&rows=<number of integrations>.');
}

async function fetchToken(): Promise<string> {
  const response = await fetch(`${apiUri}/_emulator/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!response.ok) throw new Error(`The emulator's token endpoint answered ${response.status}.`);
  return ((await response.json()) as { token: string }).token;
}

installListProbes();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MembraneKitProvider fetchToken={fetchToken} apiUri={apiUri} uiUri={`${apiUri}/ui`}>
      <IntegrationsList pageSize={expected} renderBatchSize={batch ? Number(batch) : undefined} />
    </MembraneKitProvider>
  </StrictMode>,
);
