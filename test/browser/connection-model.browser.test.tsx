import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { commands, userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/styles/styles.css';
import { ConnectionStatus, IntegrationsList, MembraneKitProvider, resetSharedKits, type MembraneKitTheme } from '../../src/index.ts';
import { emulator, getToken, requestLog, resetEmulator, setFaults } from './emulator.ts';

// The Membrane 0.28 connection model in real Chromium, against the shared emulator: a needs-action
// row repairs the SAME connection (no second one), and Disconnect archives it so the row reads
// "Not connected" with the focus kept in the row.

const HUBSPOT_CONNECTION = '65a1f0c2d4e5f60718293c01';
const fetchToken = () => getToken();

async function setConnection(selector: string, status: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${emulator().url}/_emulator/connections/${selector}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(status),
  });
  if (!response.ok) throw new Error(`PATCH /_emulator/connections/${selector} answered ${response.status}: ${await response.text()}`);
}

/** HubSpot's connections of the default customer, archived ones included. */
async function hubspotConnections(): Promise<Array<{ id: string; archivedAt?: string; integration?: { key?: string } }>> {
  const response = await fetch(`${emulator().url}/_emulator/connections`);
  const all = (await response.json()) as Array<{ id: string; archivedAt?: string; integration?: { key?: string } }>;
  return all.filter((connection) => connection.integration?.key === 'hubspot');
}

beforeEach(async () => {
  await resetEmulator();
  await waitFor(async () => expect(await commands.countPopups()).toBe(0), { timeout: 5000 });
});
afterEach(() => {
  cleanup();
  resetSharedKits();
  vi.restoreAllMocks();
});

describe('a needs-action row in Chromium', () => {
  it.each([
    ['connect', 'Reconnect HubSpot'],
    ['provide-input', 'Finish setup for HubSpot'],
  ])('clientAction %s: "%s" repairs the same connection id and ends connected', async (type, name) => {
    await setConnection('hubspot', { state: 'CLIENT_ACTION_REQUIRED', clientAction: { type, description: 'Membrane needs you.' } });
    await setFaults({ consent: 'allow' });
    const open = vi.spyOn(window, 'open');
    render(<IntegrationsList fetchToken={fetchToken} apiUri={emulator().apiUri} />);
    const button = await screen.findByRole('button', { name }, { timeout: 10_000 });
    const row = button.closest<HTMLElement>('[data-slot="integrations-list-item"]')!;
    expect(row).toHaveAttribute('data-state', 'needs-action');
    expect(button).toHaveAttribute('data-reconnect', '');

    await userEvent.click(button);
    expect(open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(row).toHaveAttribute('data-state', 'connected'), { timeout: 15_000 });

    // One HubSpot connection, the seeded one, repaired in place (a connect without its id would have
    // created a second one in the emulator's store); nothing went through POST /connections either.
    const connections = await hubspotConnections();
    expect(connections.map((connection) => connection.id)).toEqual([HUBSPOT_CONNECTION]);
    expect(connections[0]!.archivedAt).toBeUndefined();
    const log = await requestLog();
    expect(log.filter((entry) => entry.method === 'POST' && entry.path === '/connections')).toEqual([]);
  });
});

describe('Disconnect in Chromium', () => {
  it('archives the connection: the row and every status read "Not connected", and the focus stays in the row', async () => {
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={emulator().apiUri}>
        <ConnectionStatus integrationKey="hubspot" />
        <IntegrationsList />
      </MembraneKitProvider>,
    );
    const trigger = await screen.findByRole('button', { name: 'Disconnect HubSpot' }, { timeout: 10_000 });
    const row = trigger.closest<HTMLElement>('[data-slot="integrations-list-item"]')!;
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('alertdialog', { name: 'Disconnect HubSpot?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));

    await waitFor(() => expect(row).toHaveAttribute('data-state', 'not-connected'), { timeout: 10_000 });
    expect(within(row).getByText('Not connected')).toBeVisible();
    const status = document.querySelector('[data-slot="connection-status"]')!;
    await waitFor(() => expect(status).toHaveTextContent('HubSpot status: Not connected'));
    await waitFor(() => expect(document.activeElement).toBe(row.querySelector('[data-slot="connect-button"]')));
    expect(document.activeElement).toHaveAccessibleName('Connect HubSpot');

    const connections = await hubspotConnections();
    expect(connections).toHaveLength(1);
    expect(connections[0]!.archivedAt).toEqual(expect.any(String));
    const log = await requestLog();
    expect(log.filter((entry) => entry.method === 'DELETE' && entry.path === `/connections/${HUBSPOT_CONNECTION}`)).toHaveLength(1);
    expect(log.filter((entry) => entry.path.endsWith('/disconnect'))).toEqual([]);
  });
});

describe.each<MembraneKitTheme>(['light', 'dark'])('the new badges pass axe (WCAG 2.2 AA) in the %s theme', (theme) => {
  it('needs-action, setting-up and disconnecting', async () => {
    await setConnection('hubspot', { state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect', description: 'Sign in again.' } });
    await setConnection('salesforce', { state: 'BUILDING' });
    await setConnection('slack', { state: 'DISCONNECTING' });
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={emulator().apiUri} theme={theme}>
        <main style={{ background: 'var(--mk-color-bg)', padding: 16 }}>
          <h1 style={{ color: 'var(--mk-color-text)' }}>Connections</h1>
          <ConnectionStatus integrationKey="hubspot" showReconnect />
          <ConnectionStatus integrationKey="salesforce" />
          <ConnectionStatus integrationKey="slack" />
          <IntegrationsList />
        </main>
      </MembraneKitProvider>,
    );
    await screen.findByRole('list', { name: 'Integrations' }, { timeout: 10_000 });
    const states = () => Array.from(document.querySelectorAll('[data-slot="connection-status"]')).map((el) => el.getAttribute('data-state'));
    await waitFor(() => expect(states()).toEqual(['needs-action', 'setting-up', 'disconnecting']));
    const badge = document.querySelector<HTMLElement>('[data-slot="connection-status"][data-state="needs-action"] [data-slot="connection-status-badge"]')!;
    // The new token really applies (not the neutral fallback).
    expect(getComputedStyle(badge).color).toBe(theme === 'dark' ? 'rgb(196, 181, 253)' : 'rgb(91, 33, 182)');
    const results = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('connected with a warning and defunct', async () => {
    await setConnection('hubspot', { requestError: { message: 'Rate limit exceeded' } });
    await setConnection('salesforce', { connected: true, isDefunct: true });
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={emulator().apiUri} theme={theme}>
        <main style={{ background: 'var(--mk-color-bg)', padding: 16 }}>
          <ConnectionStatus integrationKey="hubspot" />
          <ConnectionStatus integrationKey="salesforce" showReconnect />
        </main>
      </MembraneKitProvider>,
    );
    const warned = document.querySelector<HTMLElement>('[data-slot="connection-status"]')!;
    await waitFor(() => expect(warned).toHaveAttribute('data-warning', ''), { timeout: 10_000 });
    expect(warned).toHaveAttribute('data-state', 'connected');
    await waitFor(() => expect(document.querySelectorAll('[data-slot="connection-status"]')[1]).toHaveAttribute('data-state', 'disconnected'));
    const results = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
