import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { ConnectionOptionsTarget, MembraneApi } from '../api/createMembraneApi.js';
import type { HostedUi, HostedUiResult } from '../api/sdk/types.js';
import type { MembraneConnection, MembraneConnectionOption, MembraneConnectorSpec, MembraneIntegration } from '../api/types.js';
import { KitError } from '../errors/KitError.js';
import { createPendingConnectStore } from '../state/createPendingConnectStore.js';
import { deferred } from '../token/test-utils/makeJwt.js';
import type { ConnectFlowEvent } from './ConnectFlowEvent.js';
import type { ConnectFlowHost } from './ConnectFlowHost.js';
import { REDIRECT_MARKER_KEY } from './connectWithRedirect.js';
import { createConnectFlow, type ConnectFlowOptions } from './createConnectFlow.js';
import { createRedirectClaim } from './createRedirectClaim.js';
import { loadConnectTransports } from './loadConnectTransports.js';

// The transports are a chunk of their own; download it once, as a hovered button would have.
beforeAll(() => loadConnectTransports());

// The store runs in jsdom (window.open, forms, iframes, postMessage, sessionStorage, history).
// Everything that would leave the page is faked: window.open returns a fake popup, form.submit()
// records the form instead of navigating, and results arrive as `message` events from the API origin.

const API = 'https://api.test';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0b21lci0xIn0.c2lnbmF0dXJl';

const hubspot: MembraneIntegration = { id: 'int-hubspot', key: 'hubspot', name: 'HubSpot', authOptions: [{ key: 'oauth', type: 'oauth2' }] };
const withConnection = (connection: MembraneConnection): MembraneIntegration => ({ ...hubspot, connection });

interface FakePopup {
  closed: boolean;
  close: Mock<() => void>;
}

interface SubmittedForm {
  target: string;
  action: string;
  method: string;
  payload: Record<string, unknown>;
}

let openSpy: Mock<(url?: string | URL, target?: string, features?: string) => Window | null>;
let popups: FakePopup[];
let submitted: SubmittedForm[];

function fakePopup(): FakePopup {
  const popup: FakePopup = {
    closed: false,
    close: vi.fn(() => {
      popup.closed = true;
    }),
  };
  return popup;
}

/** The request id of the n-th popup, read from the window name `connection-request-{requestId}`. */
function requestIdOfPopup(index = 0): string {
  const name = openSpy.mock.calls[index]?.[1];
  expect(name).toMatch(/^connection-request-[0-9a-z]{22}$/);
  return String(name).slice('connection-request-'.length);
}

function popup(index = 0): FakePopup {
  const found = popups[index];
  if (!found) throw new Error(`no popup #${index} was opened`);
  return found;
}

function lastForm(): SubmittedForm {
  const form = submitted.at(-1);
  if (!form) throw new Error('no form was submitted');
  return form;
}

/** Lets promise chains settle (fake timers: nothing advances). */
const flush = () => vi.advanceTimersByTimeAsync(0);

function post(data: unknown, origin = API): void {
  window.dispatchEvent(new MessageEvent('message', { origin, data }));
}

const created = (requestId: string, connectionId = 'conn-1') => ({
  source: 'integration.app',
  type: 'newConnectionCreated',
  requestId,
  connection: { id: connectionId },
});

const failed = (requestId: string, error: string, errorData?: unknown) => ({
  source: 'integration.app',
  type: 'newConnectionFailure',
  requestId,
  error,
  errorData,
});

interface HostSetup {
  integrations?: MembraneIntegration[];
  specs?: Record<string, MembraneConnectorSpec>;
  /** What `POST /connection-options` answers (default: the auth options of the integration or connection named). */
  connectionOptions?: (target: ConnectionOptionsTarget) => MembraneConnectionOption[];
  /** The answers are cached already, as after a prefetch on hover (default); `false`: a click must ask. */
  prefetched?: boolean;
}

function createHost(setup: HostSetup = {}) {
  const integrations = new Map((setup.integrations ?? [hubspot]).map((integration) => [integration.key, integration]));
  const specs = new Map(Object.entries(setup.specs ?? {}));
  const serverOptions =
    setup.connectionOptions ??
    ((target: ConnectionOptionsTarget): MembraneConnectionOption[] => {
      const integration = [...integrations.values()].find((candidate) =>
        target.connectionId ? candidate.connection?.id === target.connectionId : candidate.id === target.integrationId,
      );
      return (integration?.authOptions ?? []).map((option) => ({ key: option.key, type: option.type ?? 'oauth2' }));
    });
  const optionsCache = new Map<string, MembraneConnectionOption[]>();
  const prefetched = setup.prefetched ?? true;
  const events: ConnectFlowEvent[] = [];
  const getToken = vi.fn(async () => TOKEN);
  const api = {
    apiUri: API,
    tokenManager: { getToken },
  } as unknown as MembraneApi;
  const host = {
    api,
    hostedUi: vi.fn<() => Promise<HostedUi>>(async () => {
      throw new KitError('server', 'No hosted UI in this test.');
    }),
    getIntegration: vi.fn((key: string) => integrations.get(key)),
    loadIntegration: vi.fn(async (key: string) => {
      const integration = integrations.get(key);
      if (!integration) throw new KitError('invalid_parameters', `Integration ${key} not found.`);
      return integration;
    }),
    getConnectorSpec: vi.fn((key: string) => specs.get(key)),
    getConnectionOptions: vi.fn((target: ConnectionOptionsTarget) => (prefetched ? serverOptions(target) : optionsCache.get(JSON.stringify(target)))),
    loadConnectionOptions: vi.fn(async (target: ConnectionOptionsTarget) => {
      const answer = serverOptions(target);
      optionsCache.set(JSON.stringify(target), answer);
      return answer;
    }),
    loadConnectorSpec: vi.fn(async (key: string) => {
      const spec: MembraneConnectorSpec = { auth: { type: 'oauth2' } };
      specs.set(key, spec);
      return spec;
    }),
    confirmConnection: vi.fn(async (connectionId: string): Promise<MembraneConnection> => ({ id: connectionId, integrationId: 'int-hubspot' })),
    connectionChanged: vi.fn(async (_integrationKey: string) => undefined),
    pending: createPendingConnectStore(),
    emit: vi.fn((event: ConnectFlowEvent) => {
      events.push(event);
    }),
    claimRedirectResult: vi.fn<ConnectFlowHost['claimRedirectResult']>(() => null),
  } satisfies ConnectFlowHost;
  return { host, integrations, specs, events, getToken };
}

function callbacks() {
  return {
    onConnected: vi.fn<(connection: MembraneConnection) => void>(),
    onCancel: vi.fn<() => void>(),
    onError: vi.fn<(error: KitError) => void>(),
  };
}

function setup(options: Partial<ConnectFlowOptions> = {}, hostSetup?: HostSetup) {
  const kit = createHost(hostSetup);
  const cb = callbacks();
  const flow = createConnectFlow(kit.host, { integrationKey: 'hubspot', ...cb, ...options });
  return { ...kit, ...cb, flow };
}

function fakeHostedUi(overrides: Partial<Pick<HostedUi, 'connect' | 'reconnect'>> = {}) {
  return {
    generation: '1.14' as const,
    connect: vi.fn<HostedUi['connect']>(async () => ({ connectionId: 'conn-hosted' })),
    reconnect: vi.fn<HostedUi['reconnect']>(async () => null),
    manage: vi.fn(async () => undefined),
    ...overrides,
  };
}

const types = (events: ConnectFlowEvent[]) => events.map((event) => event.type);

beforeEach(() => {
  vi.useFakeTimers();
  popups = [];
  submitted = [];
  openSpy = vi.spyOn(window, 'open').mockImplementation(() => {
    const opened = fakePopup();
    popups.push(opened);
    return opened as unknown as Window;
  }) as unknown as typeof openSpy;
  vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
    const input = this.querySelector('input[name="payload"]') as HTMLInputElement;
    submitted.push({ target: this.target, action: this.action, method: this.method, payload: JSON.parse(input.value) as Record<string, unknown> });
  });
  sessionStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  document.body.innerHTML = '';
});

