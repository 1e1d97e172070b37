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
