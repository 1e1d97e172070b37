import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../src/styles/styles.css';
import { ConnectButton, ConnectionStatus, IntegrationsList, MembraneKitProvider, resetSharedKits, type MembraneKitTheme } from '../../src/index.ts';
import { emulator, getToken, resetEmulator } from './emulator.ts';

const fetchToken = () => getToken();

/** Fails with a readable list of every WCAG 2.x A/AA (and 2.2) violation. */
async function expectNoAxeViolations(context: Element = document.body) {
  const results = await axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  });
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
  );
  expect(summary).toEqual([]);
}

beforeEach(async () => {
  await resetEmulator();
  document.body.style.background = '';
});
afterEach(() => {
  cleanup();
  resetSharedKits();
});

describe('focus after an action', () => {
  it('stays in the row, on its new connect button, after confirming Disconnect', async () => {
    render(<IntegrationsList fetchToken={fetchToken} apiUri={emulator().apiUri} />);
    const trigger = await screen.findByRole('button', { name: 'Disconnect HubSpot' }, { timeout: 10_000 });
    const row = trigger.closest('[data-slot="integrations-list-item"]')!;
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('alertdialog', { name: 'Disconnect HubSpot?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    // The Disconnect button (the dialog's trigger) is gone; the row's connect button has the focus.
    await waitFor(() => expect(row.querySelector('[data-slot="disconnect-button"]')).toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(row.querySelector('[data-slot="connect-button"]')));
    expect(document.activeElement).toHaveAccessibleName(/HubSpot/);
  });
});

describe.each<MembraneKitTheme>(['light', 'dark'])('axe (WCAG 2.2 AA) in the %s theme', (theme) => {
  it('IntegrationsList, ConnectionStatus and ConnectButton in every connection state', async () => {
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={emulator().apiUri} theme={theme}>
        <main style={{ background: 'var(--mk-color-bg)', padding: 16 }}>
          <h1 style={{ color: 'var(--mk-color-text)' }}>Integrations</h1>
          <ConnectionStatus integrationKey="hubspot" />
          <ConnectionStatus integrationKey="salesforce" showReconnect />
          <ConnectionStatus integrationKey="slack" showReconnect />
          <ConnectionStatus integrationKey="github" />
          <ConnectButton integrationKey="github" />
          <IntegrationsList />
        </main>
      </MembraneKitProvider>,
    );
    await screen.findByRole('list', { name: 'Integrations' }, { timeout: 10_000 });
    await waitFor(() => expect(document.querySelectorAll('[data-slot="connection-status"][data-state="loading"]')).toHaveLength(0));
    // The stylesheet and the theme really apply, so axe measures the kit's own colours.
    expect(getComputedStyle(document.querySelector('.mk-IntegrationsList')!).color).toBe(theme === 'dark' ? 'rgb(236, 238, 242)' : 'rgb(26, 29, 35)');
    await expectNoAxeViolations();
  });

  it('the custom connect dialog with its form and inline errors', async () => {
    render(
      <main style={{ background: theme === 'dark' ? '#111318' : '#fff' }}>
        <ConnectButton integrationKey="zendesk" fetchToken={fetchToken} apiUri={emulator().apiUri} theme={theme} />
      </main>,
    );
    const button = await screen.findByRole('button', { name: 'Connect Zendesk' }, { timeout: 10_000 });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await userEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Connect Zendesk' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(within(dialog).getAllByText(/is required\./).length).toBeGreaterThan(0));
    // Let the open animation finish so contrast is measured on final colours.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expectNoAxeViolations();
  });

  it('the auth-option picker', async () => {
    render(<ConnectButton integrationKey="jira" fetchToken={fetchToken} apiUri={emulator().apiUri} theme={theme} />);
    const button = await screen.findByRole('button', { name: 'Connect Jira' }, { timeout: 10_000 });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await userEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Connect Jira' });
    await userEvent.click(within(dialog).getByRole('radio', { name: /API token/ }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expectNoAxeViolations();
  });

  it('the disconnect confirmation', async () => {
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={emulator().apiUri} theme={theme}>
        <IntegrationsList />
      </MembraneKitProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Disconnect HubSpot' }, { timeout: 10_000 }));
    await screen.findByRole('alertdialog', { name: 'Disconnect HubSpot?' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expectNoAxeViolations();
  });
});