describe('createConnectFlow: popup transport', () => {
  it('opens the popup synchronously inside start(), before anything is awaited', () => {
    const { flow } = setup();
    expect(openSpy).not.toHaveBeenCalled();
    flow.start();
    // No await, no microtask between start() and this line.
    expect(openSpy).toHaveBeenCalledTimes(1);
    expect(openSpy.mock.calls[0]?.[0]).toBe('');
    expect(openSpy.mock.calls[0]?.[2]).toMatch(/^popup,width=\d+,height=\d+,left=-?\d+,top=-?\d+$/);
    expect(flow.getSnapshot()).toEqual({ status: 'connecting', error: null });
  });

  it('connects: posts the form into the popup, confirms the reported connection, refreshes, reports success', async () => {
    const { flow, host, events, onConnected, onError, onCancel, getToken } = setup();
    flow.start();
    const requestId = requestIdOfPopup();

    expect(host.pending.isPending('hubspot')).toBe(true);
    expect(events).toEqual([{ type: 'connect.started', integrationKey: 'hubspot', mode: 'custom', reconnect: false }]);

    await flush();
    expect(getToken).toHaveBeenCalled();
    expect(submitted).toEqual([
      {
        target: `connection-request-${requestId}`,
        action: `${API}/connect`,
        method: 'post',
        payload: { token: TOKEN, integrationId: 'int-hubspot', authOptionKey: 'oauth', requestId },
      },
    ]);
    // SDK 0.28's key order; the token travels in the POST body only.
    expect(Object.keys(lastForm().payload)).toEqual(['token', 'integrationId', 'authOptionKey', 'requestId']);
    expect(lastForm().action).not.toContain(TOKEN);
    // The answer was cached by a prefetch: the click asked nothing.
    expect(host.loadConnectionOptions).not.toHaveBeenCalled();
    expect(host.getConnectionOptions).toHaveBeenCalledWith({ integrationId: 'int-hubspot' });
    expect(document.querySelector('form')).toBeNull();

    post(created(requestId, 'conn-1'));
    await flush();

    expect(host.confirmConnection).toHaveBeenCalledWith('conn-1');
    expect(host.connectionChanged).toHaveBeenCalledWith('hubspot');
    expect(host.confirmConnection.mock.invocationCallOrder[0]).toBeLessThan(host.connectionChanged.mock.invocationCallOrder[0]!);
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
    expect(host.pending.isPending('hubspot')).toBe(false);
    expect(events).toEqual([
      { type: 'connect.started', integrationKey: 'hubspot', mode: 'custom', reconnect: false },
      { type: 'connect.succeeded', integrationKey: 'hubspot', mode: 'custom', reconnect: false, connection: { id: 'conn-1', integrationId: 'int-hubspot' } },
    ]);
    expect(onConnected).toHaveBeenCalledExactlyOnceWith({ id: 'conn-1', integrationId: 'int-hubspot' });
    expect(onError).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('sends the chosen auth option, its parameters and allowMultipleConnections', async () => {
    const integration: MembraneIntegration = {
      ...hubspot,
      authOptions: [
        { key: 'oauth', type: 'oauth2' },
        { key: 'api-key', type: 'integration-app-token', ui: { schema: { type: 'object', properties: { apiKey: { type: 'string' } } } } },
      ],
    };
    const { flow } = setup({ allowMultipleConnections: true }, { integrations: [integration] });
    flow.start({ authOptionKey: 'api-key', parameters: { apiKey: 'sk_live_1' } });
    await flush();
    expect(lastForm().payload).toEqual({
      token: TOKEN,
      input: { apiKey: 'sk_live_1' },
      integrationId: 'int-hubspot',
      authOptionKey: 'api-key',
      allowMultipleConnections: true,
      requestId: requestIdOfPopup(),
    });
    expect(Object.keys(lastForm().payload)).toEqual(['token', 'input', 'integrationId', 'authOptionKey', 'allowMultipleConnections', 'requestId']);
  });

  it('publishes a new snapshot object on every change, to subscribers until they unsubscribe', async () => {
    const { flow } = setup();
    const listener = vi.fn();
    const unsubscribe = flow.subscribe(listener);
    const before = flow.getSnapshot();
    flow.start();
    const connecting = flow.getSnapshot();
    expect(connecting).not.toBe(before);
    expect(listener).toHaveBeenCalledTimes(1);
    post(created(requestIdOfPopup()));
    await flush();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(flow.getSnapshot()).not.toBe(connecting);
    unsubscribe();
    flow.start();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('ignores messages from another origin, for another request, or not from Membrane', async () => {
    const { flow, host } = setup();
    flow.start();
    const requestId = requestIdOfPopup();
    await flush();

    post(created(requestId, 'conn-evil'), 'https://evil.test');
    post(created(requestId, 'conn-app'), window.location.origin);
    post(created(requestId, 'conn-http'), 'http://api.test');
    post(created('another-request-id', 'conn-other'));
    post({ ...created(requestId, 'conn-nosource'), source: 'someone-else' });
    post({ source: 'integration.app', type: 'newConnectionCreated', connection: { id: 'conn-noid' } });
    post('newConnectionCreated');
    post(null);
    await vi.advanceTimersByTimeAsync(1000);

    expect(host.confirmConnection).not.toHaveBeenCalled();
    expect(flow.getSnapshot().status).toBe('connecting');

    post(created(requestId, 'conn-1'));
    await flush();
    expect(host.confirmConnection).toHaveBeenCalledExactlyOnceWith('conn-1');
    expect(flow.getSnapshot().status).toBe('idle');
  });

  it('keeps listening after a report of another integration’s connection; fails with code server when the popup then closes', async () => {
    const { flow, host, events, onConnected, onError } = setup();
    host.confirmConnection.mockResolvedValueOnce({ id: 'conn-1', integrationId: 'int-salesforce' });
    flow.start();
    post(created(requestIdOfPopup(), 'conn-1'));
    await flush();
    // Refused, but not the end: the popup stays open for the real result.
    expect(flow.getSnapshot()).toEqual({ status: 'connecting', error: null });
    expect(popup().close).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();

    popup().closed = true;
    await vi.advanceTimersByTimeAsync(500 + 600);
    expect(flow.getSnapshot().status).toBe('error');
    expect(flow.getSnapshot().error).toMatchObject({ code: 'server' });
    expect(host.connectionChanged).not.toHaveBeenCalled();
    expect(onConnected).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ code: 'server' }));
    expect(types(events)).toEqual(['connect.started', 'connect.failed']);
    expect(host.pending.isPending('hubspot')).toBe(false);
  });

  it('fails with the lookup’s code when the reported connection cannot be confirmed and no other result comes', async () => {
    const { flow, host, onError } = setup({ timeoutMs: 60_000 });
    host.confirmConnection.mockRejectedValueOnce(new KitError('network', 'Offline'));
    flow.start();
    post(created(requestIdOfPopup()));
    await flush();
    expect(flow.getSnapshot().status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'network' } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'network' }));
    expect(popup().close).toHaveBeenCalled();
  });

  it('after a refused report, the real result still connects (each id is confirmed once)', async () => {
    const { flow, host, onConnected, onError } = setup();
    host.confirmConnection.mockResolvedValueOnce({ id: 'conn-forged', integrationId: 'int-salesforce' });
    flow.start();
    const requestId = requestIdOfPopup();
    post(created(requestId, 'conn-forged'));
    await flush();
    post(created(requestId, 'conn-forged'));
    post(created(requestId, 'conn-1'));
    await flush();
    expect(host.confirmConnection.mock.calls).toEqual([['conn-forged'], ['conn-1']]);
    expect(onConnected).toHaveBeenCalledExactlyOnceWith({ id: 'conn-1', integrationId: 'int-hubspot' });
    expect(onError).not.toHaveBeenCalled();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
  });

  it('is cancelled when the user closes the popup (after the close grace period)', async () => {
    const { flow, host, events, onCancel, onError } = setup();
    flow.start();
    await flush();
    popup().closed = true;

    await vi.advanceTimersByTimeAsync(500); // the close poll notices
    expect(flow.getSnapshot().status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(600); // the grace period for a last message ends
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
    expect(types(events)).toEqual(['connect.started', 'connect.cancelled']);
    expect(events[1]).toEqual({ type: 'connect.cancelled', integrationKey: 'hubspot', mode: 'custom', reconnect: false });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
    expect(host.confirmConnection).not.toHaveBeenCalled();
    expect(host.pending.isPending('hubspot')).toBe(false);
  });

  it('still takes the result the page posted right before closing itself', async () => {
    const { flow, host, onConnected, onCancel } = setup();
    flow.start();
    await flush();
    popup().closed = true;
    await vi.advanceTimersByTimeAsync(500);
    post(created(requestIdOfPopup(), 'conn-late'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.confirmConnection).toHaveBeenCalledWith('conn-late');
    expect(onConnected).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('times out after timeoutMs: error timeout, popup closed', async () => {
    const { flow, events, onError } = setup({ timeoutMs: 10_000 });
    flow.start();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(flow.getSnapshot().status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1);
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'timeout' } });
    expect(popup().close).toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'timeout' }));
    expect(types(events)).toEqual(['connect.started', 'connect.failed']);

    // A result arriving after the timeout is not taken.
    post(created(requestIdOfPopup()));
    await flush();
    expect(flow.getSnapshot().status).toBe('error');
  });

  it('times out after 5 minutes by default', async () => {
    const { flow } = setup();
    flow.start();
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(flow.getSnapshot().status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1);
    expect(flow.getSnapshot().error?.code).toBe('timeout');
  });

  it.each([
    ['Access denied', undefined, 'auth'],
    ['HubSpot refused the authorization', { type: 'connection', message: 'HubSpot refused the authorization' }, 'auth'],
    ['Membrane is down', { type: 'internal', message: 'Membrane is down' }, 'server'],
    ['Slow down', { type: 'bad_request', key: 'rate_limit_exceeded', message: 'Slow down' }, 'rate_limited'],
    ['Invalid parameters', { type: 'bad_request', message: 'Invalid parameters' }, 'invalid_parameters'],
  ])('maps a newConnectionFailure %j to code %s, closing the popup', async (error, errorData, code) => {
    const { flow, events, onError, host } = setup();
    flow.start();
    await flush();
    post(failed(requestIdOfPopup(), error, errorData));
    await flush();
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', error: { code, message: error } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code }));
    expect(events.at(-1)).toMatchObject({ type: 'connect.failed', integrationKey: 'hubspot', mode: 'custom', reconnect: false, error: { code } });
    expect(popup().close).toHaveBeenCalled();
    expect(host.confirmConnection).not.toHaveBeenCalled();
  });

  it('fails with code auth when no token can be fetched, closing the popup', async () => {
    const { flow, getToken } = setup();
    getToken.mockRejectedValueOnce(Object.assign(new Error('fetchToken failed'), { name: 'TokenError', code: 'fetch_failed' }));
    flow.start();
    await flush();
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'auth' } });
    expect(submitted).toEqual([]);
    expect(popup().close).toHaveBeenCalled();
  });

  it('does nothing on a second start() while a flow runs', async () => {
    const { flow, events, host } = setup();
    flow.start();
    flow.start();
    flow.start({ authOptionKey: 'other' });
    await flush();
    expect(openSpy).toHaveBeenCalledTimes(1);
    expect(submitted).toHaveLength(1);
    expect(types(events)).toEqual(['connect.started']);
    post(created(requestIdOfPopup()));
    await flush();
    expect(host.confirmConnection).toHaveBeenCalledTimes(1);
    // Once finished, it can start again.
    flow.start();
    expect(openSpy).toHaveBeenCalledTimes(2);
  });

  it('cancel() during a flow: cancelled, popup closed, a later result ignored', async () => {
    const { flow, events, host, onCancel } = setup();
    flow.start();
    await flush();
    flow.cancel();
    await flush();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
    expect(popup().close).toHaveBeenCalled();
    expect(types(events)).toEqual(['connect.started', 'connect.cancelled']);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(host.pending.isPending('hubspot')).toBe(false);

    post(created(requestIdOfPopup()));
    await flush();
    expect(host.confirmConnection).not.toHaveBeenCalled();
  });

  it('cancel() before the token arrives: popup closed, no form is posted once the token comes', async () => {
    const { flow, onCancel, getToken } = setup();
    const token = deferred<string>();
    getToken.mockReturnValueOnce(token.promise);
    flow.start();
    await flush();
    flow.cancel();
    await flush();
    expect(popup().close).toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalledTimes(1);
    token.resolve(TOKEN);
    await flush();
    expect(submitted).toEqual([]);
  });

  it('cancel() with no flow running does nothing', async () => {
    const { flow, events } = setup();
    flow.cancel();
    await flush();
    expect(events).toEqual([]);
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
  });

  it('takes the result from the SSE mirror when the window message never comes', async () => {
    const sources: Array<{ url: string; onmessage: ((event: { data: string }) => void) | null; close: Mock<() => void> }> = [];
    class FakeEventSource {
      onmessage: ((event: { data: string }) => void) | null = null;
      onerror: (() => void) | null = null;
      close = vi.fn<() => void>();
      constructor(readonly url: string) {
        sources.push(this);
      }
    }
    vi.stubGlobal('EventSource', FakeEventSource);
    const { flow, host } = setup();
    flow.start();
    const requestId = requestIdOfPopup();
    await flush();
    // Membrane's protocol puts the token in the SSE query (the one URL that carries it).
    expect(sources.map((source) => source.url)).toEqual([`${API}/sse/connection-events/${requestId}?token=${encodeURIComponent(TOKEN)}`]);
    const source = sources[0]!;
    source.onmessage?.({ data: 'not json' });
    source.onmessage?.({ data: JSON.stringify(created('another-request')) });
    await flush();
    expect(host.confirmConnection).not.toHaveBeenCalled();
    source.onmessage?.({ data: JSON.stringify(created(requestId, 'conn-sse')) });
    await flush();
    expect(host.confirmConnection).toHaveBeenCalledWith('conn-sse');
    expect(flow.getSnapshot().status).toBe('idle');
    expect(source.close).toHaveBeenCalled();
  });
});

