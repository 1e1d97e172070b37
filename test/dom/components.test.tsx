import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  ConnectButton,
  ConnectionStatus,
  IntegrationsList,
  MembraneKitProvider,
  type ConnectButtonProps,
  type MembraneKitEvent,
} from '../../src/index.ts';
import { REDIRECT_MARKER_KEY } from '../../src/core/connect/connectWithRedirect.ts';
import { API_ORIGIN, captureForms, fakePopup, postFrom } from './connectPopupHelpers.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken, requests } = startKitTestEnvironment();

describe('IntegrationsList', () => {
  it('shows the skeleton, then every integration with its status, from one GET /integrations shared with 50 ConnectionStatus', async () => {
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
        <IntegrationsList />
        {Array.from({ length: 50 }, (_, index) => (
          <ConnectionStatus key={index} integrationKey={index % 2 ? 'hubspot' : 'slack'} />
        ))}
      </MembraneKitProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading integrations…');
    const list = await screen.findByRole('list', { name: 'Integrations' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const hubspot = rows.find((row) => row.dataset.integrationKey === 'hubspot')!;
    expect(hubspot).toHaveAttribute('data-state', 'connected');
    expect(within(hubspot).getByRole('button', { name: 'Disconnect HubSpot' })).toBeInTheDocument();
    const salesforce = rows.find((row) => row.dataset.integrationKey === 'salesforce')!;
    expect(salesforce).toHaveAttribute('data-state', 'disconnected');
    expect(within(salesforce).getByRole('button', { name: 'Reconnect Salesforce' })).toBeInTheDocument();
    // Slack's seed connection is disconnected with a revoked-token error: 0.28 reads connected:false first.
    expect(rows.find((row) => row.dataset.integrationKey === 'slack')).toHaveAttribute('data-state', 'disconnected');
    expect(rows.find((row) => row.dataset.integrationKey === 'github')).toHaveAttribute('data-state', 'not-connected');
    await waitFor(() => expect(document.querySelectorAll('[data-slot="connection-status"][data-state="disconnected"]')).toHaveLength(25));
    expect(requests('GET', '/integrations')).toBe(1);
  });

  it('filters instantly on the page and moves between rows with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<IntegrationsList fetchToken={fetchToken} apiUri={API_URI} />);
    await screen.findByRole('list', { name: 'Integrations' });
    await user.type(screen.getByRole('searchbox', { name: 'Search integrations' }), 'hubs');
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByText('HubSpot')).toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox'));
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThan(1));
    const first = screen.getAllByRole('listitem')[0]!.querySelector('button')!;
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('listitem')[1]!.contains(document.activeElement)).toBe(true);
    await user.keyboard('{End}');
    expect(screen.getAllByRole('listitem').at(-1)!.contains(document.activeElement)).toBe(true);

    await user.type(screen.getByRole('searchbox'), 'zzzz-nothing');
    expect(await screen.findByText('No integrations match “zzzz-nothing”.')).toBeInTheDocument();
  });

  it('renders a batch of the matches with Show more, announces the count, and rejects a bad renderBatchSize', async () => {
    const user = userEvent.setup();
    render(<IntegrationsList fetchToken={fetchToken} apiUri={API_URI} renderBatchSize={4} />);
    const list = await screen.findByRole('list', { name: 'Integrations' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    // jsdom has no IntersectionObserver: the button is the way to the next batch.
    await user.click(screen.getByRole('button', { name: 'Show more (4 of 16)' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(8));
    expect(within(list).getAllByRole('listitem')[4]!.contains(document.activeElement)).toBe(true);

    await user.type(screen.getByRole('searchbox', { name: 'Search integrations' }), 'hub');
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((row) => row.dataset.integrationKey)).toEqual(['hubspot', 'github']));
    expect(screen.queryByRole('button', { name: /^Show more/ })).toBeNull();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 integrations match “hub”.'));

    expect(() => render(<IntegrationsList fetchToken={fetchToken} apiUri={API_URI} renderBatchSize={0} />)).toThrow(
      /renderBatchSize> must be a whole number of at least 1; got 0/,
    );
  });

  it('loads past the first page', async () => {
    const user = userEvent.setup();
    render(<IntegrationsList fetchToken={fetchToken} apiUri={API_URI} pageSize={5} />);
    const list = await screen.findByRole('list', { name: 'Integrations' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(10));
    expect(emulator.store.requests.filter((entry) => entry.path === '/integrations').map((entry) => entry.query.cursor ?? null)).toEqual([
      null,
      expect.any(String),
    ]);
  });

  it('shows an error state with a working retry', async () => {
    emulator.faults.addError({ status: 500, times: 3, route: 'GET /integrations' });
    const user = userEvent.setup();
    render(<IntegrationsList fetchToken={fetchToken} apiUri={API_URI} />);
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert).toHaveTextContent('The integrations could not be loaded.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Integrations' })).toBeInTheDocument();
  }, 15_000);

  it('disconnects behind a confirmation by archiving the connection, and every status on the page reads Not connected', async () => {
    const user = userEvent.setup();
    const onDisconnected = vi.fn();
    const events: MembraneKitEvent[] = [];
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI} onEvent={(event) => events.push(event)}>
        <ConnectionStatus integrationKey="hubspot" />
        <IntegrationsList onDisconnected={onDisconnected} />
      </MembraneKitProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Disconnect HubSpot' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Disconnect HubSpot?' });
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(onDisconnected).toHaveBeenCalledTimes(1));
    await waitFor(() =>
      expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'not-connected'),
    );
    expect(document.querySelector('[data-slot="connection-status"]')).toHaveTextContent('HubSpot status: Not connected');
    const row = screen.getAllByRole('listitem').find((item) => item.dataset.integrationKey === 'hubspot')!;
    expect(row).toHaveAttribute('data-state', 'not-connected');
    expect(within(row).getByRole('button', { name: 'Connect HubSpot' })).toBeInTheDocument();
    expect(requests('DELETE', '/connections/65a1f0c2d4e5f60718293c01')).toBe(1);
    expect(requests('POST', '/integrations/hubspot/disconnect')).toBe(0);
    expect(emulator.store.connections.get('65a1f0c2d4e5f60718293c01')?.archivedAt).toEqual(expect.any(String));
    expect(events.some((event) => event.type === 'disconnected' && event.integrationKey === 'hubspot')).toBe(true);
  });
});

