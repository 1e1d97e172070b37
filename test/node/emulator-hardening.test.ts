import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ConnectionEventMessage } from '../../src/emulator/createConnectionEvents.ts';
import { createEmulatorApp } from '../../src/emulator/createEmulatorApp.ts';
import { CliUsageError, parseCliOptions } from '../../src/emulator/parseCliOptions.ts';
import { createDefaultSeed } from '../../src/emulator/seed/createDefaultSeed.ts';
import { renderConsentPage } from '../../src/emulator/pages/renderConsentPage.ts';
import { renderConnectPage, renderIntegrationPage, renderMainPage } from '../../src/emulator/pages/renderEmbedPages.ts';
import type { EmbedConfig } from '../../src/emulator/pages/renderEmbedPages.ts';
import { renderResultPage } from '../../src/emulator/pages/renderResultPage.ts';
import { renderScreenConnectionPage, renderScreenPickerPage } from '../../src/emulator/pages/renderScreenPages.ts';
import { scriptJson } from '../../src/emulator/pages/html.ts';
import type { EmulatorConnectionRecord, EmulatorCustomer, EmulatorIntegrationRecord } from '../../src/emulator/types.ts';
import { fetchToken, signToken, useEmulator } from './emulator-helpers.ts';

/** Reads SSE `data:` messages of a stream; `next(ms)` answers the next one or `undefined` after `ms`. */
function readEvents(response: Response): { next: (ms?: number) => Promise<ConnectionEventMessage | undefined>; close: () => void } {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: ConnectionEventMessage[] = [];
  let pump: Promise<void> | undefined;
  const read = async (): Promise<void> => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const chunk = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(chunk)?.[1];
        if (data) queue.push(JSON.parse(data) as ConnectionEventMessage);
      }
    }
  };
  return {
    async next(ms = 2000) {
      pump ??= read().catch(() => undefined);
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const message = queue.shift();
        if (message) return message;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return queue.shift();
    },
    close: () => void reader.cancel().catch(() => undefined),
  };
}

describe('emulator hardening: connect results reach only the authenticated customer', () => {
  const emulator = useEmulator();

  async function popup(path: '/connection-popup' | '/connect', payload: Record<string, unknown>, query = ''): Promise<Response> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) });
    return fetch(`${emulator().apiUri}${path}${query}`, { method: 'POST', body, redirect: 'manual' });
  }

  async function subscribe(requestId: string, token: string): Promise<ReturnType<typeof readEvents>> {
    const response = await fetch(`${emulator().apiUri}/sse/connection-events/${requestId}?token=${encodeURIComponent(token)}`);
    expect(response.status).toBe(200);
    return readEvents(response);
  }

  it('an unauthenticated POST /connection-popup with someone else\'s requestId publishes nothing on SSE', async () => {
    const victim = await fetchToken(emulator());
    const stream = await subscribe('victim-req', victim);
    const attack = await popup('/connection-popup', { requestId: 'victim-req', integrationKey: 'stripe' });
    expect(await attack.text()).toContain('Connection failed');
    const legit = await popup('/connection-popup', {
      token: victim,
      requestId: 'victim-req',
      integrationKey: 'stripe',
      connectionParameters: { secretKey: 'sk_test_0123456789', mode: 'test' },
    });
    expect(legit.status).toBe(200);
    const first = await stream.next();
    stream.close();
    expect(first).toMatchObject({ type: 'newConnectionCreated', requestId: 'victim-req' });
  });

  it('an unauthenticated or invalid-token POST /connect (0.28) publishes nothing on SSE', async () => {
    const victim = await fetchToken(emulator());
    const stream = await subscribe('victim-028', victim);
    await popup('/connect', { requestId: 'victim-028', integrationKey: 'stripe' });
    await popup('/connect', { requestId: 'victim-028', integrationKey: 'stripe', token: 'not.a.jwt' });
    const nothing = await stream.next(400);
    stream.close();
    expect(nothing).toBeUndefined();
  });

  it("another customer's token cannot publish on a victim's request channel", async () => {
    const victim = await fetchToken(emulator());
    const mallory = await fetchToken(emulator(), { customerId: 'mallory' });
    const stream = await subscribe('victim-req-2', victim);
    await popup('/connection-popup', { token: mallory, requestId: 'victim-req-2', integrationKey: 'nope-not-an-app' });
    const nothing = await stream.next(400);
    stream.close();
    expect(nothing).toBeUndefined();
  });

  it('SSE /sse/connection-events needs a customer token and delivers only to that customer', async () => {
    const tokenless = await fetch(`${emulator().apiUri}/sse/connection-events/anything`);
    expect(tokenless.status).toBe(401);
    await tokenless.body?.cancel();

    const victim = await fetchToken(emulator());
    const mallory = await fetchToken(emulator(), { customerId: 'mallory' });
    const spy = await subscribe('victim-req-3', mallory);
    const own = await subscribe('victim-req-3', victim);
    await popup('/connection-popup', {
      token: victim,
      requestId: 'victim-req-3',
      integrationKey: 'stripe',
      connectionParameters: { secretKey: 'sk_test_0123456789', mode: 'test' },
    });
    expect(await own.next()).toMatchObject({ type: 'newConnectionCreated', requestId: 'victim-req-3' });
    expect(await spy.next(400)).toBeUndefined();
    own.close();
    spy.close();
  });
});

