/**
 * Scope and prefill: `<IntegrationsList integrations parameters lockedParameters consent>` and the
 * same on `<ConnectButton>`, against the emulator's MSW handlers.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectButton, IntegrationsList, MembraneKitProvider } from '../../src/index.ts';
import { resetScopedIntegrationWarnings } from '../../src/react/components/IntegrationsList/useScopedIntegrations.ts';
import { answerPopup, captureForms, fakePopup } from './connectPopupHelpers.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken } = startKitTestEnvironment();

beforeEach(() => {
  emulator.faults.set({ consent: 'allow' });
});
afterEach(() => resetScopedIntegrationWarnings());

const rowNames = async () => {
  const list = await screen.findByRole('list', { name: 'Integrations' });
  return within(list)
    .getAllByRole('listitem')
    .filter((item) => item.getAttribute('data-slot') === 'integrations-list-item')
    .map((item) => item.querySelector('[data-slot="integrations-list-name"]')?.textContent);
};

describe('<IntegrationsList integrations>', () => {
  it('shows only those integrations, in that order, and reports unknown keys once with the available ones', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { rerender } = render(<IntegrationsList integrations={['salesforce', 'nope', 'hubspot']} fetchToken={fetchToken} apiUri={API_URI} />);
    await waitFor(async () => expect(await rowNames()).toEqual(['Salesforce', 'HubSpot']));
    await waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(warn.mock.calls[0]![0]).toMatch(/"nope".*Available: .*hubspot.*zendesk/);
    expect(warn.mock.calls[0]![0]).not.toMatch(/"salesforce"/);
    rerender(<IntegrationsList integrations={['salesforce', 'nope', 'hubspot']} fetchToken={fetchToken} apiUri={API_URI} searchable={false} />);
    await waitFor(async () => expect(await rowNames()).toEqual(['Salesforce', 'HubSpot']));
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('says nothing in production builds', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      render(<IntegrationsList integrations={['nope', 'github']} fetchToken={fetchToken} apiUri={API_URI} />);
      await waitFor(async () => expect(await rowNames()).toEqual(['GitHub']));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warn).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('prefill, locked fields and the consent line', () => {
  it('IntegrationsList prefills and locks a field, shows the consent line, and submits the locked value as input', async () => {
    vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const user = userEvent.setup();
    render(
      <IntegrationsList
        integrations={['zendesk']}
        parameters={{ zendesk: { subdomain: 'acme', region: 'eu' } }}
        lockedParameters={{ zendesk: ['subdomain'] }}
        consent={{ zendesk: 'Reads tickets; writes internal notes.' }}
        fetchToken={fetchToken}
        apiUri={API_URI}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Connect Zendesk' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'form'));
    expect(within(dialog).getByText(/Reads tickets; writes internal notes\./).closest('[data-slot="connect-dialog-consent"]')).not.toBeNull();
    const subdomain = within(dialog).getByLabelText(/^Subdomain/);
    expect(subdomain).toHaveValue('acme');
    expect(subdomain).toHaveAttribute('readonly');
    expect(subdomain).toHaveAttribute('data-locked', '');
    await user.type(subdomain, 'x');
    expect(subdomain).toHaveValue('acme');
    // Prefilled but not locked: editable.
    const region = within(dialog).getByLabelText(/^Data region/);
    expect(region).toHaveValue('eu');
    expect(region).not.toBeDisabled();
    await user.type(within(dialog).getByLabelText(/^Agent email/), 'ops@acme.test');
    await user.type(within(dialog).getByLabelText(/^API token/), 'zendesk-token-9');
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(forms).toHaveLength(1));
    expect(forms[0]!.payload).toMatchObject({ input: { subdomain: 'acme', region: 'eu', email: 'ops@acme.test' } });
    await act(() => answerPopup(forms[0]!));
    await waitFor(() => expect(emulator.store.findConnections({ integrationKey: 'zendesk' })).toHaveLength(1));
    expect(emulator.store.findConnections({ integrationKey: 'zendesk' })[0]!.parameters).toMatchObject({ subdomain: 'acme' });
  });

  it('ConnectButton with a consent line opens the dialog first even with nothing to fill in; no popup until Continue', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const user = userEvent.setup();
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
        <ConnectButton integrationKey="github" consent="Reads repositories and issues; writes comments." />
      </MembraneKitProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Connect GitHub' });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await user.click(button);
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'form'));
    expect(within(dialog).getByText(/Reads repositories and issues; writes comments\./)).toBeVisible();
    expect(within(dialog).queryAllByRole('textbox')).toHaveLength(0);
    expect(open).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(forms).toHaveLength(1));
  });

  it('without a consent line the same button opens the popup straight from the click', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    captureForms();
    const user = userEvent.setup();
    render(<ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={API_URI} />);
    const button = await screen.findByRole('button', { name: 'Connect GitHub' });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
    await user.hover(button);
    await user.click(button);
    expect(open).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('ConnectButton parameters prefill its form and lockedParameters lock them', async () => {
    vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    const user = userEvent.setup();
    render(<ConnectButton integrationKey="zendesk" parameters={{ subdomain: 'globex' }} lockedParameters={['subdomain']} fetchToken={fetchToken} apiUri={API_URI} />);
    await user.click(await screen.findByRole('button', { name: 'Connect Zendesk' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'form'));
    expect(within(dialog).getByLabelText(/^Subdomain/)).toHaveValue('globex');
    expect(within(dialog).getByLabelText(/^Subdomain/)).toHaveAttribute('readonly');
    expect(dialog.querySelector('[data-slot="connect-dialog-consent"]')).toBeNull();
    await user.type(within(dialog).getByLabelText(/^Agent email/), 'it@globex.test');
    await user.type(within(dialog).getByLabelText(/^API token/), 'zendesk-token-7');
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(forms).toHaveLength(1));
    expect(forms[0]!.payload).toMatchObject({ input: { subdomain: 'globex', email: 'it@globex.test' } });
  });
});