describe('createConnectFlow: blocked popup', () => {
  it.each([
    ['returns null', () => null],
    ['throws', () => {
      throw new Error('blocked');
    }],
    ['returns a closed window', () => ({ closed: true, close: vi.fn() }) as unknown as Window],
  ])('is blocked when window.open %s: status blocked, code popup_blocked, onError', async (_label, open) => {
    openSpy.mockImplementationOnce(open);
    const { flow, events, onError, host } = setup();
    flow.start();
    await flush();
    expect(flow.getSnapshot()).toMatchObject({ status: 'blocked', error: { code: 'popup_blocked' } });
    expect(onError).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ code: 'popup_blocked' }));
    expect(types(events)).toEqual(['connect.started', 'connect.failed']);
    expect(submitted).toEqual([]);
    expect(host.pending.isPending('hubspot')).toBe(false);
  });

  it('continueInThisTab() posts the form to _self and remembers the request in sessionStorage', async () => {
    openSpy.mockReturnValueOnce(null);
    window.history.replaceState(null, '', '/settings?tab=apps');
    const { flow, events } = setup();
    flow.start();
    await flush();
    expect(flow.getSnapshot().status).toBe('blocked');

    flow.continueInThisTab();
    expect(flow.getSnapshot()).toEqual({ status: 'connecting', error: null });
    await flush();

    expect(submitted).toHaveLength(1);
    const form = lastForm();
    expect(form.target).toBe('_self');
    expect(form.action).toBe(`${API}/connect`);
    expect(form.payload).toMatchObject({
      token: TOKEN,
      integrationId: 'int-hubspot',
      redirectUri: `http://localhost:3000/settings?tab=apps&mk_connect=${String(form.payload.requestId)}`,
    });
    const marker = JSON.parse(sessionStorage.getItem(REDIRECT_MARKER_KEY) ?? 'null') as Record<string, unknown>;
    expect(marker).toEqual({ integrationKey: 'hubspot', requestId: form.payload.requestId, startedAt: Date.now() });
    expect(types(events)).toEqual(['connect.started', 'connect.failed', 'connect.started']);
    // The page is leaving: the flow stays connecting.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(flow.getSnapshot().status).toBe('connecting');
    expect(openSpy).toHaveBeenCalledTimes(1);
  });

  it('continueInThisTab() uses redirectUri when given, and the input’s auth option and parameters', async () => {
    const { flow } = setup({ redirectUri: 'https://app.test/back' });
    flow.continueInThisTab({ authOptionKey: 'oauth', parameters: { subdomain: 'acme' } });
    await flush();
    expect(lastForm()).toMatchObject({
      target: '_self',
      payload: { redirectUri: `https://app.test/back?mk_connect=${String(lastForm().payload.requestId)}`, authOptionKey: 'oauth', input: { subdomain: 'acme' } },
    });
  });

  it('continueInThisTab() does nothing while the integration is not known', async () => {
    const { flow, events } = setup({ integrationKey: 'unknown' });
    flow.continueInThisTab();
    await flush();
    expect(submitted).toEqual([]);
    expect(events).toEqual([]);
    expect(flow.getSnapshot().status).toBe('idle');
  });
});