/**
 * Renders a ConnectButton (GitHub unless `props` say otherwise, named `Connect {name}`) with the
 * forms it submits captured, waits until it reads Not connected, and clicks it.
 */
async function clickConnect(props: Partial<ConnectButtonProps> = {}, name = 'GitHub') {
  const user = userEvent.setup();
  const forms = captureForms();
  render(<ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={API_URI} {...props} />);
  const button = await screen.findByRole('button', { name: `Connect ${name}` });
  await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
  await user.click(button);
  return { user, forms, button };
}

describe('ConnectButton (custom flow)', () => {
  it('opens the popup synchronously in the click, posts the documented form, and confirms the result', async () => {
    const popup = fakePopup();
    const open = vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    const onConnected = vi.fn();
    const events: MembraneKitEvent[] = [];
    const { user, forms, button } = await clickConnect({ fetchToken: () => fetchToken(), onConnected, onEvent: (event) => events.push(event) });
    expect(open).toHaveBeenCalledTimes(1);
    const windowName = open.mock.calls[0]![1]!;
    await waitFor(() => expect(forms).toHaveLength(1));
    const form = forms[0]!;
    expect(form.target).toBe(windowName);
    expect(form.action).toBe(`${API_URI}/connect`);
    expect(form.payload).toMatchObject({ integrationId: expect.any(String), authOptionKey: 'oauth2' });
    expect(typeof form.payload.token).toBe('string');
    const requestId = form.payload.requestId as string;
    expect(windowName).toBe(`connection-request-${requestId}`);
    expect(button).toHaveAttribute('data-busy');

    // A second click while the flow runs does nothing.
    await user.click(button);
    expect(open).toHaveBeenCalledTimes(1);

    // Forged: right requestId, wrong origin. Then right origin, wrong requestId. Neither changes anything.
    const hubspotConnectionId = '65a1f0c2d4e5f60718293c01';
    postFrom('http://evil.test', { source: 'integration.app', type: 'newConnectionCreated', requestId, connection: { id: hubspotConnectionId } });
    postFrom(API_ORIGIN, { source: 'integration.app', type: 'newConnectionCreated', requestId: 'other', connection: { id: hubspotConnectionId } });
    postFrom(API_ORIGIN, { source: 'integration.app', type: 'newConnectionCreated', connection: { id: hubspotConnectionId } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onConnected).not.toHaveBeenCalled();
    expect(button).toHaveAttribute('data-busy');

    // A real connection for GitHub, then the genuine message.
    const integration = emulator.store.findIntegration('github')!;
    const created = emulator.store.createConnection({
      name: 'GitHub',
      userId: emulator.store.findCustomer(emulator.store.defaultCustomer.id)!.id,
      integrationId: integration.id,
      authOptionKey: 'oauth2',
      parameters: {},
    });
    act(() => postFrom(API_ORIGIN, { source: 'integration.app', type: 'newConnectionCreated', requestId, connection: { id: created.id } }));
    await waitFor(() => expect(onConnected).toHaveBeenCalledWith(expect.objectContaining({ id: created.id })));
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
    expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.succeeded']);
    // Confirmed with the API, then exactly one refetch of the list.
    expect(requests('GET', `/connections/${created.id}`)).toBe(1);
    expect(requests('GET', '/integrations')).toBe(2);
  });

  it('shows a failure reported by the popup in plain words, with a retry that opens a new popup', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const onError = vi.fn();
    const { user, forms } = await clickConnect({ onError });
    await waitFor(() => expect(forms).toHaveLength(1));
    act(() =>
      postFrom(API_ORIGIN, {
        source: 'integration.app',
        type: 'newConnectionFailure',
        requestId: forms[0]!.payload.requestId,
        error: 'Access denied',
        errorData: { type: 'connection', message: 'The user denied access' },
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Connect GitHub' });
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('Could not connect GitHub');
    expect(alert).toHaveTextContent('Authentication failed. Check the details and try again.');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'auth', message: 'The user denied access' }));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(open).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(forms).toHaveLength(2));
    expect(forms[1]!.payload.requestId).not.toBe(forms[0]!.payload.requestId);
  });

  it('reports a closed popup as cancelled', async () => {
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    const onCancel = vi.fn();
    const { button } = await clickConnect({ onCancel });
    popup.closed = true;
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(button).not.toHaveAttribute('data-busy');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('explains a blocked popup and offers to continue in this tab', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const onError = vi.fn();
    const { user, forms } = await clickConnect({ onError });
    const dialog = await screen.findByRole('dialog', { name: 'Connect GitHub' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The connection window was blocked');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'popup_blocked' }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue in this tab' }));
    await waitFor(() => expect(forms).toHaveLength(1));
    expect(forms[0]!.target).toBe('_self');
    expect(forms[0]!.payload.redirectUri).toBe(`${window.location.href}?mk_connect=${String(forms[0]!.payload.requestId)}`);
  });

  it('asks for the parameters of a client-credentials option, validates inline, and runs it in a hidden iframe', async () => {
    const onConnected = vi.fn();
    const { user, forms, button } = await clickConnect({ integrationKey: 'stripe', onConnected }, 'Stripe');
    const dialog = await screen.findByRole('dialog', { name: 'Connect Stripe' });
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    const secret = within(dialog).getByLabelText(/Secret key/);
    expect(secret).toHaveAttribute('aria-invalid', 'true');
    expect(secret).toHaveAccessibleDescription(expect.stringContaining('Secret key is required.'));
    expect(secret).toHaveFocus();
    expect(forms).toHaveLength(0);

    await user.type(secret, 'short');
    await user.tab();
    expect(within(dialog).getByText('Secret key must have at least 8 characters.')).toBeInTheDocument();
    await user.clear(secret);
    await user.type(secret, 'sk_test_1234567890');
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(forms).toHaveLength(1));
    const form = forms[0]!;
    expect(form.target).toMatch(/^connection-request-/);
    expect(document.querySelector(`iframe[name="${form.target}"]`)).not.toBeNull();
    expect(form.payload).toMatchObject({ input: { secretKey: 'sk_test_1234567890', mode: 'test' } });

    const integration = emulator.store.findIntegration('stripe')!;
    const created = emulator.store.createConnection({
      name: 'Stripe',
      userId: emulator.store.findCustomer(emulator.store.defaultCustomer.id)!.id,
      integrationId: integration.id,
      authOptionKey: 'secret-key',
      parameters: {},
    });
    act(() =>
      postFrom(API_ORIGIN, { source: 'integration.app', type: 'newConnectionCreated', requestId: form.payload.requestId, connection: { id: created.id } }),
    );
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1));
    expect(document.querySelector(`iframe[name="${form.target}"]`)).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(button).toHaveFocus();
  });

  it('labels itself Reconnect for a disconnected connection and repairs that connection', async () => {
    const user = userEvent.setup();
    vi.spyOn(window, 'open').mockImplementation(() => fakePopup() as unknown as Window);
    const forms = captureForms();
    render(<ConnectButton integrationKey="salesforce" fetchToken={fetchToken} apiUri={API_URI} />);
    const button = await screen.findByRole('button', { name: 'Reconnect Salesforce' });
    expect(button).toHaveTextContent('Reconnect');
    expect(button).toHaveAttribute('data-reconnect', '');
    await user.click(button);
    // Salesforce asks for parameters, so the dialog opens first.
    const dialog = await screen.findByRole('dialog', { name: 'Reconnect Salesforce' });
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(forms).toHaveLength(1));
    expect(forms[0]!.action).toBe(`${API_URI}/connect`);
    expect(forms[0]!.payload).toMatchObject({ connectionId: '65a1f0c2d4e5f60718293c02' });
  });
});

