import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmulatorApp } from '../../src/emulator/createEmulatorApp.ts';
import type { WorkspaceEventMessage } from '../../src/emulator/createWorkspaceEvents.ts';
import { fetchToken, signToken, useEmulator } from './emulator-helpers.ts';

type UpdateMessage = Extract<WorkspaceEventMessage, { type: 'element-update' }>;

/** Reads an SSE response into messages (JSON `data`) and comment lines, as they arrive. */
function readStream(response: Response) {
  const messages: WorkspaceEventMessage[] = [];
  const comments: string[] = [];
  const events: string[] = [];
  let notify = (): void => {};
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        events.push(block);
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments.push(line);
          if (line.startsWith('event:')) throw new Error(`expected unnamed events, got "${line}"`);
          if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)) as WorkspaceEventMessage);
        }
        notify();
      }
    }
    notify();
  })();
  /** Resolves once `count` messages (in all) have arrived. */
  const waitFor = async (count: number, timeoutMs = 3000): Promise<WorkspaceEventMessage[]> => {
    const deadline = Date.now() + timeoutMs;
    while (messages.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${JSON.stringify(messages)}`);
      await Promise.race([new Promise<void>((resolve) => (notify = resolve)), new Promise((resolve) => setTimeout(resolve, 50))]);
    }
    return messages;
  };
  return { messages, comments, events, ended, waitFor, close: () => void reader.cancel().catch(() => {}) };
}

const updates = (messages: WorkspaceEventMessage[]): Array<[string, string]> =>
  messages.filter((m): m is UpdateMessage => m.type === 'element-update').map((m) => [m.elementType, m.elementId]);

const HUBSPOT = { integrationId: '65a1f0c2d4e5f60718293a01', connectionId: '65a1f0c2d4e5f60718293c01' };

describe('emulator GET /sse/workspace (node server)', () => {
  const emulator = useEmulator();
  const open: Array<() => void> = [];
  afterEach(() => {
    open.splice(0).forEach((close) => close());
  });

  async function stream(token: string, { viaHeader = false } = {}) {
    const url = viaHeader ? `${emulator().apiUri}/sse/workspace` : `${emulator().apiUri}/sse/workspace?token=${encodeURIComponent(token)}`;
    const response = await fetch(url, viaHeader ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = readStream(response);
    open.push(reader.close);
    await reader.waitFor(1);
    return reader;
  }

  async function rest(token: string, path: string, init: { method?: string; json?: unknown } = {}): Promise<Response> {
    return fetch(`${emulator().apiUri}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  }

  it('refuses a bad or missing token with 401 JSON, and never logs the token', async () => {
    for (const url of [`${emulator().apiUri}/sse/workspace?token=not.a.jwt`, `${emulator().apiUri}/sse/workspace`]) {
      const response = await fetch(url);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ type: 'bad_request', key: 'not_authenticated' });
    }
    const expired = await signToken({ id: 'demo-customer' }, { expiresIn: '-1m' });
    expect((await fetch(`${emulator().apiUri}/sse/workspace?token=${expired}`)).status).toBe(401);
    const token = await fetchToken(emulator());
    const reader = await stream(token);
    reader.close();
    const logged = JSON.stringify(emulator().store.requests);
    expect(logged).toContain('/sse/workspace');
    expect(logged).not.toContain(token);
  });

  it('starts with {type:"connected"} and sends unnamed element-update messages for the connection and its integration', async () => {
    const token = await fetchToken(emulator());
    const reader = await stream(token);
    expect(reader.messages[0]).toMatchObject({ type: 'connected', message: expect.any(String), timestamp: expect.any(String) });

    const created = (await (await rest(token, '/connections', { method: 'POST', json: { integrationKey: 'github' } })).json()) as {
      id: string;
      integrationId: string;
    };
    await reader.waitFor(3);
    expect(updates(reader.messages)).toEqual([
      ['connection', created.id],
      ['integration', created.integrationId],
    ]);
    expect(reader.messages[1]).toMatchObject({ data: { id: created.id, connected: true } });
  });

  it('accepts the token as Authorization: Bearer too', async () => {
    const token = await fetchToken(emulator());
    const reader = await stream(token, { viaHeader: true });
    await rest(token, `/connections/${HUBSPOT.connectionId}`, { method: 'DELETE' });
    await reader.waitFor(3);
    expect(updates(reader.messages)).toEqual([
      ['connection', HUBSPOT.connectionId],
      ['integration', HUBSPOT.integrationId],
    ]);
  });

  it('reports every kind of change: PATCH, PUT, DELETE, disconnect, refresh-credentials, the control PATCH, /connect, /ui/api/connect, reset', async () => {
    const token = await fetchToken(emulator());
    const reader = await stream(token);
    const steps: Array<() => Promise<Response>> = [
      () => rest(token, `/connections/${HUBSPOT.connectionId}`, { method: 'PATCH', json: { name: 'Renamed' } }),
      () => rest(token, `/connections/${HUBSPOT.connectionId}`, { method: 'PUT', json: { name: 'Renamed again' } }),
      () => rest(token, '/integrations/hubspot/disconnect', { method: 'POST' }),
      () => fetch(`${emulator().apiUri}/_emulator/connections/hubspot`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disconnected: false }) }),
      () => rest(token, `/connections/${HUBSPOT.connectionId}/refresh-credentials`, { method: 'POST' }),
      () => rest(token, `/connections/${HUBSPOT.connectionId}`, { method: 'DELETE' }),
      () =>
        fetch(`${emulator().apiUri}/connect`, {
          method: 'POST',
          body: new URLSearchParams({
            payload: JSON.stringify({ token, integrationKey: 'stripe', authOptionKey: 'secret-key', input: { secretKey: 'sk_test_12345678', mode: 'test' } }),
          }),
        }),
      () => rest(token, '/ui/api/connect', { method: 'POST', json: { integration: 'hubspot' } }),
    ];
    let expected = 1;
    for (const step of steps) {
      const response = await step();
      expect(response.status, await response.clone().text()).toBeLessThan(400);
      expected += 2;
      await reader.waitFor(expected);
      expect(reader.messages.at(-2)).toMatchObject({ type: 'element-update', elementType: 'connection' });
      expect(reader.messages.at(-1)).toMatchObject({ type: 'element-update', elementType: 'integration' });
    }
    const before = reader.messages.length;
    await fetch(`${emulator().apiUri}/_emulator/reset`, { method: 'POST' });
    // Reset reports every connection there before (stripe and the new hubspot one) or after (the three seeded).
    await reader.waitFor(before + 2 * 5);
    expect(new Set(updates(reader.messages.slice(before)).filter(([type]) => type === 'connection').map(([, id]) => id)).size).toBe(5);
  });

  it("never sends one customer's changes to another customer's stream", async () => {
    const mine = await fetchToken(emulator());
    const theirs = await signToken({ id: 'other-customer', name: 'Other Co.' });
    const myStream = await stream(mine);
    const theirStream = await stream(theirs);

    const theirConnection = (await (await rest(theirs, '/connections', { method: 'POST', json: { integrationKey: 'github' } })).json()) as { id: string };
    await theirStream.waitFor(3);
    await rest(mine, `/connections/${HUBSPOT.connectionId}`, { method: 'DELETE' });
    await myStream.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(updates(theirStream.messages)).toEqual([
      ['connection', theirConnection.id],
      ['integration', expect.any(String)],
    ]);
    expect(updates(myStream.messages)).toEqual([
      ['connection', HUBSPOT.connectionId],
      ['integration', HUBSPOT.integrationId],
    ]);
  });

  it('an admin token sees every customer', async () => {
    const admin = await signToken({ isAdmin: true });
    const reader = await stream(admin);
    const theirs = await signToken({ id: 'other-customer' });
    await rest(theirs, '/connections', { method: 'POST', json: { integrationKey: 'github' } });
    await reader.waitFor(3);
    expect(updates(reader.messages)[0]?.[0]).toBe('connection');
  });

  it('honours the unauthenticated fault with a 401', async () => {
    const token = await fetchToken(emulator());
    emulator().faults.set({ unauthenticated: true });
    expect((await fetch(`${emulator().apiUri}/sse/workspace?token=${token}`)).status).toBe(401);
  });
});

