// The soak page: 50 kit components against the emulator given in `?api=`, driven by
// bench/soak.bench.ts through `window.__soak`. 40 sit under one <MembraneKitProvider> (the list,
// 20 statuses, 19 connect buttons), 10 are provider-less (5 statuses, 5 buttons sharing the kit
// for `api`). Every fetchToken call, kit event and error the user would see is counted here.
import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectButton, ConnectionStatus, IntegrationsList, MembraneKitProvider, getSharedKit, useMembraneKit, type MembraneKit, type MembraneKitEvent } from '../../src/index.js';
import '../../src/styles/styles.css';

const params = new URL(location.href).searchParams;
const apiUri = params.get('api');
const keys = (params.get('keys') ?? '').split(',').filter(Boolean);
if (!apiUri || keys.length < 49) throw new Error('Open this page with ?api=<emulator URL>&keys=<49 or more integration keys>.');

/** Which components are mounted: none (before and after), all 50, or the list alone (churn). */
export type SoakView = 'empty' | 'all' | 'list-only';

const counters = {
  fetchToken: { provider: 0, shared: 0, failed: 0 },
  /** When each fetchToken call started (ms since the page's time origin), by kit. */
  fetchTokenAt: [] as Array<{ group: 'provider' | 'shared'; at: number }>,
  events: {} as Record<string, number>,
  /** Per component: how many times it started showing an error, and whether it shows one now. */
  errorAppearances: 0,
  maxErrorsAtOnce: 0,
  errorsNow: 0,
  errorsByWhat: {} as Record<string, number>,
};

function tokenFetcher(group: 'provider' | 'shared') {
  return async (): Promise<{ token: string; expiresAt: string }> => {
    counters.fetchToken[group]++;
    counters.fetchTokenAt.push({ group, at: performance.now() });
    try {
      const response = await fetch(`${apiUri}/_emulator/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (!response.ok) throw new Error(`The emulator's token endpoint answered ${response.status}.`);
      return (await response.json()) as { token: string; expiresAt: string };
    } catch (error) {
      counters.fetchToken.failed++;
      throw error;
    }
  };
}
const providerToken = tokenFetcher('provider');
const sharedToken = tokenFetcher('shared');
const onEvent = (event: MembraneKitEvent) => {
  const name = event.type === 'connect.failed' || event.type === 'token.failed' ? `${event.type}:${event.error.code}` : event.type;
  counters.events[name] = (counters.events[name] ?? 0) + 1;
};

const providerStatuses = keys.slice(0, 20);
const providerButtons = keys.slice(20, 39);
const sharedStatuses = keys.slice(39, 44);
const sharedButtons = keys.slice(44, 49);

/** The provider's kit, kept so the bench can count what its caches hold. */
let providerKit: MembraneKit | undefined;
function CaptureKit() {
  const { kit } = useMembraneKit();
  useEffect(() => {
    providerKit = kit;
    return () => {
      // Not held past the unmount: the bench checks that nothing keeps the kit alive.
      providerKit = undefined;
    };
  }, [kit]);
  return null;
}

const Slot = ({ id, children }: { id: string; children: ReactNode }) => <div data-soak-id={id}>{children}</div>;

function Page() {
  const [view, setView] = useState<SoakView>('empty');
  useEffect(() => {
    soak.setView = setView;
    soak.ready = true;
  }, []);
  if (view === 'empty') return <p data-soak-empty="">Nothing mounted.</p>;
  const others = view === 'all';
  return (
    <>
      <MembraneKitProvider fetchToken={providerToken} apiUri={apiUri!} uiUri={`${apiUri}/ui`} onEvent={onEvent}>
        <CaptureKit />
        <Slot id="list">
          <IntegrationsList />
        </Slot>
        {others
          ? providerStatuses.map((key) => (
              <Slot key={key} id={`status:${key}`}>
                <ConnectionStatus integrationKey={key} showReconnect />
              </Slot>
            ))
          : null}
        {others
          ? providerButtons.map((key) => (
              <Slot key={key} id={`button:${key}`}>
                <ConnectButton integrationKey={key} />
              </Slot>
            ))
          : null}
      </MembraneKitProvider>
      {others
        ? sharedStatuses.map((key) => (
            <Slot key={key} id={`shared-status:${key}`}>
              <ConnectionStatus integrationKey={key} apiUri={apiUri!} uiUri={`${apiUri}/ui`} fetchToken={sharedToken} onEvent={onEvent} />
            </Slot>
          ))
        : null}
      {others
        ? sharedButtons.map((key) => (
            <Slot key={key} id={`shared-button:${key}`}>
              <ConnectButton integrationKey={key} apiUri={apiUri!} uiUri={`${apiUri}/ui`} fetchToken={sharedToken} onEvent={onEvent} />
            </Slot>
          ))
        : null}
    </>
  );
}

/** What each mounted component shows: `data-state` of its status / button, or the list's. */
function states(): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const slot of document.querySelectorAll<HTMLElement>('[data-soak-id]')) {
    const id = slot.dataset.soakId!;
    if (id === 'list') {
      shown.list = slot.querySelector('[data-slot="integrations-list-error"]')
        ? 'error'
        : slot.querySelector('li[data-integration-key]')
          ? 'ready'
          : 'loading';
      continue;
    }
    shown[id] = slot.querySelector('[data-state]')?.getAttribute('data-state') ?? 'missing';
  }
  return shown;
}

