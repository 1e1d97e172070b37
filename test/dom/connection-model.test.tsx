/**
 * The Membrane 0.28 connection model in the components (membrane-sdk-0.28.md §3): needs-action
 * (both client actions), setting-up, disconnecting, connected with a warning and defunct, each put
 * on HubSpot's seed connection through the emulator's `PATCH /_emulator/connections/:selector`.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConnectButton, ConnectionStatus, IntegrationsList, MembraneKitProvider } from '../../src/index.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken } = startKitTestEnvironment();

async function setHubSpot(status: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${API_URI}/_emulator/connections/hubspot`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(status),
  });
  if (!response.ok) throw new Error(`PATCH /_emulator/connections/hubspot answered ${response.status}: ${await response.text()}`);
}

function renderAll(labels?: Parameters<typeof MembraneKitProvider>[0]['labels']) {
  render(
    <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI} labels={labels}>
      <ConnectionStatus integrationKey="hubspot" showReconnect />
      <ConnectButton integrationKey="hubspot" data-testid="standalone" />
      <IntegrationsList />
    </MembraneKitProvider>,
  );
}

const status = () => document.querySelector<HTMLElement>('[data-slot="connection-status"]')!;
async function hubspotRow(): Promise<HTMLElement> {
  const list = await screen.findByRole('list', { name: 'Integrations' });
  return within(list)
    .getAllByRole('listitem')
    .find((item) => item.dataset.integrationKey === 'hubspot')!;
}
const rowButtons = (row: HTMLElement) =>
  Array.from(row.querySelectorAll('[data-slot="integrations-list-action"] button')).map((button) => button.getAttribute('aria-label'));

describe('needs-action (CLIENT_ACTION_REQUIRED)', () => {
  it('clientAction connect: "Needs action" with the description, and Reconnect on the existing connection everywhere', async () => {
    await setHubSpot({ state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect', description: 'Sign in to HubSpot again.' } });
    renderAll();
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'needs-action'));
    const badge = within(status()).getByText('Needs action').closest<HTMLElement>('[data-slot="connection-status-badge"]')!;
    expect(badge).toHaveAccessibleDescription('Details: Sign in to HubSpot again.');
    expect(within(status()).getByRole('button', { name: 'Reconnect HubSpot' })).toHaveAttribute('data-action', 'reconnect');

    const standalone = screen.getByTestId('standalone');
    expect(standalone).toHaveTextContent('Reconnect');
    expect(standalone).toHaveAttribute('data-reconnect', '');
    expect(standalone).toHaveAttribute('data-state', 'needs-action');

    const row = await hubspotRow();
    expect(row).toHaveAttribute('data-state', 'needs-action');
    expect(within(row).getByText('Needs action')).toBeInTheDocument();
    expect(rowButtons(row)).toEqual(['Reconnect HubSpot', 'Disconnect HubSpot']);
    expect(within(row).getByRole('button', { name: 'Reconnect HubSpot' })).toHaveAttribute('data-reconnect', '');
  });

  it('clientAction provide-input: "Finish setup" in the status, the button and the row', async () => {
    await setHubSpot({ state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'provide-input', description: 'Choose the HubSpot portal to sync.' } });
    renderAll();
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'needs-action'));
    const repair = within(status()).getByRole('button', { name: 'Finish setup for HubSpot' });
    expect(repair).toHaveTextContent('Finish setup');
    expect(repair).toHaveAttribute('data-action', 'finish-setup');
    expect(screen.getByTestId('standalone')).toHaveTextContent('Finish setup');

    const row = await hubspotRow();
    const rowButton = within(row).getByRole('button', { name: 'Finish setup for HubSpot' });
    expect(rowButton).toHaveTextContent('Finish setup');
    expect(rowButton).toHaveAttribute('data-action', 'finish-setup');
    expect(within(row).getByText('Needs action').closest('[data-slot="connection-status-badge"]')).toHaveAccessibleDescription(
      'Details: Choose the HubSpot portal to sync.',
    );
  });
});

describe('busy states set by Membrane', () => {
  it.each([
    ['BUILDING', 'setting-up', 'Setting up…'],
    ['DISCONNECTING', 'disconnecting', 'Disconnecting…'],
  ])('state %s reads %s: a busy badge, no row action, an inert ConnectButton', async (state, dataState, text) => {
    await setHubSpot({ state });
    renderAll();
    await waitFor(() => expect(status()).toHaveAttribute('data-state', dataState));
    expect(status()).toHaveAttribute('aria-busy', 'true');
    expect(status()).toHaveTextContent(`HubSpot status: ${text}`);
    expect(within(status()).queryByRole('button')).toBeNull();

    const standalone = screen.getByTestId('standalone');
    expect(standalone).toHaveTextContent(text);
    expect(standalone).toHaveAttribute('aria-disabled', 'true');
    expect(standalone).toHaveAttribute('data-busy', '');
    standalone.click();
    expect(screen.queryByRole('dialog')).toBeNull();

    const row = await hubspotRow();
    expect(row).toHaveAttribute('data-state', dataState);
    expect(row.querySelector('[data-slot="integrations-list-status"]')).toHaveAttribute('aria-busy', 'true');
    expect(rowButtons(row)).toEqual([]);
  });
});

describe('connected with a warning and defunct', () => {
  it('requestError: still "Connected", flagged data-warning, the failure in the details, Disconnect offered', async () => {
    await setHubSpot({ requestError: { message: 'Rate limit exceeded' } });
    renderAll();
    await waitFor(() => expect(status()).toHaveAttribute('data-warning', ''));
    expect(status()).toHaveAttribute('data-state', 'connected');
    const badge = within(status()).getByText('Connected').closest<HTMLElement>('[data-slot="connection-status-badge"]')!;
    expect(badge).toHaveAccessibleDescription('Details: Connected, but the last request failed: Rate limit exceeded');
    expect(within(status()).queryByRole('button')).toBeNull();

    const row = await hubspotRow();
    expect(row).toHaveAttribute('data-state', 'connected');
    expect(row.querySelector('[data-slot="integrations-list-status"]')).toHaveAttribute('data-warning', '');
    expect(rowButtons(row)).toEqual(['Disconnect HubSpot']);
  });

  it('a healthy connection carries no data-warning', async () => {
    renderAll();
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'connected'));
    expect(status()).not.toHaveAttribute('data-warning');
  });

  it('isDefunct: "Disconnected" with Reconnect, even though the connection still says connected otherwise', async () => {
    await setHubSpot({ isDefunct: true });
    expect(emulator.store.connections.get('65a1f0c2d4e5f60718293c01')?.isDefunct).toBe(true);
    renderAll();
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'disconnected'));
    expect(within(status()).getByRole('button', { name: 'Reconnect HubSpot' })).toBeInTheDocument();
    const row = await hubspotRow();
    expect(rowButtons(row)).toEqual(['Reconnect HubSpot', 'Disconnect HubSpot']);
  });
});

describe('labels', () => {
  it('takes overrides for the new states and actions', async () => {
    await setHubSpot({ state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'provide-input', description: 'Pick a portal.' } });
    renderAll({ status: { 'needs-action': 'Action requise' }, finishSetup: 'Terminer', finishSetupOf: 'Terminer {name}' });
    await waitFor(() => expect(status()).toHaveTextContent('HubSpot status: Action requise'));
    expect(within(status()).getByRole('button', { name: 'Terminer HubSpot' })).toHaveTextContent('Terminer');
  });
});