describe('createConnectFlow: iframe transport (client credentials)', () => {
  const machine: MembraneIntegration = {
    ...hubspot,
    authOptions: [{ key: 'cc', type: 'client-credentials', ui: { schema: { type: 'object', properties: { clientId: { type: 'string' } } } } }],
  };

  it('runs in a hidden iframe that is removed afterwards, and confirms the result', async () => {
    const { flow, host, events, onConnected } = setup({}, { integrations: [machine] });
    flow.start({ parameters: { clientId: 'id-1' } });
    expect(openSpy).not.toHaveBeenCalled();
    expect(flow.getSnapshot().status).toBe('connecting');
    await flush();

    const iframe = document.querySelector<HTMLIFrameElement>('iframe');
    expect(iframe).not.toBeNull();
    expect(iframe!.name).toMatch(/^connection-request-[0-9a-z]{22}$/);
    expect(iframe!.getAttribute('aria-hidden')).toBe('true');
    const requestId = iframe!.name.slice('connection-request-'.length);
    expect(lastForm()).toMatchObject({
      target: iframe!.name,
      action: `${API}/connect`,
      payload: { token: TOKEN, integrationId: 'int-hubspot', requestId, authOptionKey: 'cc', input: { clientId: 'id-1' } },
    });

    post(created(requestId, 'conn-cc'), 'https://evil.test');
    await flush();
    expect(host.confirmConnection).not.toHaveBeenCalled();

    post(created(requestId, 'conn-cc'));
    await flush();
    expect(host.confirmConnection).toHaveBeenCalledWith('conn-cc');
    expect(document.querySelector('iframe')).toBeNull();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
    expect(onConnected).toHaveBeenCalledWith({ id: 'conn-cc', integrationId: 'int-hubspot' });
    expect(types(events)).toEqual(['connect.started', 'connect.succeeded']);
  });

  it('times out after 60 s by default and removes the iframe', async () => {
    const { flow, onError } = setup({}, { integrations: [machine] });
    flow.start();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(document.querySelector('iframe')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'timeout' } });
    expect(document.querySelector('iframe')).toBeNull();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'timeout' }));
  });

  it('is chosen by the auth option picked in the input', async () => {
    const integration: MembraneIntegration = { ...hubspot, authOptions: [{ key: 'oauth', type: 'oauth2' }, { key: 'cc', type: 'client-credentials' }] };
    const { flow } = setup({}, { integrations: [integration] });
    flow.start({ authOptionKey: 'cc' });
    await flush();
    expect(openSpy).not.toHaveBeenCalled();
    expect(document.querySelector('iframe')).not.toBeNull();
    flow.cancel();
    await flush();
    expect(document.querySelector('iframe')).toBeNull();
    expect(flow.getSnapshot().status).toBe('idle');
  });
});

describe('createConnectFlow: POST /connection-options picks the window', () => {
  const machine: MembraneIntegration = { ...hubspot, authOptions: [{ key: 'cc', type: 'client-credentials' }] };

  it('not prefetched: opens the popup in the click, asks once, then posts into that popup; the next click asks nothing', async () => {
    const { flow, host } = setup({}, { prefetched: false });
    const gate = deferred<void>();
    const answerAndCache = host.loadConnectionOptions.getMockImplementation()!;
    host.loadConnectionOptions.mockImplementationOnce(async (target) => {
      await gate.promise;
      return answerAndCache(target);
    });
    flow.start();
    expect(openSpy).toHaveBeenCalledTimes(1);
    expect(host.loadConnectionOptions).toHaveBeenCalledExactlyOnceWith({ integrationId: 'int-hubspot' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(submitted).toEqual([]);
    gate.resolve();
    await flush();
    const requestId = requestIdOfPopup();
    expect(lastForm()).toMatchObject({ target: `connection-request-${requestId}`, action: `${API}/connect` });
    expect(popup().close).not.toHaveBeenCalled();
    post(created(requestId));
    await flush();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });

    // Cached now (the fake host caches as the query host does): the second click knows its window.
    flow.start();
    await flush();
    expect(submitted).toHaveLength(2);
    expect(host.loadConnectionOptions).toHaveBeenCalledTimes(1);
  });

  it('not prefetched, answer client-credentials: the popup opened in the click is closed and the hidden iframe is used', async () => {
    const { flow, host } = setup({}, { prefetched: false, integrations: [machine] });
    flow.start();
    expect(openSpy).toHaveBeenCalledTimes(1);
    await flush();
    expect(host.loadConnectionOptions).toHaveBeenCalledTimes(1);
    expect(popup().close).toHaveBeenCalled();
    const iframe = document.querySelector<HTMLIFrameElement>('iframe');
    expect(iframe).not.toBeNull();
    expect(lastForm()).toMatchObject({ target: iframe!.name, action: `${API}/connect`, payload: { authOptionKey: 'cc', integrationId: 'int-hubspot' } });
  });

  it('the server’s answer wins over the integration’s own auth options: cached client-credentials means no popup at all', async () => {
    const { flow, host } = setup({}, { connectionOptions: () => [{ key: 'oauth', type: 'client-credentials' }] });
    flow.start();
    expect(openSpy).not.toHaveBeenCalled();
    await flush();
    expect(host.loadConnectionOptions).not.toHaveBeenCalled();
    expect(document.querySelector('iframe')).not.toBeNull();
    expect(lastForm().payload).toMatchObject({ authOptionKey: 'oauth' });
  });

  it('an answer that names no matching option falls back to the popup', async () => {
    const { flow } = setup({}, { connectionOptions: () => [{ key: 'something-else', type: 'client-credentials' }] });
    flow.start();
    expect(openSpy).toHaveBeenCalledTimes(1);
    await flush();
    expect(lastForm().target).toBe(`connection-request-${requestIdOfPopup()}`);
  });

  it('a failed /connection-options closes the popup and fails with its code, posting nothing', async () => {
    const { flow, host, onError, events } = setup({}, { prefetched: false });
    host.loadConnectionOptions.mockRejectedValueOnce(new KitError('server', 'Membrane answered POST /connection-options with object instead of a list.'));
    flow.start();
    await flush();
    expect(popup().close).toHaveBeenCalled();
    expect(submitted).toEqual([]);
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'server' } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'server' }));
    expect(types(events)).toEqual(['connect.started', 'connect.failed']);
  });

  it('cancel() while /connection-options is pending closes the popup; the late answer posts nothing', async () => {
    const { flow, host, onCancel } = setup({}, { prefetched: false });
    const answer = deferred<MembraneConnectionOption[]>();
    host.loadConnectionOptions.mockReturnValueOnce(answer.promise);
    flow.start();
    flow.cancel();
    await flush();
    expect(popup().close).toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalledTimes(1);
    answer.resolve([{ key: 'oauth', type: 'oauth2' }]);
    await flush();
    expect(submitted).toEqual([]);
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('blocked popup and no answer yet: asks once, reports blocked; continueInThisTab() reuses the answer', async () => {
    openSpy.mockReturnValueOnce(null);
    const { flow, host } = setup({}, { prefetched: false });
    flow.start();
    await flush();
    expect(flow.getSnapshot()).toMatchObject({ status: 'blocked', error: { code: 'popup_blocked' } });
    expect(host.loadConnectionOptions).toHaveBeenCalledTimes(1);
    flow.continueInThisTab();
    await flush();
    expect(lastForm()).toMatchObject({ target: '_self', action: `${API}/connect`, payload: { integrationId: 'int-hubspot' } });
    expect(host.loadConnectionOptions).toHaveBeenCalledTimes(1);
  });

  it('blocked popup is no failure when the answer says client-credentials: the iframe needs no window', async () => {
    openSpy.mockReturnValueOnce(null);
    const { flow } = setup({}, { prefetched: false, integrations: [machine] });
    flow.start();
    await flush();
    expect(flow.getSnapshot().status).toBe('connecting');
    expect(document.querySelector('iframe')).not.toBeNull();
  });

  it('same-window flow not prefetched: no popup, asks once, then leaves the page', async () => {
    const { flow, host } = setup({ redirectUri: 'https://app.test/back' }, { prefetched: false });
    flow.start();
    expect(openSpy).not.toHaveBeenCalled();
    await flush();
    expect(host.loadConnectionOptions).toHaveBeenCalledTimes(1);
    expect(lastForm()).toMatchObject({
      target: '_self',
      payload: { redirectUri: `https://app.test/back?mk_connect=${String(lastForm().payload.requestId)}`, integrationId: 'int-hubspot' },
    });
  });

  it('same-window flow whose answer says client-credentials runs in the iframe and stays on the page', async () => {
    const { flow } = setup({ redirectUri: 'https://app.test/back' }, { integrations: [machine] });
    flow.start();
    await flush();
    const iframe = document.querySelector<HTMLIFrameElement>('iframe');
    expect(iframe).not.toBeNull();
    expect(lastForm().target).toBe(iframe!.name);
    expect(sessionStorage.getItem(REDIRECT_MARKER_KEY)).toBeNull();
  });

  it('a reconnect asks about the connection, not the integration', async () => {
    const { flow, host } = setup({}, { prefetched: false, integrations: [withConnection({ id: 'conn-old', disconnected: true })] });
    flow.start();
    await flush();
    expect(host.loadConnectionOptions).toHaveBeenCalledExactlyOnceWith({ connectionId: 'conn-old' });
    expect(lastForm().payload).toMatchObject({ connectionId: 'conn-old' });
  });
});