describe("emulator hardening: a token's id is the customer's external id only", () => {
  const emulator = useEmulator();

  it("a token whose id equals another customer's Membrane id does not act as that customer", async () => {
    const demo = [...emulator().store.customers.values()].find((customer) => customer.internalId === 'demo-customer');
    expect(demo).toBeDefined();
    const own = await (await fetch(`${emulator().apiUri}/connections`, { headers: { authorization: `Bearer ${await fetchToken(emulator())}` } })).json();
    expect((own as { items: unknown[] }).items.length).toBeGreaterThan(0);

    const forged = await signToken({ id: demo!.id });
    const response = await fetch(`${emulator().apiUri}/connections`, { headers: { authorization: `Bearer ${forged}` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: unknown[] }).items).toEqual([]);
    const created = [...emulator().store.customers.values()].find((customer) => customer.internalId === demo!.id);
    expect(created).toBeDefined();
    expect(created!.id).not.toBe(demo!.id);
    expect(emulator().store.customers.get(demo!.id)?.internalId).toBe('demo-customer');
  });
});

describe('emulator hardening: seed values are escaped in every page', () => {
  const HOSTILE_KEY = 'k"><img src=x onerror=alert(1)>';
  const HOSTILE_FIELD = 'f"><img src=x onerror=alert(2)>';
  const HOSTILE_TEXT = '<img src=x onerror=alert(3)></script><script>alert(3)</script>';
  const base = createDefaultSeed().integrations[0]!;
  const integration: EmulatorIntegrationRecord = {
    ...base,
    key: `app${HOSTILE_KEY}`,
    name: `App ${HOSTILE_TEXT}\u2028`,
    logoUri: 'x" onerror="alert(4)',
    appUri: 'javascript:alert(5)',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    authOptions: [
      {
        key: HOSTILE_KEY,
        type: 'integration-app-token',
        title: HOSTILE_TEXT,
        description: HOSTILE_TEXT,
        inputSchema: {
          type: 'object',
          required: [HOSTILE_FIELD],
          properties: {
            [HOSTILE_FIELD]: {
              type: 'string',
              title: HOSTILE_TEXT,
              description: HOSTILE_TEXT,
              format: 'x" onfocus="alert(6)',
              minLength: '1" onfocus="alert(7)' as unknown as number,
            },
          },
        },
        ui: { helpUri: 'javascript:alert(8)', description: HOSTILE_TEXT },
      },
      { key: `${HOSTILE_KEY}2`, type: 'oauth2', title: HOSTILE_TEXT },
    ],
  };
  const customer: EmulatorCustomer = {
    id: 'c1',
    internalId: 'c1',
    name: HOSTILE_TEXT,
    isTest: false,
    isBillable: true,
    createdAt: '2024-01-01T00:00:00.000Z',
  };
  const connection: EmulatorConnectionRecord = {
    id: 'conn"><img src=x onerror=alert(9)>',
    name: HOSTILE_TEXT,
    userId: 'c1',
    integrationId: integration.id,
    authOptionKey: HOSTILE_KEY,
    parameters: { [HOSTILE_FIELD]: HOSTILE_TEXT },
    disconnected: false,
    error: { message: HOSTILE_TEXT } as EmulatorConnectionRecord['error'],
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  } as EmulatorConnectionRecord;
  const config: EmbedConfig = { apiBase: 'http://e.test', uiBase: 'http://e.test/ui', token: 't', consent: 'manual', name: HOSTILE_TEXT, returnTo: HOSTILE_TEXT };

  /** Parses the page without running scripts and lists what hostile input could have injected. */
  function injected(html: string, scripts: number): string[] {
    const { document } = new JSDOM(html).window;
    const problems: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) problems.push(`<${element.tagName.toLowerCase()} ${attribute.name}>`);
        if (/^(href|src|action|formaction)$/i.test(attribute.name) && /^\s*javascript:/i.test(attribute.value)) {
          problems.push(`<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}">`);
        }
      }
    }
    const images = [...document.querySelectorAll('img')].filter((img) => img.getAttribute('src') === 'x');
    if (images.length > 0) problems.push(`${images.length} injected <img src=x>`);
    const found = document.querySelectorAll('script');
    if (found.length !== scripts) problems.push(`${found.length} <script> elements, expected ${scripts}`);
    for (const script of found) if (/alert\(/.test(script.textContent ?? '') && !/\\u003c/.test(script.textContent ?? '')) problems.push('alert( in a script');
    return problems;
  }

  const prepared = { integration, option: integration.authOptions[0]!, customer, parameters: { [HOSTILE_FIELD]: HOSTILE_TEXT }, name: HOSTILE_TEXT };

  it.each([
    ['embed main', () => renderMainPage([{ integration, connection }], customer, config), 1],
    ['embed integration', () => renderIntegrationPage(integration, connection, config), 1],
    ['embed connect form', () => renderConnectPage({ integration, customer, config }), 1],
    ['embed reconnect form', () => renderConnectPage({ integration, customer, reconnect: connection, config }), 1],
    ['screen picker', () => renderScreenPickerPage([integration], { ...config, screen: true }, { name: HOSTILE_TEXT }), 1],
    ['screen connection', () => renderScreenConnectionPage(integration, connection, { ...config, screen: true }), 1],
    ['consent (manual)', () => renderConsentPage({ prepared, consentId: 'c"><img src=x onerror=alert(1)>', actionUrl: 'http://e.test/c', consent: 'manual' }), 0],
    ['consent (auto)', () => renderConsentPage({ prepared, consentId: 'c', actionUrl: 'http://e.test/c', consent: 'allow' }), 1],
    [
      'result',
      () => renderResultPage({ source: 'integration.app', type: 'newConnectionFailure', requestId: HOSTILE_TEXT, error: HOSTILE_TEXT, errorData: { x: HOSTILE_TEXT } }, HOSTILE_TEXT),
      1,
    ],
  ] as const)('%s page: hostile seed values stay inert', (_name, render, scripts) => {
    expect(injected(render(), scripts)).toEqual([]);
  });

  it('a javascript: helpUri never becomes a link; an https one does', () => {
    const html = renderConnectPage({ integration, customer, config });
    expect(html).not.toMatch(/href="javascript:/i);
    const safe = renderConnectPage({
      integration: { ...integration, authOptions: [{ ...integration.authOptions[0]!, ui: { helpUri: 'https://docs.example/keys' } }] },
      customer,
      config,
    });
    expect(safe).toContain('href="https://docs.example/keys"');
  });

  it('scriptJson escapes <, >, &, U+2028 and U+2029 and still parses back', () => {
    const value = { text: '</script><!-- & \u2028\u2029 -->' };
    const encoded = scriptJson(value);
    expect(encoded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(encoded)).toEqual(value);
  });
});

