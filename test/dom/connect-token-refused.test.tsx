/**
 * Issue 11 item 1: a `not_authenticated` answer from the connect popup must drop the token, so
 * the user's next Connect click fetches a new one instead of failing with "Token expired" again.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConnectButton, type MembraneKitEvent } from '../../src/index.ts';
import { answerPopup, captureForms, fakePopup } from './connectPopupHelpers.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken } = startKitTestEnvironment();

describe('a token refused by the connect popup', () => {
  it('is dropped: the next Connect click fetches a new token and connects', async () => {
    emulator.faults.set({ consent: 'allow' });
    vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const events: MembraneKitEvent[] = [];
    const tokens = vi.fn(fetchToken);
    const user = userEvent.setup();
    render(<ConnectButton integrationKey="github" fetchToken={tokens} apiUri={API_URI} onEvent={(event) => events.push(event)} />);
    const button = await screen.findByRole('button', { name: 'Connect GitHub' }, { timeout: 5_000 });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    const fetchesBefore = tokens.mock.calls.length;

    await user.click(button);
    await waitFor(() => expect(forms).toHaveLength(1));
    // Membrane refuses the token only when the popup posts it (as with a token that just expired).
    emulator.faults.set({ unauthenticated: true });
    await act(() => answerPopup(forms[0]!));
    await waitFor(() => expect(events.at(-1)).toMatchObject({ type: 'connect.failed', error: { code: 'auth' } }));
    expect(tokens.mock.calls.length).toBe(fetchesBefore);

    emulator.faults.set({ unauthenticated: false });
    await user.click(await screen.findByRole('button', { name: /GitHub/ }));
    await waitFor(() => expect(forms).toHaveLength(2));
    expect(tokens.mock.calls.length).toBe(fetchesBefore + 1);
    await act(() => answerPopup(forms[1]!));
    await waitFor(() => expect(events.at(-1)).toMatchObject({ type: 'connect.succeeded' }));
  });
});