describe('createConnectFlow: redirect transport', () => {
  it('with redirectUri posts the form to _self, stores the marker and stays connecting', async () => {
    const { flow, host, events } = setup({ redirectUri: 'https://app.test/settings?tab=apps' });
    flow.start();
    expect(openSpy).not.toHaveBeenCalled();
    await flush();
    expect(lastForm()).toEqual({
      target: '_self',
      action: `${API}/connect`,
      method: 'post',
      payload: {
        token: TOKEN,
        integrationId: 'int-hubspot',
        authOptionKey: 'oauth',
        requestId: expect.stringMatching(/^[0-9a-z]{22}$/),
        redirectUri: expect.stringMatching(/^https:\/\/app\.test\/settings\?tab=apps&mk_connect=[0-9a-z]{22}$/),
      },
    });
    expect(new URL(String(lastForm().payload.redirectUri)).searchParams.get('mk_connect')).toBe(lastForm().payload.requestId);
    const marker = JSON.parse(sessionStorage.getItem(REDIRECT_MARKER_KEY) ?? 'null') as Record<string, unknown>;
    expect(marker).toMatchObject({ integrationKey: 'hubspot', requestId: lastForm().payload.requestId });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(flow.getSnapshot()).toEqual({ status: 'connecting', error: null });
    expect(host.pending.isPending('hubspot')).toBe(true);
    expect(types(events)).toEqual(['connect.started']);
  });

  it('cancel() leaves a same-window flow whose page did not go away (e.g. restored by Back from the bfcache)', async () => {
    const { flow, host, onCancel } = setup({ redirectUri: 'https://app.test/settings' });
    flow.start();
    await flush();
    expect(flow.getSnapshot().status).toBe('connecting');
    flow.cancel();
    await flush();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
    expect(host.pending.isPending('hubspot')).toBe(false);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe('createConnectFlow: integration not known at click', () => {
  it('opens the popup synchronously, waits for the integration, then posts the form into that popup', async () => {
    const { flow, host, integrations, events, onConnected } = setup({ integrationKey: 'pipedrive' }, { integrations: [] });
    const load = deferred<MembraneIntegration>();
    host.loadIntegration.mockReturnValueOnce(load.promise);
    flow.start();
    expect(openSpy).toHaveBeenCalledTimes(1);
    expect(flow.getSnapshot()).toEqual({ status: 'connecting', error: null });
    expect(host.loadIntegration).toHaveBeenCalledWith('pipedrive');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(submitted).toEqual([]);

    const pipedrive: MembraneIntegration = { id: 'int-pipedrive', key: 'pipedrive', name: 'Pipedrive', authOptions: [{ key: 'oauth', type: 'oauth2' }] };
    integrations.set('pipedrive', pipedrive);
    load.resolve(pipedrive);
    await flush();

    const requestId = requestIdOfPopup();
    expect(openSpy).toHaveBeenCalledTimes(1);
    expect(lastForm()).toMatchObject({ target: `connection-request-${requestId}`, action: `${API}/connect`, payload: { integrationId: 'int-pipedrive' } });
    host.confirmConnection.mockResolvedValueOnce({ id: 'conn-p', integrationId: 'int-pipedrive' });
    post(created(requestId, 'conn-p'));
    await flush();
    expect(onConnected).toHaveBeenCalledWith({ id: 'conn-p', integrationId: 'int-pipedrive' });
    expect(types(events)).toEqual(['connect.started', 'connect.succeeded']);
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
  });

  it('uses the integration passed in the options without a lookup', async () => {
    const { flow, host } = setup({ integrationKey: 'hubspot', integration: hubspot }, { integrations: [] });
    flow.start();
    await flush();
    expect(host.loadIntegration).not.toHaveBeenCalled();
    expect(lastForm()).toMatchObject({ action: `${API}/connect`, payload: { integrationId: 'int-hubspot' } });
  });

  it.each([
    ['network', new KitError('network', 'Offline')],
    ['auth', new KitError('auth', 'Token refused')],
    ['server', new KitError('server', 'Membrane is down')],
    ['invalid_parameters', new KitError('invalid_parameters', 'Integration not found')],
  ])('fails with the lookup’s own code (%s) and closes the popup when loading fails', async (code, error) => {
    const { flow, host, events, onError } = setup({ integrationKey: 'pipedrive' }, { integrations: [] });
    host.loadIntegration.mockRejectedValueOnce(error);
    flow.start();
    expect(openSpy).toHaveBeenCalledTimes(1);
    await flush();
    expect(popup().close).toHaveBeenCalled();
    expect(submitted).toEqual([]);
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', error: { code } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code }));
    expect(events.at(-1)).toMatchObject({ type: 'connect.failed', integrationKey: 'pipedrive', error: { code } });
    expect(host.pending.isPending('pipedrive')).toBe(false);
  });

  it('cancel() while loading closes the popup and reports cancelled; the late integration posts nothing', async () => {
    const { flow, host, onCancel, events } = setup({ integrationKey: 'pipedrive' }, { integrations: [] });
    const load = deferred<MembraneIntegration>();
    host.loadIntegration.mockReturnValueOnce(load.promise);
    flow.start();
    flow.cancel();
    await flush();
    expect(popup().close).toHaveBeenCalled();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(types(events)).toEqual(['connect.started', 'connect.cancelled']);
    load.resolve({ ...hubspot, id: 'int-pipedrive', key: 'pipedrive' });
    await flush();
    expect(submitted).toEqual([]);
  });

  it('closes the popup when the loaded integration uses client credentials (hidden iframe instead)', async () => {
    const { flow, host, integrations } = setup({ integrationKey: 'machine' }, { integrations: [] });
    const machine: MembraneIntegration = { id: 'int-m', key: 'machine', name: 'M', authOptions: [{ key: 'cc', type: 'client-credentials' }] };
    host.loadIntegration.mockImplementationOnce(async () => {
      integrations.set('machine', machine);
      return machine;
    });
    flow.start();
    await flush();
    expect(popup().close).toHaveBeenCalled();
    expect(document.querySelector('iframe')).not.toBeNull();
    expect(lastForm().target).toBe(document.querySelector('iframe')!.name);
  });

  it('with redirectUri, opens no popup and redirects once the integration is loaded', async () => {
    const { flow, host } = setup({ integrationKey: 'pipedrive', redirectUri: 'https://app.test/back' }, { integrations: [] });
    host.loadIntegration.mockResolvedValueOnce({ id: 'int-pipedrive', key: 'pipedrive', name: 'Pipedrive' });
    flow.start();
    expect(openSpy).not.toHaveBeenCalled();
    await flush();
    expect(lastForm()).toMatchObject({
      target: '_self',
      action: `${API}/connect`,
      payload: { integrationId: 'int-pipedrive', redirectUri: `https://app.test/back?mk_connect=${String(lastForm().payload.requestId)}` },
    });
  });

  it('reports popup_blocked when the popup opened at the click was blocked', async () => {
    openSpy.mockReturnValueOnce(null);
    const { flow, host, integrations } = setup({ integrationKey: 'pipedrive' }, { integrations: [] });
    const pipedrive: MembraneIntegration = { id: 'int-pipedrive', key: 'pipedrive', name: 'Pipedrive' };
    host.loadIntegration.mockImplementationOnce(async () => {
      integrations.set('pipedrive', pipedrive);
      return pipedrive;
    });
    flow.start();
    await flush();
    expect(openSpy).toHaveBeenCalledTimes(1);
    expect(flow.getSnapshot()).toMatchObject({ status: 'blocked', error: { code: 'popup_blocked' } });
    flow.continueInThisTab();
    await flush();
    expect(lastForm()).toMatchObject({ target: '_self', action: `${API}/connect`, payload: { integrationId: 'int-pipedrive' } });
  });
});

describe('createConnectFlow: reconnect', () => {
  it.each([
    ['disconnected', { id: 'conn-old', integrationId: 'int-hubspot', disconnected: true }],
    ['disconnected (0.28 connected: false)', { id: 'conn-old', integrationId: 'int-hubspot', connected: false }],
    ['in error', { id: 'conn-old', integrationId: 'int-hubspot', error: { type: 'connection', message: 'Refresh token revoked' } }],
    ['in error (0.28 errors)', { id: 'conn-old', integrationId: 'int-hubspot', errors: [{ message: 'Refresh token revoked' }] }],
  ])('repairs a connection that is %s: sends connectionId, events carry reconnect: true', async (_label, connection) => {
    const { flow, host, events, onConnected } = setup({}, { integrations: [withConnection(connection as MembraneConnection)] });
    flow.start();
    await flush();
    expect(lastForm().action).toBe(`${API}/connect`);
    expect(lastForm().payload).toMatchObject({ connectionId: 'conn-old' });
    expect(lastForm().payload).not.toHaveProperty('integrationId');
    expect(host.getConnectionOptions).toHaveBeenCalledWith({ connectionId: 'conn-old' });
    post(created(requestIdOfPopup(), 'conn-old'));
    await flush();
    expect(host.confirmConnection).toHaveBeenCalledWith('conn-old');
    expect(events).toEqual([
      { type: 'connect.started', integrationKey: 'hubspot', mode: 'custom', reconnect: true },
      { type: 'connect.succeeded', integrationKey: 'hubspot', mode: 'custom', reconnect: true, connection: { id: 'conn-old', integrationId: 'int-hubspot' } },
    ]);
    expect(onConnected).toHaveBeenCalledTimes(1);
  });

  it('connects anew (integrationId, reconnect: false) when the existing connection is healthy', async () => {
    const { flow, events } = setup({ allowMultipleConnections: true }, { integrations: [withConnection({ id: 'conn-ok', connected: true })] });
    flow.start();
    await flush();
    expect(lastForm().action).toBe(`${API}/connect`);
    expect(lastForm().payload).toMatchObject({ integrationId: 'int-hubspot', allowMultipleConnections: true });
    expect(lastForm().payload).not.toHaveProperty('connectionId');
    expect(events[0]).toMatchObject({ reconnect: false });
  });

  it('a failed reconnect is reported with reconnect: true', async () => {
    const { flow, events } = setup({}, { integrations: [withConnection({ id: 'conn-old', disconnected: true })] });
    flow.start();
    await flush();
    post(failed(requestIdOfPopup(), 'Denied', { type: 'connection', message: 'Denied' }));
    await flush();
    expect(events.at(-1)).toMatchObject({ type: 'connect.failed', reconnect: true, error: { code: 'auth' } });
  });
});

describe('createConnectFlow: prebuilt mode (hosted UI)', () => {
  it('connects through the hosted UI and confirms the connection', async () => {
    const { flow, host, events, onConnected } = setup({ mode: 'prebuilt', allowMultipleConnections: true });
    const ui = fakeHostedUi();
    host.hostedUi.mockResolvedValue(ui);
    flow.start();
    expect(flow.getSnapshot().status).toBe('connecting');
    expect(host.pending.isPending('hubspot')).toBe(true);
    await flush();
    expect(openSpy).not.toHaveBeenCalled();
    expect(ui.connect).toHaveBeenCalledWith({ integrationKey: 'hubspot', allowMultipleConnections: true });
    expect(ui.reconnect).not.toHaveBeenCalled();
    expect(host.confirmConnection).toHaveBeenCalledWith('conn-hosted');
    expect(host.connectionChanged).toHaveBeenCalledWith('hubspot');
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
    expect(events).toEqual([
      { type: 'connect.started', integrationKey: 'hubspot', mode: 'prebuilt', reconnect: false },
      { type: 'connect.succeeded', integrationKey: 'hubspot', mode: 'prebuilt', reconnect: false, connection: { id: 'conn-hosted', integrationId: 'int-hubspot' } },
    ]);
    expect(onConnected).toHaveBeenCalledWith({ id: 'conn-hosted', integrationId: 'int-hubspot' });
  });

  it('is cancelled when the user closes the hosted UI (null)', async () => {
    const { flow, host, events, onCancel } = setup({ mode: 'prebuilt' });
    host.hostedUi.mockResolvedValue(fakeHostedUi({ connect: vi.fn(async (): Promise<HostedUiResult> => null) }));
    flow.start();
    await flush();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
    expect(host.confirmConnection).not.toHaveBeenCalled();
    expect(types(events)).toEqual(['connect.started', 'connect.cancelled']);
    expect(events[1]).toMatchObject({ mode: 'prebuilt' });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('fails with code server when the hosted UI reports a connection of another integration', async () => {
    const { flow, host } = setup({ mode: 'prebuilt' });
    host.hostedUi.mockResolvedValue(fakeHostedUi());
    host.confirmConnection.mockResolvedValueOnce({ id: 'conn-hosted', integrationId: 'int-other' });
    flow.start();
    await flush();
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'server' } });
  });

  it('reconnects a broken connection through the hosted UI (reconnect: true)', async () => {
    const { flow, host, events, onConnected } = setup({ mode: 'prebuilt' }, { integrations: [withConnection({ id: 'conn-old', disconnected: true })] });
    const ui = fakeHostedUi({ reconnect: vi.fn(async () => ({ connectionId: 'conn-old' })) });
    host.hostedUi.mockResolvedValue(ui);
    host.confirmConnection.mockResolvedValueOnce({ id: 'conn-old', integrationId: 'int-hubspot', connected: true });
    flow.start();
    await flush();
    expect(ui.reconnect).toHaveBeenCalledWith({ connectionId: 'conn-old', integrationKey: 'hubspot' });
    expect(ui.connect).not.toHaveBeenCalled();
    expect(host.confirmConnection).toHaveBeenCalledWith('conn-old');
    expect(types(events)).toEqual(['connect.started', 'connect.succeeded']);
    expect(events.every((event) => event.reconnect && event.mode === 'prebuilt')).toBe(true);
    expect(onConnected).toHaveBeenCalledWith(expect.objectContaining({ id: 'conn-old' }));
  });

  it('a reconnect UI closed without result: success if the connection works now, cancelled if still broken', async () => {
    const healed = setup({ mode: 'prebuilt' }, { integrations: [withConnection({ id: 'conn-old', disconnected: true })] });
    healed.host.hostedUi.mockResolvedValue(fakeHostedUi());
    healed.host.confirmConnection.mockResolvedValueOnce({ id: 'conn-old', integrationId: 'int-hubspot', connected: true });
    healed.flow.start();
    await flush();
    expect(healed.host.confirmConnection).toHaveBeenCalledWith('conn-old');
    expect(types(healed.events)).toEqual(['connect.started', 'connect.succeeded']);

    const broken = setup({ mode: 'prebuilt' }, { integrations: [withConnection({ id: 'conn-old', disconnected: true })] });
    broken.host.hostedUi.mockResolvedValue(fakeHostedUi());
    broken.host.confirmConnection.mockResolvedValueOnce({ id: 'conn-old', integrationId: 'int-hubspot', disconnected: true });
    broken.flow.start();
    await flush();
    expect(types(broken.events)).toEqual(['connect.started', 'connect.cancelled']);
    expect(broken.events[1]).toMatchObject({ reconnect: true, mode: 'prebuilt' });
    expect(broken.onCancel).toHaveBeenCalledTimes(1);
  });

  it('fails with the error’s code when the hosted UI cannot be loaded', async () => {
    const { flow, host, events, onError } = setup({ mode: 'prebuilt' });
    host.hostedUi.mockRejectedValue(new KitError('network', 'Could not load the SDK.'));
    flow.start();
    await flush();
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'network' } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'network' }));
    expect(types(events)).toEqual(['connect.started', 'connect.failed']);
    expect(host.pending.isPending('hubspot')).toBe(false);
  });

  it('reports blocked when the SDK says its popup was blocked', async () => {
    const { flow, host } = setup({ mode: 'prebuilt' });
    host.hostedUi.mockResolvedValue(fakeHostedUi({ connect: vi.fn(() => Promise.reject({ message: 'Popup has been blocked.' })) }));
    flow.start();
    await flush();
    expect(flow.getSnapshot()).toMatchObject({ status: 'blocked', error: { code: 'popup_blocked' } });
  });

  it('works without the integration loaded (uses the key), and ignores a second start', async () => {
    const { flow, host } = setup({ mode: 'prebuilt', integrationKey: 'pipedrive' }, { integrations: [] });
    const ui = fakeHostedUi();
    host.hostedUi.mockResolvedValue(ui);
    host.confirmConnection.mockResolvedValueOnce({ id: 'conn-hosted', integrationId: 'int-pipedrive' });
    flow.start();
    flow.start();
    await flush();
    expect(host.loadIntegration).not.toHaveBeenCalled();
    expect(ui.connect).toHaveBeenCalledExactlyOnceWith({ integrationKey: 'pipedrive', allowMultipleConnections: undefined });
    expect(flow.getSnapshot().status).toBe('idle');
  });
});