describe('emulator hardening: control routes refuse other origins', () => {
  const emulator = useEmulator({ allowedOrigins: ['https://dev.example.com'] });
  const control = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) => fetch(`${emulator().url}/_emulator${path}`, init);

  it('refuses a token, faults and reset from a foreign website, and sends it no CORS headers', async () => {
    const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    const token = await control('/token', { method: 'POST', headers: evil });
    expect(token.status).toBe(403);
    const body = (await token.json()) as { message?: string; key?: string };
    expect(body).toMatchObject({ key: 'access_denied' });
    expect(body.message).toMatch(/origin/i);
    expect(token.headers.get('access-control-allow-origin')).toBeNull();

    const faults = await control('/faults', { method: 'POST', headers: { ...evil, 'content-type': 'text/plain' }, body: '{"unauthenticated":true}' });
    expect(faults.status).toBe(403);
    expect(emulator().faults.get().unauthenticated).toBe(false);

    expect((await control('/reset', { method: 'POST', headers: evil })).status).toBe(403);
    expect((await control('/connections/hubspot', { method: 'PATCH', headers: { ...evil, 'content-type': 'application/json' }, body: '{"disconnected":true}' })).status).toBe(403);

    const preflight = await control('/faults', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a cross-site request without an Origin header (Sec-Fetch-Site only)', async () => {
    expect((await control('/token', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await control('/faults', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('allows its own origin, localhost dev servers, configured origins and non-browser clients', async () => {
    for (const origin of [new URL(emulator().url).origin, 'http://localhost:5173', 'http://127.0.0.1:6006', 'https://dev.example.com']) {
      const response = await control('/token', { method: 'POST', headers: { origin, 'sec-fetch-site': 'same-site' } });
      expect(response.status, origin).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
    const preflight = await control('/faults', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect((await control('/token', { method: 'POST' })).status).toBe(200);
    expect((await control('/reset', { method: 'POST', headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
  });

  it('keeps the API itself open to any origin (bearer tokens, no cookies)', async () => {
    const token = await fetchToken(emulator());
    const response = await fetch(`${emulator().apiUri}/integrations`, { headers: { authorization: `Bearer ${token}`, origin: 'https://app.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('emulator hardening: configuring allowed origins', () => {
  it('the CLI takes --allow-origin (repeatable) and refuses a URL with a path', () => {
    const command = parseCliOptions(['--allow-origin', 'http://192.168.1.20:5173', '--allow-origin', 'https://dev.example.com']);
    expect(command.help).toBe(false);
    if (command.help) return;
    expect(command.options.allowedOrigins).toEqual(['http://192.168.1.20:5173', 'https://dev.example.com']);
    expect(() => parseCliOptions(['--allow-origin', 'https://dev.example.com/app'])).toThrow(CliUsageError);
    expect(() => parseCliOptions(['--allow-origin', 'javascript:alert(1)'])).toThrow(/--allow-origin takes an origin/);
  });

  it('createEmulatorApp refuses allowedOrigins entries that are not origins, and honours "*"', async () => {
    expect(() => createEmulatorApp({ allowedOrigins: ['dev.example.com'] })).toThrow(/allowedOrigins entries must be origins/);
    const open = createEmulatorApp({ allowedOrigins: ['*'] });
    const response = await open.fetch(new Request('http://emulator.test/_emulator/token', { method: 'POST', headers: { origin: 'https://anything.example' } }));
    expect(response.status).toBe(200);
    const closed = createEmulatorApp();
    const refused = await closed.fetch(new Request('http://emulator.test/_emulator/token', { method: 'POST', headers: { origin: 'https://anything.example' } }));
    expect(refused.status).toBe(403);
    const own = await closed.fetch(new Request('http://emulator.test/_emulator/token', { method: 'POST', headers: { origin: 'http://emulator.test' } }));
    expect(own.status).toBe(200);
  });
});