/**
 * Counts errors a user would see: the list's error panel, a status or button showing `error` that
 * did not show it when the page settled, and any `role="alert"` the kit renders.
 */
let baseline: Record<string, string> = {};
const showing = new Set<string>();
function sample(): void {
  const now = states();
  const current = new Set<string>();
  for (const [id, state] of Object.entries(now)) if (state === 'error' && baseline[id] !== 'error') current.add(id);
  document.querySelectorAll('[data-soak-id] [role="alert"]').forEach((alert, index) => {
    const slot = alert.closest<HTMLElement>('[data-soak-id]')!.dataset.soakId!;
    current.add(`alert:${slot}:${index}`);
  });
  for (const id of current) {
    if (!showing.has(id)) {
      counters.errorAppearances++;
      const what = id.startsWith('alert:') ? 'alert' : id.split(':')[0]!;
      counters.errorsByWhat[what] = (counters.errorsByWhat[what] ?? 0) + 1;
    }
  }
  showing.clear();
  for (const id of current) showing.add(id);
  counters.errorsNow = current.size;
  counters.maxErrorsAtOnce = Math.max(counters.maxErrorsAtOnce, current.size);
}
let sampler: number | undefined;

const soak = {
  /** True once the page can take `setView` calls. */
  ready: false,
  setView: (_view: SoakView): void => {
    throw new Error('The soak page is not mounted yet: wait for window.__soak.ready.');
  },
  counters,
  states,
  /**
   * Takes the states shown now as the settled ones, zeroes the error counts and counts errors every
   * 200 ms from now on.
   */
  startSampling() {
    baseline = states();
    showing.clear();
    Object.assign(counters, { errorAppearances: 0, maxErrorsAtOnce: 0, errorsNow: 0, errorsByWhat: {} });
    // The sampler's own interval is created before the probes' baseline snapshot is compared.
    sampler ??= window.setInterval(sample, 200);
  },
  /** Queries and mutations the provider's and the shared kit's caches hold now; only while mounted (it would create a shared kit otherwise). */
  cached() {
    const count = (kit: MembraneKit | undefined) =>
      kit ? { queries: kit.queryClient.getQueryCache().getAll().length, mutations: kit.queryClient.getMutationCache().getAll().length } : null;
    return { provider: count(providerKit), shared: count(getSharedKit({ apiUri: apiUri! })) };
  },
  stopSampling() {
    if (sampler !== undefined) window.clearInterval(sampler);
    sampler = undefined;
    sample();
  },
};
declare global {
  interface Window {
    __soak: typeof soak;
  }
}
window.__soak = soak;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