describe('createConnectFlow: needsInput, getAuthOptions, prefetch', () => {
  it('needsInput() is false for a single option without parameters', () => {
    expect(setup().flow.needsInput()).toBe(false);
  });

  it('needsInput() is false for a single option whose schema has no properties', () => {
    const integration = { ...hubspot, authOptions: [{ key: 'k', type: 'oauth2', ui: { schema: { type: 'object', properties: {} } } }] };
    expect(setup({}, { integrations: [integration] }).flow.needsInput()).toBe(false);
  });

  it('needsInput() is true for several options', () => {
    const integration = { ...hubspot, authOptions: [{ key: 'a', type: 'oauth2' }, { key: 'b', type: 'oauth2' }] };
    expect(setup({}, { integrations: [integration] }).flow.needsInput()).toBe(true);
  });

  it('needsInput() is true for a schema with properties (ui.schema or inputSchema)', () => {
    const ui = { ...hubspot, authOptions: [{ key: 'k', type: 'integration-app-token', ui: { schema: { properties: { apiKey: { type: 'string' } } } } }] };
    const input = { ...hubspot, authOptions: [{ key: 'k', type: 'integration-app-token', inputSchema: { properties: { apiKey: { type: 'string' } } } }] };
    expect(setup({}, { integrations: [ui] }).flow.needsInput()).toBe(true);
    expect(setup({}, { integrations: [input] }).flow.needsInput()).toBe(true);
  });

  it('needsInput() is true for an integration without options until its connector spec is loaded', () => {
    const bare = { ...hubspot, authOptions: [] };
    expect(setup({}, { integrations: [bare] }).flow.needsInput()).toBe(true);
    expect(setup({}, { integrations: [{ ...hubspot, authOptions: undefined }] }).flow.needsInput()).toBe(true);
    expect(setup({}, { integrations: [bare], specs: { hubspot: { auth: { type: 'oauth2' } } } }).flow.needsInput()).toBe(false);
    const twoInSpec = { auth: { type: 'oauth2', options: { a: { type: 'oauth2' }, b: { type: 'oauth1' } } } };
    expect(setup({}, { integrations: [bare], specs: { hubspot: twoInSpec } }).flow.needsInput()).toBe(true);
  });

  it('needsInput() is true when the integration is unknown', () => {
    expect(setup({ integrationKey: 'pipedrive' }, { integrations: [] }).flow.needsInput()).toBe(true);
  });

  it('getAuthOptions() reads the integration, else the loaded spec, else nothing', () => {
    expect(setup().flow.getAuthOptions()).toMatchObject([{ key: 'oauth', type: 'oauth2' }]);
    const bare = { ...hubspot, authOptions: [] };
    expect(setup({}, { integrations: [bare], specs: { hubspot: { auth: { type: 'oauth1' } } } }).flow.getAuthOptions()).toMatchObject([
      { key: undefined, type: 'oauth1' },
    ]);
    expect(setup({ integrationKey: 'pipedrive' }, { integrations: [] }).flow.getAuthOptions()).toEqual([]);
  });

  it('prefetch() loads the spec only for an integration without options and without a spec, and asks for a token', async () => {
    const bare = { ...hubspot, authOptions: [] };
    const needsSpec = setup({}, { integrations: [bare] });
    needsSpec.flow.prefetch();
    expect(needsSpec.host.loadConnectorSpec).toHaveBeenCalledExactlyOnceWith('hubspot');
    expect(needsSpec.getToken).toHaveBeenCalledTimes(1);
    await flush();
    expect(needsSpec.flow.needsInput()).toBe(false);

    const withOptions = setup();
    withOptions.flow.prefetch();
    expect(withOptions.host.loadConnectorSpec).not.toHaveBeenCalled();
    expect(withOptions.getToken).toHaveBeenCalledTimes(1);

    const specLoaded = setup({}, { integrations: [bare], specs: { hubspot: { auth: { type: 'oauth2' } } } });
    specLoaded.flow.prefetch();
    expect(specLoaded.host.loadConnectorSpec).not.toHaveBeenCalled();

    const unknown = setup({ integrationKey: 'pipedrive' }, { integrations: [] });
    unknown.flow.prefetch();
    expect(unknown.host.loadConnectorSpec).not.toHaveBeenCalled();
    expect(unknown.host.loadConnectionOptions).not.toHaveBeenCalled();
    expect(unknown.getToken).toHaveBeenCalledTimes(1);
  });

  it('prefetch() asks /connection-options about the integration, or about the connection a reconnect repairs (custom mode only)', () => {
    const fresh = setup({}, { prefetched: false });
    fresh.flow.prefetch();
    expect(fresh.host.loadConnectionOptions).toHaveBeenCalledExactlyOnceWith({ integrationId: 'int-hubspot' });

    const broken = setup({}, { prefetched: false, integrations: [withConnection({ id: 'conn-old', disconnected: true })] });
    broken.flow.prefetch();
    expect(broken.host.loadConnectionOptions).toHaveBeenCalledExactlyOnceWith({ connectionId: 'conn-old' });

    const prebuilt = setup({ mode: 'prebuilt' }, { prefetched: false });
    prebuilt.flow.prefetch();
    expect(prebuilt.host.loadConnectionOptions).not.toHaveBeenCalled();
  });

  it('prefetch() swallows its failures', async () => {
    const { flow, host, getToken } = setup({}, { integrations: [{ ...hubspot, authOptions: [] }] });
    host.loadConnectorSpec.mockRejectedValueOnce(new KitError('network', 'Offline'));
    host.loadConnectionOptions.mockRejectedValueOnce(new KitError('server', 'Not a list'));
    getToken.mockRejectedValueOnce(new Error('no token'));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      flow.prefetch();
      await vi.advanceTimersByTimeAsync(10);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
  });
});

