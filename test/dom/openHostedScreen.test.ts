/**
 * The kit's own penpal v6 parent for Membrane 0.28's hosted screens (openHostedScreen), in jsdom:
 * the form POST, the handshake, origin and source checks, close paths and the SDK's timeouts.
 * The screen itself (a real child in a real iframe) is covered in Chromium:
 * test/browser/screens-hosted-ui.browser.test.ts.
 */
import { MembraneClient } from '@membranehq/sdk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostedUi } from '../../src/core/api/sdk/createHostedUi.ts';
import { openHostedScreen } from '../../src/core/api/screens/openHostedScreen.ts';
import { screensHostedUi } from '../../src/core/api/screens/screensHostedUi.ts';
import type { TokenManager } from '../../src/core/token/types.ts';

const API = 'https://api.membrane.test';
const URL_CONNECT = `${API}/screens/connect`;

interface PostedForm {
  action: string;
  method: string;
  target: string;
  fields: Record<string, string>;
}

let posted: PostedForm[];
beforeEach(() => {
  posted = [];
  // jsdom cannot navigate an iframe: record what would be posted instead.
  vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
    posted.push({
      action: this.action,
      method: this.method,
      target: this.target,
      fields: Object.fromEntries(Array.from(this.querySelectorAll('input'), (input) => [input.name, input.value])),
    });
  });
});
afterEach(() => {
  document.querySelectorAll('[data-mk-hosted-screen]').forEach((element) => element.remove());
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const overlay = () => document.querySelector<HTMLElement>('[data-mk-hosted-screen]');
const frame = () => overlay()!.querySelector('iframe')!;

/** A message as the screen (or a forger) would post it to this window. */
function fromChild(data: unknown, { origin = API, source = frame().contentWindow as Window | null } = {}) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

/** Opens a screen and spies on what the parent posts back to the iframe. */
function open(fields: Record<string, string | undefined> = { token: 'tok', integrationKey: 'hubspot' }) {
  const screen = openHostedScreen({ url: URL_CONNECT, fields });
  const replies = vi.spyOn(frame().contentWindow!, 'postMessage');
  let settled: unknown = 'pending';
  void screen.result.then((value) => (settled = value));
  return { screen, replies, settled: () => settled };
}

function handshake() {
  fromChild({ penpal: 'syn' });
  fromChild({ penpal: 'ack', methodNames: [] });
  fromChild({ penpal: 'call', id: 1, methodName: 'handshake', args: [] });
}

describe('openHostedScreen', () => {
  it('posts the fields into the overlay iframe (the token in the body, undefined left out) and moves focus in', () => {
    const opener = document.body.appendChild(document.createElement('button'));
    opener.focus();
    open({ token: 'tok', integrationKey: 'hubspot', allowMultipleConnections: '', theme: undefined });
    expect(posted).toEqual([
      { action: URL_CONNECT, method: 'post', target: frame().name, fields: { token: 'tok', integrationKey: 'hubspot', allowMultipleConnections: '' } },
    ]);
    expect(frame().src).toBe('');
    expect(overlay()).toHaveAttribute('role', 'dialog');
    expect(overlay()).toHaveAttribute('aria-modal', 'true');
    expect(document.activeElement).toBe(overlay());
    expect(document.querySelector('form')).toBeNull();
  });

  it('answers syn with synAck, takes calls after ack, resolves with onSuccess’s connection on close, and cleans up', async () => {
    const opener = document.body.appendChild(document.createElement('button'));
    opener.focus();
    const { screen, replies } = open();
    fromChild({ penpal: 'call', id: 9, methodName: 'close', args: [] }); // before any handshake: ignored
    expect(overlay()).not.toBeNull();
    fromChild({ penpal: 'syn' });
    expect(replies).toHaveBeenCalledWith({ penpal: 'synAck', methodNames: ['handshake', 'onSuccess', 'onClose', 'close'] }, API);
    fromChild({ penpal: 'ack', methodNames: [] });
    fromChild({ penpal: 'call', id: 1, methodName: 'handshake', args: [] });
    expect(overlay()!.querySelector('[data-slot="loader"]')).toBeNull();
    fromChild({ penpal: 'call', id: 2, methodName: 'onSuccess', args: [{ id: 'conn_1', name: 'HubSpot' }] });
    expect(replies).toHaveBeenCalledWith({ penpal: 'reply', id: 2, resolution: 'fulfilled', returnValue: undefined }, API);
    fromChild({ penpal: 'call', id: 3, methodName: 'close', args: [] });
    await expect(screen.result).resolves.toEqual({ id: 'conn_1', name: 'HubSpot' });
    expect(overlay()).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('ignores messages from another origin or another window, even well-formed ones', async () => {
    const { replies, settled } = open();
    fromChild({ penpal: 'syn' }, { origin: 'https://evil.test' });
    fromChild({ penpal: 'syn' }, { source: window });
    expect(replies).not.toHaveBeenCalled();
    handshake();
    fromChild({ penpal: 'call', id: 2, methodName: 'onSuccess', args: [{ id: 'forged' }] }, { origin: 'https://evil.test' });
    fromChild({ penpal: 'call', id: 3, methodName: 'close', args: [] }, { source: window });
    fromChild({ penpal: 'call', id: 4, methodName: 'close', args: [] }, { origin: 'https://evil.test' });
    await Promise.resolve();
    expect(overlay()).not.toBeNull();
    expect(settled()).toBe('pending');
    fromChild({ penpal: 'call', id: 5, methodName: 'close', args: [] });
    await vi.waitFor(() => expect(settled()).toBeNull());
  });

  it('rejects unknown methods and survives a re-handshake after the screen navigates', async () => {
    const { screen, replies } = open();
    handshake();
    fromChild({ penpal: 'call', id: 2, methodName: 'eval', args: ['x'] });
    expect(replies).toHaveBeenCalledWith(expect.objectContaining({ id: 2, resolution: 'rejected' }), API);
    fromChild({ penpal: 'syn' }); // a new document in the iframe
    fromChild({ penpal: 'call', id: 1, methodName: 'close', args: [] }); // not acked yet: ignored
    expect(overlay()).not.toBeNull();
    fromChild({ penpal: 'ack', methodNames: [] });
    fromChild({ penpal: 'call', id: 1, methodName: 'onSuccess', args: [{ id: 'conn_2' }] });
    fromChild({ penpal: 'call', id: 2, methodName: 'onClose', args: [] });
    await expect(screen.result).resolves.toEqual({ id: 'conn_2' });
  });

  it('keeps focus inside while open and the page from scrolling, and restores both', async () => {
    const outside = document.body.appendChild(document.createElement('button'));
    document.documentElement.style.overflow = 'auto';
    const { screen } = open();
    expect(document.documentElement.style.overflow).toBe('hidden');
    outside.focus();
    expect(document.activeElement).toBe(overlay());
    screen.close();
    await screen.result;
    expect(document.documentElement.style.overflow).toBe('auto');
    outside.focus();
    expect(document.activeElement).toBe(outside);
  });

  it('Escape closes with null', async () => {
    const { screen } = open();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await expect(screen.result).resolves.toBeNull();
    expect(overlay()).toBeNull();
  });

  it('opening a second screen closes the first and resolves it with null', async () => {
    const first = open();
    const second = openHostedScreen({ url: URL_CONNECT, fields: { token: 'tok' } });
    await expect(first.screen.result).resolves.toBeNull();
    expect(document.querySelectorAll('[data-mk-hosted-screen]')).toHaveLength(1);
    second.close();
    await expect(second.result).resolves.toBeNull();
  });

  it('shows "Taking longer" at 5 s and "Unable to connect" at 30 s, and still resolves when the user closes it', async () => {
    vi.useFakeTimers();
    const { settled } = open();
    vi.advanceTimersByTime(4_999);
    expect(overlay()!.querySelector('[data-slot="notice"]')).toBeNull();
    vi.advanceTimersByTime(1);
    expect(overlay()!.querySelector('[data-slot="notice"]')).toHaveTextContent('Taking longer than expected');
    vi.advanceTimersByTime(25_000);
    const notice = overlay()!.querySelector<HTMLElement>('[data-slot="notice"]')!;
    expect(notice).toHaveTextContent('Unable to connect');
    expect(notice).toHaveAttribute('role', 'alert');
    expect(settled()).toBe('pending');
    const close = notice.querySelector('button')!;
    expect(document.activeElement).toBe(close);
    close.click();
    await vi.waitFor(() => expect(settled()).toBeNull());
  });

  it('fails 3 s after a load without a handshake; a handshake in time stops every timer', async () => {
    vi.useFakeTimers();
    const slow = open();
    frame().dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(3_000);
    expect(overlay()!.querySelector('[data-slot="notice"]')).toHaveTextContent('Unable to connect');
    slow.screen.close();

    open();
    frame().dispatchEvent(new Event('load'));
    handshake();
    vi.advanceTimersByTime(60_000);
    expect(overlay()!.querySelector('[data-slot="notice"]')).toBeNull();
  });
});

describe('screensHostedUi', () => {
  const tokenManager = { getToken: () => Promise.resolve('tok') } as unknown as TokenManager;

  it('connect posts /screens/connect with the SDK’s fields; reconnect posts the connectionId; the result is { connectionId }', async () => {
    const ui = screensHostedUi({ tokenManager, apiUri: `${API}/` });
    expect(ui.generation).toBe('screens');
    const connecting = ui.connect({ integrationKey: 'hubspot', allowMultipleConnections: true, theme: 'dark' });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ action: URL_CONNECT, fields: { token: 'tok', integrationKey: 'hubspot', allowMultipleConnections: '1', theme: 'dark' } });
    handshake();
    fromChild({ penpal: 'call', id: 2, methodName: 'onSuccess', args: [{ id: 'conn_9' }] });
    fromChild({ penpal: 'call', id: 3, methodName: 'close', args: [] });
    await expect(connecting).resolves.toEqual({ connectionId: 'conn_9' });

    const reconnecting = ui.reconnect({ connectionId: 'conn_9', integrationKey: 'hubspot' });
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]!.fields).toEqual({ token: 'tok', connectionId: 'conn_9', allowMultipleConnections: '' });
    overlay()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await expect(reconnecting).resolves.toBeNull();
  });

  it('takes the theme of the focused kit element (system → auto) and refuses manage() without an SDK', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    root.setAttribute('data-mk-theme', 'system');
    root.appendChild(document.createElement('button')).focus();
    const ui = screensHostedUi({ tokenManager, apiUri: API });
    const connecting = ui.connect({ integrationKey: 'hubspot' });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.fields).toMatchObject({ theme: 'auto', allowMultipleConnections: '' });
    overlay()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await connecting;
    await expect(ui.manage()).rejects.toMatchObject({ name: 'KitError', code: 'invalid_parameters', message: expect.stringContaining('sdk option') });
  });

  it('is what createHostedUi gives without an sdk; with sdk={MembraneClient} the SDK adapter is used', async () => {
    const options = { tokenManager, apiUri: API, uiUri: 'https://ui.membrane.test' };
    expect((await createHostedUi(options)()).generation).toBe('screens');
    expect((await createHostedUi({ ...options, sdk: MembraneClient })()).generation).toBe('0.28');
    expect((await createHostedUi({ ...options, sdk: () => import('@membranehq/sdk') })()).generation).toBe('0.28');
  });
});
