// The list's rows are cheap to mount: a row's connect machinery (query observers, spec prefetch,
// dialog) exists only once its button was hovered, focused or clicked, and a click on a button
// never touched before still opens the popup inside that click.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { IntegrationsList, MembraneKitProvider, useMembraneKit, type MembraneKit } from '../../src/index.ts';
import { fakePopup } from './connectPopupHelpers.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { fetchToken, requests } = startKitTestEnvironment();

/** Query observers subscribed anywhere in the kit's cache. */
function observerCount(kit: MembraneKit): number {
  return kit.queryClient
    .getQueryCache()
    .getAll()
    .reduce((sum, query) => sum + query.getObserversCount(), 0);
}

function renderList(onConnected = vi.fn()) {
  let kit: MembraneKit | undefined;
  function KitProbe() {
    kit = useMembraneKit().kit;
    return null;
  }
  render(
    <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
      <KitProbe />
      <IntegrationsList onConnected={onConnected} />
    </MembraneKitProvider>,
  );
  return { kit: () => kit!, onConnected };
}

async function row(key: string): Promise<HTMLElement> {
  const list = await screen.findByRole('list', { name: 'Integrations' });
  const found = within(list)
    .getAllByRole('listitem')
    .find((item) => item.dataset.integrationKey === key);
  if (!found) throw new Error(`no row for ${key}`);
  return found;
}

describe('IntegrationsList rows', () => {
  it('create no query observers per row until a row button is hovered, then only that row’s', async () => {
    const user = userEvent.setup();
    const { kit } = renderList();
    const github = await row('github');
    const rows = within(await screen.findByRole('list', { name: 'Integrations' })).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const before = observerCount(kit());
    // The list's own two (its pages and the server search), whatever the number of rows.
    expect(before).toBeLessThanOrEqual(2);

    const button = within(github).getByRole('button', { name: 'Connect GitHub' });
    expect(button).toHaveAttribute('data-slot', 'connect-button');
    expect(button).toHaveAttribute('data-state', 'not-connected');
    await user.hover(button);
    await waitFor(() => expect(observerCount(kit())).toBeGreaterThan(before));
    expect(observerCount(kit()) - before).toBeLessThanOrEqual(3);
    // The same button, not a new one: hover and focus never replace the element.
    expect(within(github).getByRole('button', { name: 'Connect GitHub' })).toBe(button);
  });

  it('opens the popup inside a click on a button never hovered or focused, and runs the flow', async () => {
    const popup = fakePopup();
    const open = vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    renderList();
    const github = await row('github');
    const button = within(github).getByRole('button', { name: 'Connect GitHub' });
    // A bare click event: no pointerenter, no focus before it.
    button.click();
    expect(open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(button).toHaveAttribute('data-busy'));
    expect(button).toHaveTextContent('Connecting…');
    await waitFor(() => expect((github as HTMLElement).dataset.state).toBe('connecting'));
  });

  it('keeps Reconnect and Disconnect working from the rows', async () => {
    const user = userEvent.setup();
    const popup = fakePopup();
    const open = vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    renderList();
    const salesforce = await row('salesforce');
    const reconnect = within(salesforce).getByRole('button', { name: 'Reconnect Salesforce' });
    expect(reconnect).toHaveAttribute('data-reconnect');
    expect(reconnect).toHaveAttribute('data-variant', 'secondary');
    await user.click(reconnect);
    // Salesforce asks for parameters: the row's dialog first, then the popup on Continue.
    const form = await screen.findByRole('dialog', { name: 'Reconnect Salesforce' });
    await user.click(within(form).getByRole('button', { name: 'Continue' }));
    expect(open).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');

    const hubspot = await row('hubspot');
    await user.click(within(hubspot).getByRole('button', { name: 'Disconnect HubSpot' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Disconnect HubSpot?' });
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    // Disconnect archives the connection (DELETE /connections/{id}): the row reads Not connected, offers Connect.
    await waitFor(() => expect(requests('DELETE', '/connections/65a1f0c2d4e5f60718293c01')).toBe(1));
    await waitFor(async () => expect((await row('hubspot')).dataset.state).toBe('not-connected'));
    expect(within(await row('hubspot')).getByRole('button', { name: 'Connect HubSpot' })).toHaveAttribute('data-state', 'not-connected');
  });
});
