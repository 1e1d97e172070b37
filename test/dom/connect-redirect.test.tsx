/**
 * The same-window connect, hardened (issue 11, item 5): a result is taken only when the URL carries
 * the request id of the marker this tab stored, the marker expires after 15 minutes, a
 * `?connectionId=` of another integration is refused as in the popup flow, and the kit's URL
 * parameters are removed after reading. Runs against the emulator's MSW handlers.
 */
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REDIRECT_MARKER_KEY } from '../../src/core/connect/REDIRECT_MARKER_KEY.ts';
import { ConnectButton, resetSharedKits, type MembraneKitEvent } from '../../src/index.ts';
import { captureForms } from './connectPopupHelpers.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken, requests } = startKitTestEnvironment();

// Two cores shared by many runs: give the emulator round trips room.
configure({ asyncUtilTimeout: 5000 });

const HUBSPOT_CONNECTION = '65a1f0c2d4e5f60718293c01';
const SALESFORCE_CONNECTION = '65a1f0c2d4e5f60718293c02';

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

function storeMarker(integrationKey: string, requestId = 'r1', startedAt = Date.now()) {
  sessionStorage.setItem(REDIRECT_MARKER_KEY, JSON.stringify({ integrationKey, requestId, startedAt }));
}

function renderButton(integrationKey: string, redirectUri?: string) {
  const events: MembraneKitEvent[] = [];
  const onConnected = vi.fn();
  const onError = vi.fn();
  render(
    <ConnectButton
      integrationKey={integrationKey}
      fetchToken={fetchToken}
      apiUri={API_URI}
      redirectUri={redirectUri}
      onConnected={onConnected}
      onError={onError}
      onEvent={(event) => events.push(event)}
    />,
  );
  return { events, onConnected, onError };
}

/** Lets the flow act on the URL (claim, confirm) before asserting that it did nothing. */
async function settle(integrationName: string) {
  const button = await screen.findByRole('button', { name: `Connect ${integrationName}` }, { timeout: 10_000 });
  await waitFor(() => expect(button).not.toHaveAttribute('data-state', 'loading'));
  await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('same-window connect: what the page takes as a result', () => {
  it('refuses a ?connectionId= of another integration’s connection, as the popup flow does', async () => {
    storeMarker('hubspot');
    window.history.pushState(null, '', `/settings?connectionId=${SALESFORCE_CONNECTION}&mk_connect=r1`);
    const { events, onConnected, onError } = renderButton('hubspot');
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toMatchObject({ name: 'KitError', code: 'server' });
    expect(onConnected).not.toHaveBeenCalled();
    expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.failed']);
    // Read once and cleaned all the same: a reload does not replay it.
    expect(window.location.search).toBe('');
    expect(sessionStorage.getItem(REDIRECT_MARKER_KEY)).toBeNull();
  });

  it('loads the integration to check the connection when it is not known yet', async () => {
    storeMarker('hubspot');
    window.history.pushState(null, '', `/settings?connectionId=${HUBSPOT_CONNECTION}&mk_connect=r1`);
    const { onConnected, onError } = renderButton('hubspot');
    await waitFor(() => expect(onConnected).toHaveBeenCalledWith(expect.objectContaining({ id: HUBSPOT_CONNECTION })));
    expect(onError).not.toHaveBeenCalled();
  });

  it('after an abandoned redirect, the app’s own ?error= is not a connect result', async () => {
    storeMarker('github');
    window.history.pushState(null, '', '/settings?error=quota&errorData=%7B%7D');
    const { events, onError } = renderButton('github');
    await settle('GitHub');
    expect(onError).not.toHaveBeenCalled();
    expect(events).toEqual([]);
    expect(window.location.search).toBe('?error=quota&errorData=%7B%7D');
  });

  it('ignores a result whose request id is not the marker’s (another tab’s or an old link)', async () => {
    storeMarker('hubspot', 'r1');
    window.history.pushState(null, '', `/settings?connectionId=${HUBSPOT_CONNECTION}&mk_connect=r0`);
    const { events, onConnected } = renderButton('hubspot');
    await screen.findByRole('button', { name: /HubSpot/ }, { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(onConnected).not.toHaveBeenCalled();
    expect(events).toEqual([]);
    expect(requests('GET', `/connections/${HUBSPOT_CONNECTION}`)).toBe(0);
  });

  it('drops a marker older than 15 minutes instead of keeping it for an hour', async () => {
    storeMarker('github', 'r1', Date.now() - 20 * 60_000);
    window.history.pushState(null, '', '/settings?error=Access%20denied&mk_connect=r1');
    const { events, onError } = renderButton('github');
    await settle('GitHub');
    expect(onError).not.toHaveBeenCalled();
    expect(events).toEqual([]);
    expect(sessionStorage.getItem(REDIRECT_MARKER_KEY)).toBeNull();
  });

  it('round trip: the redirectUri it sends carries the request id, and the page Membrane sends back is taken', async () => {
    emulator.faults.set({ consent: 'allow' });
    const forms = captureForms();
    const user = userEvent.setup();
    window.history.pushState(null, '', '/settings?tab=apps');
    const first = renderButton('github', `${location.origin}/settings?tab=apps`);
    const button = await screen.findByRole('button', { name: 'Connect GitHub' }, { timeout: 10_000 });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await user.click(button);
    await waitFor(() => expect(forms).toHaveLength(1));
    expect(forms[0]!.target).toBe('_self');
    const { requestId, redirectUri } = forms[0]!.payload as { requestId: string; redirectUri: string };
    expect(new URL(redirectUri).searchParams.get('mk_connect')).toBe(requestId);
    expect(new URL(redirectUri).searchParams.get('tab')).toBe('apps');
    expect(JSON.parse(sessionStorage.getItem(REDIRECT_MARKER_KEY)!)).toMatchObject({ integrationKey: 'github', requestId });
    expect(first.onConnected).not.toHaveBeenCalled();

    // What the browser does: POST the form, let the consent page answer (its script, the emulator's
    // consent fault), follow Membrane's 303 back to the app (a new page load).
    const post = (url: string, fields: Record<string, string>) =>
      fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
    let answer = await post(forms[0]!.action, { payload: JSON.stringify(forms[0]!.payload) });
    if (answer.status === 200) {
      const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
      const consent = page.querySelector<HTMLFormElement>('form#consent')!;
      const decision = /d\.value="(\w+)"/.exec(page.querySelector('script')?.textContent ?? '')![1]!;
      const consentId = consent.querySelector<HTMLInputElement>('input[name="consentId"]')!.value;
      answer = await post(new URL(consent.getAttribute('action')!, forms[0]!.action).toString(), { consentId, decision });
    }
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get('location')!);
    expect(back.searchParams.get('mk_connect')).toBe(requestId);
    // A new page load: a new kit, which reads the URL afresh.
    cleanup();
    resetSharedKits();
    window.history.replaceState(null, '', `${back.pathname}${back.search}`);

    const second = renderButton('github', `${location.origin}/settings?tab=apps`);
    await waitFor(() => expect(second.onConnected).toHaveBeenCalledTimes(1));
    expect(second.events.map((event) => event.type)).toEqual(['connect.started', 'connect.succeeded']);
    expect(window.location.search).toBe('?tab=apps');
    expect(sessionStorage.getItem(REDIRECT_MARKER_KEY)).toBeNull();
  });
});