describe('same-window flow', () => {
  it('picks up the result when the app loads again, confirms it, and cleans the URL', async () => {
    const onConnected = vi.fn();
    const events: MembraneKitEvent[] = [];
    sessionStorage.setItem(REDIRECT_MARKER_KEY, JSON.stringify({ integrationKey: 'hubspot', requestId: 'r1', startedAt: Date.now() }));
    window.history.pushState(null, '', '/settings?tab=apps&connectionId=65a1f0c2d4e5f60718293c01&mk_connect=r1');
    render(
      <>
        <ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={API_URI} />
        <ConnectButton integrationKey="hubspot" fetchToken={fetchToken} apiUri={API_URI} onConnected={onConnected} onEvent={(event) => events.push(event)} />
      </>,
    );
    await waitFor(() => expect(onConnected).toHaveBeenCalledWith(expect.objectContaining({ id: '65a1f0c2d4e5f60718293c01' })));
    expect(window.location.search).toBe('?tab=apps');
    expect(sessionStorage.getItem(REDIRECT_MARKER_KEY)).toBeNull();
    expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.succeeded']);
    expect(requests('GET', '/connections/65a1f0c2d4e5f60718293c01')).toBe(1);
  });

  it('reports a failed same-window connect', async () => {
    const onError = vi.fn();
    sessionStorage.setItem(REDIRECT_MARKER_KEY, JSON.stringify({ integrationKey: 'github', requestId: 'r1', startedAt: Date.now() }));
    window.history.pushState(null, '', '/settings?error=Access%20denied&mk_connect=r1');
    render(<ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={API_URI} onError={onError} />);
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'auth' })));
    expect(await screen.findByRole('dialog', { name: 'Connect GitHub' })).toHaveTextContent('Could not connect GitHub');
    expect(window.location.search).toBe('');
  });
});

describe('styling hooks', () => {
  it('merges className last, keeps data attributes when unstyled, takes labels, and renders asChild', async () => {
    const { rerender } = render(
      <ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={API_URI} theme="dark" className="mine" labels={{ connect: 'Link', connectTo: 'Link {name}' }} />,
    );
    const button = await screen.findByRole('button', { name: 'Link GitHub' });
    expect(button.className).toBe('mk-root mk-Button mk-ConnectButton mine');
    expect(button).toHaveAttribute('data-mk-theme', 'dark');
    expect(button).toHaveTextContent('Link');

    rerender(<ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={API_URI} unstyled className="mine" />);
    const plain = await screen.findByRole('button', { name: 'Connect GitHub' });
    expect(plain.className).toBe('mine');
    expect(plain).toHaveAttribute('data-slot', 'connect-button');

    rerender(
      <ConnectButton integrationKey="github" fetchToken={fetchToken} apiUri={API_URI} asChild>
        <a href="#connect">Hook up GitHub</a>
      </ConnectButton>,
    );
    const link = await screen.findByRole('link', { name: 'Hook up GitHub' });
    expect(link).toHaveAttribute('data-slot', 'connect-button');
    expect(link).toHaveClass('mk-ConnectButton');
  });
});
