// A ConnectButton must not offer "Connect" before it knows the integration's state: on a slow
// network a connected app read "Connect hubspot" (and started a connect on click) until the list
// answered, then flipped to "Connected".
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConnectButton, MembraneKitProvider, type MembraneKitEvent } from '../../src/index.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken } = startKitTestEnvironment();

const button = () => document.querySelector<HTMLElement>('[data-slot="connect-button"]')!;

function renderButton(integrationKey: string, events: MembraneKitEvent[] = []) {
  return render(
    <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI} onEvent={(event) => events.push(event)}>
      <ConnectButton integrationKey={integrationKey} />
    </MembraneKitProvider>,
  );
}

describe('ConnectButton before its integration has loaded', () => {
  it('is busy and inert (data-state="loading"), then shows the real state: no "Connect" flash for a connected app', async () => {
    emulator.faults.set({ latencyMs: 300 });
    const opened = vi.spyOn(window, 'open');
    const events: MembraneKitEvent[] = [];
    renderButton('hubspot', events);
    expect(button()).toHaveAttribute('data-state', 'loading');
    expect(button()).toHaveAttribute('aria-busy', 'true');
    expect(button()).toHaveAttribute('aria-disabled', 'true');
    expect(button()).toHaveAttribute('data-action', 'none');
    // Named by its visible text only, so nothing finds it as "Connect hubspot" before the state is known.
    expect(button()).toHaveAccessibleName('Connect');
    await userEvent.click(button());
    expect(opened).not.toHaveBeenCalled();
    expect(events.filter((event) => event.type === 'connect.started')).toEqual([]);
    await waitFor(() => expect(button()).toHaveAttribute('data-state', 'connected'));
    expect(button()).toHaveTextContent('Connected');
    expect(button()).not.toHaveAttribute('aria-busy');
  });

  it('becomes a working Connect button once a not-connected app has loaded', async () => {
    renderButton('github');
    expect(button()).toHaveAttribute('data-state', 'loading');
    const connect = await screen.findByRole('button', { name: 'Connect GitHub' });
    expect(connect).toHaveAttribute('data-state', 'not-connected');
    expect(connect).not.toHaveAttribute('aria-disabled');
    expect(connect).toHaveAttribute('data-action', 'connect');
  });

  it('still offers Connect when the status could not be loaded (a click starts the flow, which says what failed)', async () => {
    emulator.faults.set({ errors: [{ status: 500, route: 'GET /integrations' }] });
    renderButton('github');
    await waitFor(() => expect(button()).toHaveAttribute('data-state', 'not-connected'), { timeout: 8_000 });
    expect(button()).toHaveAttribute('data-action', 'connect');
    expect(button()).not.toHaveAttribute('aria-busy');
  }, 10_000);
});
