/**
 * The `connect.*` events, in custom and prebuilt mode, against the emulator's MSW handlers:
 * failures arrive as `['connect.started', 'connect.failed']` with the same error in both modes,
 * and a connect started before the integration loaded waits for it instead of failing.
 */
import { IntegrationAccessor, IntegrationAppClient, IntegrationAppError } from '@integration-app/sdk';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { KitError } from '../../src/core/errors/KitError.ts';
import { ConnectButton, useConnect, type MembraneKitEvent } from '../../src/index.ts';
import { answerPopup, captureForms, fakePopup } from './connectPopupHelpers.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, server, fetchToken, requests } = startKitTestEnvironment();

const CONSENT_FAILURE = 'GitHub rejected the authorization request (emulated consent failure).';

/** The `connect.failed` event both modes must produce for the emulator's consent failure. */
function consentFailure(mode: 'custom' | 'prebuilt') {
  return {
    type: 'connect.failed',
    integrationKey: 'github',
    mode,
    reconnect: false,
    error: expect.objectContaining({
      name: 'KitError',
      code: 'auth',
      message: CONSENT_FAILURE,
      data: { type: 'connection', message: CONSENT_FAILURE },
    }),
  };
}

async function renderGitHubButton(mode: 'custom' | 'prebuilt', onError = vi.fn()) {
  const events: MembraneKitEvent[] = [];
  render(
    <ConnectButton
      integrationKey="github"
      mode={mode}
      sdk={IntegrationAppClient}
      fetchToken={fetchToken}
      apiUri={API_URI}
      onError={onError}
      onEvent={(event) => events.push(event)}
    />,
  );
  const button = await screen.findByRole('button', { name: 'Connect GitHub' });
  await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
  return { button, events, onError };
}

describe('connect.failed', () => {
  it('custom mode: the popup reports the emulator’s consent failure', async () => {
    emulator.faults.set({ consent: 'fail' });
    vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const user = userEvent.setup();
    const { button, events, onError } = await renderGitHubButton('custom');

    await user.click(button);
    await waitFor(() => expect(forms).toHaveLength(1));
    const message = await act(() => answerPopup(forms[0]!));
    expect(message).toMatchObject({ type: 'newConnectionFailure', requestId: forms[0]!.payload.requestId });

    await waitFor(() => expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.failed']));
    expect(events[0]).toEqual({ type: 'connect.started', integrationKey: 'github', mode: 'custom', reconnect: false });
    expect(events[1]).toEqual(consentFailure('custom'));
    expect((events[1] as { error: unknown }).error).toBeInstanceOf(KitError);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(emulator.store.findConnections({ integrationId: emulator.store.findIntegration('github')!.id })).toHaveLength(0);
  });

  it('prebuilt mode: openNewConnection rejects with the same failure, and the event has the same shape', async () => {
    emulator.faults.set({ consent: 'fail' });
    // The SDK's hosted UI runs in an iframe that jsdom cannot load, so the SDK boundary is mocked.
    // It rejects the way the SDK does, with the body the emulator's connect UI answers for this fault.
    const token = await fetchToken();
    const answer = await fetch(`${API_URI}/ui/api/connect`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ integration: 'github' }),
    });
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as ConstructorParameters<typeof IntegrationAppError>[0];
    const openNewConnection = vi.spyOn(IntegrationAccessor.prototype, 'openNewConnection').mockRejectedValue(new IntegrationAppError(body));
    const user = userEvent.setup();
    const { button, events, onError } = await renderGitHubButton('prebuilt');

    await user.click(button);
    await waitFor(() => expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.failed']));
    expect(openNewConnection).toHaveBeenCalledTimes(1);
    expect(events[0]).toEqual({ type: 'connect.started', integrationKey: 'github', mode: 'prebuilt', reconnect: false });
    expect(events[1]).toEqual(consentFailure('prebuilt'));
    expect((events[1] as { error: unknown }).error).toBeInstanceOf(KitError);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'auth', message: CONSENT_FAILURE }));
    await waitFor(() => expect(button).not.toHaveAttribute('data-busy'));
  });
});

/** A custom trigger from `useConnect`, clickable before the integration has loaded. */
function EarlyConnect({ onEvent }: { onEvent: (event: MembraneKitEvent) => void }) {
  const { connect, status, error } = useConnect('github', { fetchToken, apiUri: API_URI, onEvent });
  return (
    <>
      <button type="button" onClick={() => connect({ authOptionKey: 'oauth2' })}>
        Connect early
      </button>
      <output>{error ? `${status}: ${error.code}` : status}</output>
    </>
  );
}

describe('connect before the integration has loaded', () => {
  it('opens the popup inside the click, waits for the integration, then runs the flow', async () => {
    emulator.faults.set({ latencyMs: 300, consent: 'allow' });
    const open = vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const events: MembraneKitEvent[] = [];
    render(<EarlyConnect onEvent={(event) => events.push(event)} />);

    // The list has not answered yet: the click happens before anything is known.
    act(() => screen.getByRole('button', { name: 'Connect early' }).click());
    expect(open).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('connecting');

    await waitFor(() => expect(forms).toHaveLength(1), { timeout: 3000 });
    expect(forms[0]!.target).toBe(open.mock.calls[0]![1]);
    expect(forms[0]!.action).toBe(`${API_URI}/connect`);
    expect(forms[0]!.payload).toMatchObject({ integrationId: emulator.store.findIntegration('github')!.id, authOptionKey: 'oauth2' });
    // Nothing was cached at the click: the popup opened first, then one /connection-options request.
    expect(requests('POST', '/connection-options')).toBe(1);
    await act(() => answerPopup(forms[0]!));

    await waitFor(() => expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.succeeded']), { timeout: 3000 });
    expect(screen.getByRole('status')).toHaveTextContent('idle');
    expect(emulator.store.findConnections({ integrationId: emulator.store.findIntegration('github')!.id })).toHaveLength(1);
  });

  it('fails with the lookup’s own code (network), not invalid_parameters, and closes the popup', async () => {
    server.use(
      http.get(`${API_URI}/integrations`, () => HttpResponse.error()),
      http.get(`${API_URI}/integrations/:key`, () => HttpResponse.error()),
    );
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    const forms = captureForms();
    const events: MembraneKitEvent[] = [];
    render(<EarlyConnect onEvent={(event) => events.push(event)} />);

    act(() => screen.getByRole('button', { name: 'Connect early' }).click());
    // Network failures are retried twice (about 3 s) before the flow gives up.
    await waitFor(() => expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.failed']), { timeout: 10_000 });
    expect(events[1]).toMatchObject({ type: 'connect.failed', integrationKey: 'github', mode: 'custom', error: { code: 'network' } });
    expect(screen.getByRole('status')).toHaveTextContent('error: network');
    expect(popup.close).toHaveBeenCalled();
    expect(forms).toHaveLength(0);
  }, 15_000);
});
