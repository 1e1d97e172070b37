import { IntegrationAppClient } from '@integration-app/sdk';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulatorApp } from '../../src/emulator/createEmulatorApp.ts';
import { createEmulatorHandlers } from '../../src/emulator/createEmulatorHandlers.ts';

const baseUrl = 'http://membrane.test/api';
const emulator = createEmulatorApp({ basePath: '/api' });
const server = setupServer(...createEmulatorHandlers({ baseUrl, emulator }));

// jsdom replaces the global Uint8Array but keeps Node's TextEncoder, so encoded secrets fail
// jose's `instanceof Uint8Array` (a test-environment quirk; real browsers have one realm).
const NodeTextEncoder = globalThis.TextEncoder;
class RealmTextEncoder extends NodeTextEncoder {
  override encode(input?: string): Uint8Array<ArrayBuffer> {
    return new Uint8Array(super.encode(input));
  }
}

beforeAll(() => {
  globalThis.TextEncoder = RealmTextEncoder;
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  emulator.store.reset();
  emulator.faults.clear();
});
afterAll(() => {
  server.close();
  globalThis.TextEncoder = NodeTextEncoder;
});

async function token(): Promise<string> {
  const response = await fetch(`${baseUrl}/_emulator/token`, { method: 'POST', body: JSON.stringify({ customerId: 'demo-customer' }) });
  return ((await response.json()) as { token: string }).token;
}

describe('emulator MSW handlers in jsdom', () => {
  it('runs in a DOM environment (window and document defined)', () => {
    expect(typeof window).toBe('object');
    expect(typeof document).toBe('object');
  });

  it('answers the SDK (XHR through axios) with the emulator app and real tokens', async () => {
    const client = new IntegrationAppClient({ apiUri: baseUrl, uiUri: `${baseUrl}/ui`, token: await token() });
    const page = await client.integrations.find({ limit: 25 });
    expect(page.items).toHaveLength(16);
    expect(page.items.find((integration) => integration.key === 'slack')?.connection?.error?.message).toBe(
      'The access token was revoked by the user',
    );
    await client.connection('hubspot').archive();
    expect((await client.integration('hubspot').get()).connection).toBeUndefined();
    expect(emulator.store.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'GET /integrations',
      'DELETE /connections/hubspot',
      'GET /integrations/hubspot',
    ]);
  });

  it('applies faults set in code', async () => {
    const client = new IntegrationAppClient({ apiUri: baseUrl, token: await token() });
    emulator.faults.addError({ status: 503, times: 1, route: 'GET /integrations' });
    await expect(client.integrations.find()).rejects.toMatchObject({ data: { type: 'internal' } });
    await expect(client.integrations.find()).resolves.toMatchObject({ items: expect.any(Array) });
  });

  it('streams connection events over SSE', async () => {
    const response = await fetch(`${baseUrl}/sse/connection-events/req-msw?token=${encodeURIComponent(await token())}`);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const consent = await fetch(`${baseUrl}/connection-popup?integrationKey=stripe`, {
      method: 'POST',
      body: new URLSearchParams({
        payload: JSON.stringify({ token: await token(), requestId: 'req-msw', connectionParameters: { secretKey: 'sk_test_123456789', mode: 'live' } }),
      }),
    });
    expect(consent.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('\n\n')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`SSE stream ended early: ${text}`);
      text += decoder.decode(chunk.value);
    }
    // Not awaited: cancelling an MSW-mocked stream settles only when the handler's stream closes.
    void reader.cancel();
    expect(JSON.parse(/data: (.*)/.exec(text)![1]!)).toMatchObject({ type: 'newConnectionCreated', requestId: 'req-msw' });
  });

  it('does not touch requests outside baseUrl', () => {
    expect(() => createEmulatorHandlers({ baseUrl: 'not a url' })).toThrow(/absolute URL/);
    expect(() => createEmulatorHandlers({ baseUrl: 'http://x.test/other', emulator })).toThrow(/does not match/);
  });
});
