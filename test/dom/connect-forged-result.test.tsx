/**
 * A popup result that fails confirmation (issue 11, item 15): the message passed the origin and
 * request-id checks, but the connection it names belongs to another integration (or does not
 * exist). The flow keeps listening for the real result, so such a message can neither fake a
 * success nor cancel a real connect; if the window then closes or times out with no confirmed
 * result, the flow fails with the confirmation's error and the popup is closed.
 */
import { act, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConnectButton, type MembraneKitEvent } from '../../src/index.ts';
import { API_ORIGIN, answerPopup, captureForms, fakePopup, postFrom } from './connectPopupHelpers.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken, requests } = startKitTestEnvironment();

// Two cores shared by many runs: give the emulator round trips room.
configure({ asyncUtilTimeout: 5000 });

const HUBSPOT_CONNECTION = '65a1f0c2d4e5f60718293c01';

async function startGitHubConnect() {
  const popup = fakePopup();
  vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
  const forms = captureForms();
  const events: MembraneKitEvent[] = [];
  const onConnected = vi.fn();
  const onError = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConnectButton
      integrationKey="github"
      fetchToken={fetchToken}
      apiUri={API_URI}
      onConnected={onConnected}
      onError={onError}
      onCancel={onCancel}
      onEvent={(event) => events.push(event)}
    />,
  );
  const button = await screen.findByRole('button', { name: 'Connect GitHub' }, { timeout: 10_000 });
  await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
  await userEvent.setup().click(button);
  await waitFor(() => expect(forms).toHaveLength(1));
  const requestId = forms[0]!.payload.requestId as string;
  return { popup, forms, events, onConnected, onError, onCancel, button, requestId };
}

/** A success message that passes the listener's checks but names HubSpot's connection. */
function postForgedSuccess(requestId: string, connectionId = HUBSPOT_CONNECTION) {
  act(() => postFrom(API_ORIGIN, { source: 'integration.app', requestId, type: 'newConnectionCreated', connection: { id: connectionId } }));
}

describe('a popup result that fails confirmation', () => {
  it('does not end the flow: the popup stays open and the real Allow still connects', async () => {
    emulator.faults.set({ consent: 'allow' });
    const flow = await startGitHubConnect();

    postForgedSuccess(flow.requestId);
    await waitFor(() => expect(requests('GET', `/connections/${HUBSPOT_CONNECTION}`)).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(flow.onError).not.toHaveBeenCalled();
    expect(flow.onConnected).not.toHaveBeenCalled();
    expect(flow.popup.close).not.toHaveBeenCalled();
    expect(flow.button).toHaveAttribute('data-busy');

    // The user clicks Allow in the popup: the real result arrives and is taken.
    await act(() => answerPopup(flow.forms[0]!));
    await waitFor(() => expect(flow.onConnected).toHaveBeenCalledTimes(1));
    const connection = flow.onConnected.mock.calls[0]![0] as { id: string; integrationId: string };
    expect(connection.id).not.toBe(HUBSPOT_CONNECTION);
    expect(connection.integrationId).toBe(emulator.store.findIntegration('github')!.id);
    expect(flow.events.map((event) => event.type)).toEqual(['connect.started', 'connect.succeeded']);
    expect(flow.onError).not.toHaveBeenCalled();
  });

  it('a repeat of the refused message (the SSE mirror) is not confirmed again', async () => {
    const flow = await startGitHubConnect();
    postForgedSuccess(flow.requestId);
    postForgedSuccess(flow.requestId);
    await waitFor(() => expect(requests('GET', `/connections/${HUBSPOT_CONNECTION}`)).toBe(1));
    postForgedSuccess(flow.requestId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests('GET', `/connections/${HUBSPOT_CONNECTION}`)).toBe(1);
    expect(flow.onError).not.toHaveBeenCalled();
    act(() => flow.popup.close());
    await waitFor(() => expect(flow.onError).toHaveBeenCalledTimes(1), { timeout: 3000 });
  });

  it('when the window then closes with no confirmed result, fails with the confirmation error, not as cancelled', async () => {
    const flow = await startGitHubConnect();
    postForgedSuccess(flow.requestId);
    await waitFor(() => expect(requests('GET', `/connections/${HUBSPOT_CONNECTION}`)).toBe(1));
    act(() => flow.popup.close());
    await waitFor(() => expect(flow.onError).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(flow.onError.mock.calls[0]![0]).toMatchObject({ name: 'KitError', code: 'server', message: expect.stringMatching(/different integration/) });
    expect(flow.onCancel).not.toHaveBeenCalled();
    expect(flow.onConnected).not.toHaveBeenCalled();
    expect(flow.events.map((event) => event.type)).toEqual(['connect.started', 'connect.failed']);
  });

  it('a real failure message still ends the flow at once and closes the popup', async () => {
    emulator.faults.set({ consent: 'fail' });
    const flow = await startGitHubConnect();
    postForgedSuccess(flow.requestId, '65a1f0c2d4e5f6071829ffff');
    await act(() => answerPopup(flow.forms[0]!));
    await waitFor(() => expect(flow.onError).toHaveBeenCalledTimes(1));
    expect(flow.onError.mock.calls[0]![0]).toMatchObject({ code: 'auth' });
    expect(flow.popup.close).toHaveBeenCalled();
  });
});
