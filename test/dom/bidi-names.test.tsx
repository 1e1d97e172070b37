/**
 * Issue 11 item 9: an integration name with a right-to-left override (U+202E) must not reverse the
 * kit's sentences. Visible text isolates the name in `<bdi>`; attributes (aria-label) in FSI … PDI
 * (U+2068 … U+2069). Runs on React 19 (dom) and 18.3 (dom-react18).
 */
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConnectButton, ConnectionStatus, IntegrationsList } from '../../src/index.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken } = startKitTestEnvironment();
const SPOOF = 'Slack\u202Eexe.png';
const isolated = (text: string) => `\u2068${text}\u2069`;

function spoofSlack() {
  (emulator.store.findIntegration('slack') as { name: string }).name = SPOOF;
}

/** The `<bdi>` elements inside `element` whose text is the spoofed name. */
const bdisOf = (element: Element) => [...element.querySelectorAll('bdi')].filter((bdi) => bdi.textContent === SPOOF);

describe('a name with a right-to-left override', () => {
  it('is isolated in the list: row name, status text and the buttons’ accessible names', async () => {
    spoofSlack();
    render(<IntegrationsList fetchToken={fetchToken} apiUri={API_URI} />);
    const list = await screen.findByRole('list', { name: 'Integrations' }, { timeout: 5_000 });
    const row = within(list).getAllByRole('listitem').find((item) => item.dataset.integrationKey === 'slack')!;
    expect(bdisOf(row.querySelector('[data-slot="integrations-list-name"]')!)).toHaveLength(1);
    expect(bdisOf(row.querySelector('[data-slot="connection-status-badge"]')!)).toHaveLength(1);
    expect(within(row).getByRole('button', { name: `Disconnect ${isolated(SPOOF)}` })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: `Reconnect ${isolated(SPOOF)}` })).toBeInTheDocument();
    // Names without bidi characters keep their plain accessible names and DOM.
    expect(within(list).getByRole('button', { name: 'Disconnect HubSpot' })).toBeInTheDocument();
    expect(within(list).getByText('HubSpot')).toHaveAttribute('data-slot', 'integrations-list-name');
  });

  it('is isolated in the disconnect confirmation’s title and description', async () => {
    spoofSlack();
    const user = userEvent.setup();
    render(<IntegrationsList fetchToken={fetchToken} apiUri={API_URI} />);
    await user.click(await screen.findByRole('button', { name: `Disconnect ${isolated(SPOOF)}` }, { timeout: 5_000 }));
    const dialog = await screen.findByRole('alertdialog');
    const title = dialog.querySelector('h2')!;
    expect(title).toHaveTextContent(`Disconnect ${SPOOF}?`);
    expect(bdisOf(title)).toHaveLength(1);
    expect(bdisOf(dialog)).toHaveLength(2);
  });

  it('is isolated in ConnectButton’s accessible name, the connect dialog’s title and ConnectionStatus', async () => {
    spoofSlack();
    // jsdom has no popups: the dialog shows its "window was blocked" stage, which names Slack too.
    vi.spyOn(window, 'open').mockReturnValue(null);
    const user = userEvent.setup();
    const { container } = render(
      <>
        <ConnectButton integrationKey="slack" fetchToken={fetchToken} apiUri={API_URI} />
        <ConnectionStatus integrationKey="slack" fetchToken={fetchToken} apiUri={API_URI} />
      </>,
    );
    const button = await screen.findByRole('button', { name: `Reconnect ${isolated(SPOOF)}` }, { timeout: 5_000 });
    await waitFor(() => expect(bdisOf(container.querySelector('[data-slot="connection-status"]')!)).toHaveLength(1));
    await user.click(button);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5_000 });
    expect(bdisOf(dialog.querySelector('h2')!)).toHaveLength(1);
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'blocked'), { timeout: 5_000 });
    expect(bdisOf(within(dialog).getByRole('alert'))).toHaveLength(1);
  });

  it('is isolated in ConnectionStatus’s error details (the tooltip’s text) when Membrane’s message quotes it', async () => {
    const slackConnection = emulator.store.connections.get('65a1f0c2d4e5f60718293c03') as { error: { message: string } };
    slackConnection.error.message = `${SPOOF} revoked the token`;
    render(<ConnectionStatus integrationKey="slack" fetchToken={fetchToken} apiUri={API_URI} />);
    const badge = await screen.findByText('Disconnected', {}, { timeout: 5_000 });
    const description = document.getElementById(badge.closest('[aria-describedby]')!.getAttribute('aria-describedby')!)!;
    expect(description.textContent).toBe(`Details: ${isolated(`${SPOOF} revoked the token`)}`);
  });
});