describe('createConnectFlow: resumeRedirect with createRedirectClaim', () => {
  const marker = (integrationKey: string) =>
    sessionStorage.setItem(REDIRECT_MARKER_KEY, JSON.stringify({ integrationKey, requestId: 'r1', startedAt: Date.now() }));

  function twoFlows(keys: [string, string]) {
    const kit = createHost({ integrations: [hubspot, { id: 'int-sf', key: 'salesforce', name: 'Salesforce' }] });
    kit.host.claimRedirectResult.mockImplementation(createRedirectClaim());
    const a = callbacks();
    const b = callbacks();
    return {
      ...kit,
      a: { ...a, flow: createConnectFlow(kit.host, { integrationKey: keys[0], ...a }) },
      b: { ...b, flow: createConnectFlow(kit.host, { integrationKey: keys[1], ...b }) },
    };
  }

  it('confirms a ?connectionId= result once (a second flow gets nothing) and cleans the URL and the marker', async () => {
    window.history.replaceState(null, '', '/settings?tab=apps&connectionId=conn-7&mk_connect=r1#list');
    marker('hubspot');
    const { host, events, a, b } = twoFlows(['hubspot', 'hubspot']);
    a.flow.resumeRedirect();
    b.flow.resumeRedirect();
    a.flow.resumeRedirect();
    expect(window.location.href).toBe('http://localhost:3000/settings?tab=apps#list');
    expect(sessionStorage.getItem(REDIRECT_MARKER_KEY)).toBeNull();
    expect(a.flow.getSnapshot().status).toBe('connecting');
    expect(b.flow.getSnapshot().status).toBe('idle');
    await flush();
    expect(host.confirmConnection).toHaveBeenCalledExactlyOnceWith('conn-7');
    expect(host.connectionChanged).toHaveBeenCalledWith('hubspot');
    expect(a.onConnected).toHaveBeenCalledWith({ id: 'conn-7', integrationId: 'int-hubspot' });
    expect(b.onConnected).not.toHaveBeenCalled();
    expect(events).toEqual([
      { type: 'connect.started', integrationKey: 'hubspot', mode: 'custom', reconnect: false },
      { type: 'connect.succeeded', integrationKey: 'hubspot', mode: 'custom', reconnect: false, connection: { id: 'conn-7', integrationId: 'int-hubspot' } },
    ]);
    expect(a.flow.getSnapshot()).toEqual({ status: 'idle', error: null });
  });

  it('leaves a marker of another integration to that integration’s flow', async () => {
    window.history.replaceState(null, '', '/settings?connectionId=conn-sf&mk_connect=r1');
    marker('salesforce');
    const { host, a, b } = twoFlows(['hubspot', 'salesforce']);
    host.confirmConnection.mockResolvedValueOnce({ id: 'conn-sf', integrationId: 'int-sf' });
    a.flow.resumeRedirect();
    await flush();
    expect(host.confirmConnection).not.toHaveBeenCalled();
    expect(a.flow.getSnapshot().status).toBe('idle');
    expect(window.location.search).toBe('?connectionId=conn-sf&mk_connect=r1');
    expect(sessionStorage.getItem(REDIRECT_MARKER_KEY)).not.toBeNull();

    b.flow.resumeRedirect();
    await flush();
    expect(host.confirmConnection).toHaveBeenCalledExactlyOnceWith('conn-sf');
    expect(b.onConnected).toHaveBeenCalledTimes(1);
    expect(a.onConnected).not.toHaveBeenCalled();
    expect(window.location.search).toBe('');
  });

  it('turns ?error= into a failure with the mapped code', async () => {
    const errorData = encodeURIComponent(JSON.stringify({ type: 'bad_request', key: 'rate_limit_exceeded', message: 'Slow down' }));
    window.history.replaceState(null, '', `/settings?error=Slow%20down&errorData=${errorData}&mk_connect=r1`);
    marker('hubspot');
    const { host, events, a } = twoFlows(['hubspot', 'salesforce']);
    a.flow.resumeRedirect();
    await flush();
    expect(host.confirmConnection).not.toHaveBeenCalled();
    expect(a.flow.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'rate_limited', message: 'Slow down' } });
    expect(a.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'rate_limited' }));
    expect(events.at(-1)).toMatchObject({ type: 'connect.failed', integrationKey: 'hubspot', error: { code: 'rate_limited' } });
    expect(window.location.search).toBe('');
  });

  it('ignores the URL when this tab started no same-window connect', async () => {
    window.history.replaceState(null, '', '/settings?connectionId=conn-7');
    const { host, a } = twoFlows(['hubspot', 'salesforce']);
    a.flow.resumeRedirect();
    await flush();
    expect(host.confirmConnection).not.toHaveBeenCalled();
    expect(window.location.search).toBe('?connectionId=conn-7');
    expect(a.flow.getSnapshot().status).toBe('idle');
  });

  it('refuses a ?connectionId= of another integration’s connection, as the popup flow does', async () => {
    window.history.replaceState(null, '', '/settings?connectionId=conn-sf&mk_connect=r1');
    marker('hubspot');
    const { host, events, a } = twoFlows(['hubspot', 'salesforce']);
    host.confirmConnection.mockResolvedValueOnce({ id: 'conn-sf', integrationId: 'int-sf' });
    a.flow.resumeRedirect();
    await flush();
    expect(a.onConnected).not.toHaveBeenCalled();
    expect(a.flow.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'server' } });
    expect(types(events)).toEqual(['connect.started', 'connect.failed']);
    expect(host.connectionChanged).not.toHaveBeenCalled();
  });

  it('loads the integration it checks against when the page has not got it', async () => {
    window.history.replaceState(null, '', '/settings?connectionId=conn-pd&mk_connect=r1');
    marker('pipedrive');
    const kit = createHost({ integrations: [] });
    kit.host.claimRedirectResult.mockImplementation(createRedirectClaim());
    kit.host.loadIntegration.mockResolvedValueOnce({ id: 'int-pipedrive', key: 'pipedrive', name: 'Pipedrive' });
    kit.host.confirmConnection.mockResolvedValueOnce({ id: 'conn-pd', integrationId: 'int-other' });
    const cb = callbacks();
    createConnectFlow(kit.host, { integrationKey: 'pipedrive', ...cb }).resumeRedirect();
    await flush();
    expect(kit.host.loadIntegration).toHaveBeenCalledWith('pipedrive');
    expect(cb.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'server' }));
    expect(cb.onConnected).not.toHaveBeenCalled();
  });

  it('does not claim while a flow runs', async () => {
    const { flow, host } = setup();
    flow.start();
    flow.resumeRedirect();
    expect(host.claimRedirectResult).not.toHaveBeenCalled();
  });
});