describe('emulator GET /sse/workspace timers (in-process app, fake timers)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a comment heartbeat every 15 s and ends the stream when the token expires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const app = createEmulatorApp();
    const token = await signToken({ id: 'demo-customer' }, { expiresIn: '40s' });
    const response = await app.fetch(new Request(`http://emulator.test/sse/workspace?token=${token}`));
    expect(response.status).toBe(200);
    const reader = readStream(response);
    let ended = false;
    void reader.ended.then(() => (ended = true));
    const flush = async (): Promise<void> => {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    };
    await flush();
    expect(reader.comments).toEqual([]);
    await vi.advanceTimersByTimeAsync(15_000);
    await flush();
    expect(reader.comments).toEqual([': heartbeat']);
    await vi.advanceTimersByTimeAsync(15_000);
    await flush();
    expect(reader.comments).toHaveLength(2);
    expect(ended).toBe(false);
    await vi.advanceTimersByTimeAsync(11_000);
    await flush();
    await reader.ended;
    expect(ended).toBe(true);
  });

  it('in-process fetch (what the MSW handlers run) streams element updates too', async () => {
    const app = createEmulatorApp();
    const token = await signToken({ id: 'demo-customer' });
    const reader = readStream(await app.fetch(new Request(`http://emulator.test/sse/workspace?token=${token}`)));
    await reader.waitFor(1);
    app.store.updateConnection(HUBSPOT.connectionId, { disconnected: true });
    await reader.waitFor(3);
    expect(updates(reader.messages)).toEqual([
      ['connection', HUBSPOT.connectionId],
      ['integration', HUBSPOT.integrationId],
    ]);
    reader.close();
  });
});
