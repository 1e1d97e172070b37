import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectWithPopup } from './connectWithPopup.js';
import type { ConnectPopupHandle } from './openConnectPopup.js';

const apiUri = 'https://api.membrane.test';

function handle(): ConnectPopupHandle & { window: { closed: boolean; close: () => void } } {
  const popup = { closed: false, close: vi.fn(() => (popup.closed = true)) };
  return { requestId: 'req1', name: 'connection-request-req1', window: popup as unknown as Window & typeof popup, blocked: false };
}

afterEach(() => vi.restoreAllMocks());

describe('connectWithPopup', () => {
  it('rejects a blocked popup with popup_blocked', async () => {
    await expect(
      connectWithPopup({ requestId: 'r', name: 'n', window: null, blocked: true }, { apiUri, getToken: async () => 't', integrationId: 'i' }),
    ).rejects.toMatchObject({ code: 'popup_blocked' });
  });

  it('times out, closing the popup and leaving no listener behind', async () => {
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    const removed = vi.spyOn(window, 'removeEventListener');
    const popup = handle();
    await expect(connectWithPopup(popup, { apiUri, getToken: async () => 't', integrationId: 'i', timeoutMs: 50 })).rejects.toMatchObject({
      code: 'timeout',
    });
    expect(popup.window.close).toHaveBeenCalled();
    expect(removed).toHaveBeenCalledWith('message', expect.any(Function));
    expect(document.querySelector('form')).toBeNull();
  });

  it('rejects with the token error when the token cannot be fetched', async () => {
    const popup = handle();
    await expect(
      connectWithPopup(popup, {
        apiUri,
        integrationId: 'i',
        getToken: () => Promise.reject(Object.assign(new Error('fetchToken failed'), { name: 'TokenError', code: 'fetch_failed' })),
      }),
    ).rejects.toMatchObject({ code: 'auth' });
    expect(popup.window.close).toHaveBeenCalled();
  });

  it('is cancelled by its AbortSignal', async () => {
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    const controller = new AbortController();
    const result = connectWithPopup(handle(), { apiUri, getToken: async () => 't', integrationId: 'i', signal: controller.signal });
    controller.abort();
    await expect(result).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('posts the urlencoded payload form to {apiUri}/connect and opens the SSE stream with ?token= before it', async () => {
    const order: string[] = [];
    const streams: string[] = [];
    class FakeEventSource {
      onmessage: ((event: MessageEvent) => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(url: string) {
        order.push('sse');
        streams.push(url);
      }
      close = vi.fn();
    }
    vi.stubGlobal('EventSource', FakeEventSource);
    const forms: Array<{ action: string; target: string; fields: string[]; payload: string }> = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      order.push('form');
      const inputs = [...this.querySelectorAll('input')];
      forms.push({ action: this.action, target: this.target, fields: inputs.map((i) => i.name), payload: inputs[0]!.value });
    });
    const popup = handle();
    const result = connectWithPopup(popup, {
      apiUri,
      getToken: async () => 'tok.en/+=',
      connectionId: 'conn-9',
      integrationId: 'int-ignored-on-reconnect',
      parameters: { apiKey: 'k' },
      authOptionKey: 'api-key',
      allowMultipleConnections: false,
      timeoutMs: 50,
    });
    await expect(result).rejects.toMatchObject({ code: 'timeout' });
    vi.unstubAllGlobals();
    expect(order).toEqual(['sse', 'form']);
    expect(streams).toEqual([`${apiUri}/sse/connection-events/req1?token=tok.en%2F%2B%3D`]);
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ action: `${apiUri}/connect`, target: 'connection-request-req1', fields: ['payload'] });
    expect(forms[0]!.action).not.toContain('tok.en');
    // Keys in SDK 0.28's order; the typed values go in `input`; a reconnect names only the connection.
    expect(Object.keys(JSON.parse(forms[0]!.payload) as object)).toEqual([
      'token',
      'input',
      'connectionId',
      'authOptionKey',
      'allowMultipleConnections',
      'requestId',
    ]);
    expect(JSON.parse(forms[0]!.payload)).toEqual({
      token: 'tok.en/+=',
      input: { apiKey: 'k' },
      connectionId: 'conn-9',
      authOptionKey: 'api-key',
      allowMultipleConnections: false,
      requestId: 'req1',
    });
  });

  it('turns a newConnectionFailure into a KitError that keeps the failed connectionId', async () => {
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    const popup = handle();
    const result = connectWithPopup(popup, { apiUri, getToken: async () => 't', integrationId: 'i' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: apiUri,
        data: {
          source: 'integration.app',
          type: 'newConnectionFailure',
          requestId: 'req1',
          error: 'Denied by user',
          errorData: { type: 'connection', key: 'access_denied', message: 'Denied by user' },
          connectionId: 'conn-9',
        },
      }),
    );
    const error = await result.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: 'auth',
      message: 'Denied by user',
      data: { type: 'connection', key: 'access_denied', data: { connectionId: 'conn-9' } },
    });
    expect(popup.window.close).toHaveBeenCalled();
  });

  it('rejects a success message without a connection id', async () => {
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    const result = connectWithPopup(handle(), { apiUri, getToken: async () => 't', integrationId: 'i' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    window.dispatchEvent(
      new MessageEvent('message', { origin: apiUri, data: { source: 'integration.app', type: 'newConnectionCreated', requestId: 'req1', connection: {} } }),
    );
    await expect(result).rejects.toMatchObject({ code: 'server' });
  });
});