describe('createConnectFlow: setOptions, reset, destroy', () => {
  it('setOptions() replaces the callbacks a running flow calls', async () => {
    const { flow, onConnected } = setup();
    flow.start();
    const next = callbacks();
    flow.setOptions({ integrationKey: 'hubspot', ...next });
    post(created(requestIdOfPopup()));
    await flush();
    expect(onConnected).not.toHaveBeenCalled();
    expect(next.onConnected).toHaveBeenCalledTimes(1);
  });

  it('setOptions() replaces onError and onCancel too', async () => {
    const { flow, onError, onCancel } = setup();
    flow.start();
    const next = callbacks();
    flow.setOptions({ integrationKey: 'hubspot', ...next });
    flow.cancel();
    await flush();
    expect(onCancel).not.toHaveBeenCalled();
    expect(next.onCancel).toHaveBeenCalledTimes(1);

    flow.start();
    post(failed(requestIdOfPopup(1), 'Boom', { type: 'internal', message: 'Boom' }));
    await flush();
    expect(onError).not.toHaveBeenCalled();
    expect(next.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'server' }));
  });

  it('reset() clears an error, and does nothing while running or when already idle', async () => {
    const { flow } = setup({ timeoutMs: 100 });
    const listener = vi.fn();
    flow.subscribe(listener);
    flow.reset();
    expect(listener).not.toHaveBeenCalled();

    flow.start();
    flow.reset();
    expect(flow.getSnapshot().status).toBe('connecting');

    await vi.advanceTimersByTimeAsync(100);
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'timeout' } });
    const calls = listener.mock.calls.length;
    flow.reset();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
    expect(listener).toHaveBeenCalledTimes(calls + 1);
  });

  it('reset() clears a blocked popup', async () => {
    openSpy.mockReturnValueOnce(null);
    const { flow } = setup();
    flow.start();
    await flush();
    expect(flow.getSnapshot().status).toBe('blocked');
    flow.reset();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
  });

  it('a new start() after an error clears it', async () => {
    const { flow } = setup({ timeoutMs: 100 });
    flow.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(flow.getSnapshot().status).toBe('error');
    flow.start();
    expect(flow.getSnapshot()).toEqual({ status: 'connecting', error: null });
  });

  it('destroy() aborts the running flow, closes the popup and drops the listeners', async () => {
    const { flow, host, events } = setup();
    const listener = vi.fn();
    flow.subscribe(listener);
    flow.start();
    await flush();
    listener.mockClear();
    flow.destroy();
    await flush();
    expect(popup().close).toHaveBeenCalled();
    expect(listener).not.toHaveBeenCalled();
    expect(types(events)).toEqual(['connect.started', 'connect.cancelled']);
    expect(host.pending.isPending('hubspot')).toBe(false);
    post(created(requestIdOfPopup()));
    await flush();
    expect(host.confirmConnection).not.toHaveBeenCalled();
  });
});

describe('createConnectFlow: the customer signal', () => {
  /** The kit's customer signal lives as long as the kit: count the listeners flows leave on it. */
  function customerSignal() {
    const controller = new AbortController();
    const listeners = new Set<unknown>();
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    vi.spyOn(controller.signal, 'addEventListener').mockImplementation((type, listener, options) => {
      listeners.add(listener);
      add(type, listener, options);
    });
    vi.spyOn(controller.signal, 'removeEventListener').mockImplementation((type, listener, options) => {
      listeners.delete(listener);
      remove(type, listener, options);
    });
    return { controller, listeners };
  }

  it('leaves no listener on it once a flow has ended: succeeded, cancelled or failed', async () => {
    const customer = customerSignal();
    const kit = createHost();
    const host = { ...kit.host, customerSignal: () => customer.controller.signal };
    const flow = createConnectFlow(host, { integrationKey: 'hubspot', ...callbacks() });

    flow.start();
    await flush();
    post(created(requestIdOfPopup(), 'conn-1'));
    await flush();
    expect(flow.getSnapshot()).toEqual({ status: 'idle', error: null });
    expect(customer.listeners.size).toBe(0);

    flow.start();
    await flush();
    flow.cancel();
    await flush();
    expect(customer.listeners.size).toBe(0);

    flow.start();
    await flush();
    post(failed(requestIdOfPopup(2), 'Access denied'));
    await flush();
    expect(flow.getSnapshot().status).toBe('error');
    expect(customer.listeners.size).toBe(0);
  });

  it('still cancels a running flow when the customer changes', async () => {
    const customer = customerSignal();
    const kit = createHost();
    const cb = callbacks();
    const flow = createConnectFlow({ ...kit.host, customerSignal: () => customer.controller.signal }, { integrationKey: 'hubspot', ...cb });
    flow.start();
    await flush();
    customer.controller.abort();
    await flush();
    expect(cb.onCancel).toHaveBeenCalledTimes(1);
    expect(popup().close).toHaveBeenCalled();
  });
});
