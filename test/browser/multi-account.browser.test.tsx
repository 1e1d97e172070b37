import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { commands, page, userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/styles/styles.css';
import { ConnectButton, IntegrationsList, MembraneKitProvider, resetSharedKits, type IntegrationsListProps, type MembraneKitTheme } from '../../src/index.ts';
import { emulator, getToken, requestLog, resetEmulator, setFaults } from './emulator.ts';

// Several accounts of one app (issue 12) in real Chromium against the shared emulator: the seeded
// HubSpot connection plus a second one that needs a new sign-in, each a row of its own.

const HEALTHY = '65a1f0c2d4e5f60718293c01';
const fetchToken = () => getToken();
const SECOND_NAME = 'HubSpot · acme-eu.com (ops@acme-eu.com)';

interface StoredConnection { id: string; name?: string; archivedAt?: string; integration?: { key?: string } }

async function hubspotConnections(): Promise<StoredConnection[]> {
  const all = (await (await fetch(`${emulator().url}/_emulator/connections`)).json()) as StoredConnection[];
  return all.filter((connection) => connection.integration?.key === 'hubspot');
}

/** A second HubSpot account through the REST API (as the SDK's connections.create does), then marked as needing a new sign-in. */
async function addSecondAccount(): Promise<string> {
  const response = await fetch(`${emulator().apiUri}/connections`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await getToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ integrationKey: 'hubspot', name: SECOND_NAME, allowMultipleConnections: true }),
  });
  const { id } = (await response.json()) as { id: string };
  const patch = await fetch(`${emulator().url}/_emulator/connections/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect', description: 'Sign in to HubSpot again.' } }),
  });
  if (!patch.ok) throw new Error(`could not mark ${id}: ${await patch.text()}`);
  return id;
}

async function expectNoAxeViolations(context: Element = document.body) {
  const results = await axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  });
  expect(results.violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)).toEqual([]);
}

function renderList(theme: MembraneKitTheme = 'light', props: Partial<IntegrationsListProps> = {}) {
  return render(
    <MembraneKitProvider fetchToken={fetchToken} apiUri={emulator().apiUri} theme={theme}>
      <main style={{ background: 'var(--mk-color-bg)', padding: 16 }}>
        <h1 style={{ color: 'var(--mk-color-text)' }}>Integrations</h1>
        <IntegrationsList allowMultipleConnections {...props} />
      </main>
    </MembraneKitProvider>,
  );
}

/** The HubSpot accounts list, once both accounts show. */
async function hubspotAccounts(count = 2): Promise<HTMLElement> {
  const list = await screen.findByRole('list', { name: 'HubSpot accounts' }, { timeout: 10_000 });
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(count), { timeout: 10_000 });
  return list;
}

const accountRow = (id: string) => document.querySelector<HTMLElement>(`[data-slot="integrations-list-connection"][data-connection-id="${id}"]`)!;
const part = (row: HTMLElement, slot: string) => row.querySelector<HTMLElement>(`[data-slot="integrations-list-${slot}"]`)!;
const actionButtons = (row: HTMLElement) => Array.from(part(row, 'connection-actions').querySelectorAll<HTMLElement>(':scope > button'));
const box = (element: Element) => element.getBoundingClientRect();
/** Both boxes share a line (their vertical extents overlap). */
const sameLine = (a: Element, b: Element) => box(a).top < box(b).bottom - 1 && box(b).top < box(a).bottom - 1;
/** Neither the list, nor an accounts list, nor the page scrolls sideways. */
function expectNoHorizontalOverflow() {
  const boxes = [
    document.querySelector<HTMLElement>('[data-slot="integrations-list-items"]')!,
    ...document.querySelectorAll<HTMLElement>('[data-slot="integrations-list-connection-items"]'),
    document.documentElement,
  ];
  for (const element of boxes) expect(element.scrollWidth, element.getAttribute('data-slot') ?? element.tagName).toBeLessThanOrEqual(element.clientWidth);
}
/** Until the dialog's fade-in (and any other running animation) is over: axe reads the painted colours. */
const animationsDone = () => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));

let second = '';
beforeEach(async () => {
  await resetEmulator();
  await waitFor(async () => expect(await commands.countPopups()).toBe(0), { timeout: 5000 });
  second = await addSecondAccount();
});
afterEach(() => {
  cleanup();
  resetSharedKits();
  vi.restoreAllMocks();
  document.documentElement.style.colorScheme = '';
});

describe('two HubSpot accounts in one row', () => {
  it('each shows its label, its own status and its own actions, with one GET /connections for the whole list', async () => {
    renderList();
    const list = await hubspotAccounts();
    expect(accountRow(HEALTHY)).toHaveAttribute('data-state', 'connected');
    expect(accountRow(second)).toHaveAttribute('data-state', 'needs-action');
    expect(within(accountRow(second)).getByText(SECOND_NAME)).toBeVisible();
    expect(within(accountRow(second)).getByRole('button', { name: `Reconnect ${SECOND_NAME}` })).toBeVisible();
    expect(within(accountRow(HEALTHY)).queryByRole('button', { name: /^Reconnect/ })).toBeNull();
    expect(within(accountRow(HEALTHY)).getByRole('button', { name: /^Disconnect / })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Add account to HubSpot' })).toHaveTextContent('Add account');
    // The HubSpot row itself shows no single summary status or Disconnect: the accounts carry them.
    const row = list.closest<HTMLElement>('[data-slot="integrations-list-item"]')!;
    expect(row.querySelector(':scope > [data-slot="integrations-list-status"]')).toBeNull();
    expect(within(row.querySelector<HTMLElement>(':scope > [data-slot="integrations-list-action"]')!).queryAllByRole('button')).toEqual([]);
    const log = await requestLog();
    expect(log.filter((entry) => entry.method === 'GET' && entry.path === '/connections')).toHaveLength(1);
  });

  it('Rename: the field opens focused; Enter saves (PATCH) and shows the new name at once; focus returns to Rename; Escape cancels', async () => {
    renderList();
    await hubspotAccounts();
    const rename = within(accountRow(second)).getByRole('button', { name: `Rename ${SECOND_NAME}` });
    await userEvent.click(rename);
    const field = within(accountRow(second)).getByRole('textbox', { name: `New name for ${SECOND_NAME}` });
    expect(document.activeElement).toBe(field);
    await userEvent.clear(field);
    await userEvent.keyboard('   {Enter}');
    expect(await within(accountRow(second)).findByRole('alert')).toHaveTextContent('must not be empty');
    expect(document.activeElement).toBe(field);
    await userEvent.type(field, 'EU sales team{Enter}');
    // Before the PATCH answers (the cache is written first; cancelling queries takes a tick).
    expect(await within(accountRow(second)).findByText('EU sales team', {}, { timeout: 1000 })).toBeVisible();
    const renamed = within(accountRow(second)).getByRole('button', { name: 'Rename EU sales team' });
    await waitFor(() => expect(document.activeElement).toBe(renamed));
    await waitFor(async () => expect((await hubspotConnections()).find((c) => c.id === second)?.name).toBe('EU sales team'));

    await userEvent.click(renamed);
    await userEvent.keyboard('Something else{Escape}');
    expect(within(accountRow(second)).getByText('EU sales team')).toBeVisible();
    expect(document.activeElement).toBe(renamed);
  });

  it('a refused rename puts the old name back and says why', async () => {
    await setFaults({ errors: [{ status: 400, times: 1, route: 'PATCH /connections/:id', message: 'Names are locked in this workspace.' }] });
    renderList();
    await hubspotAccounts();
    await userEvent.click(within(accountRow(HEALTHY)).getByRole('button', { name: /^Rename / }));
    const field = within(accountRow(HEALTHY)).getByRole('textbox');
    const before = (field as HTMLInputElement).value;
    await userEvent.clear(field);
    await userEvent.type(field, 'Will fail{Enter}');
    expect(await within(accountRow(HEALTHY)).findByRole('alert', {}, { timeout: 10_000 })).toBeVisible();
    await waitFor(() => expect(within(accountRow(HEALTHY)).getByText(before)).toBeVisible());
  });

  it('Disconnect archives that account only; the other stays connected and the focus moves to the next account or Add account', async () => {
    renderList();
    await hubspotAccounts();
    await userEvent.click(within(accountRow(HEALTHY)).getByRole('button', { name: /^Disconnect / }));
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    await hubspotAccounts(1);
    expect(accountRow(second)).toHaveAttribute('data-state', 'needs-action');
    await waitFor(() => expect(document.activeElement).toBe(within(accountRow(second)).getAllByRole('button')[0]));
    const stored = await hubspotConnections();
    expect(stored.find((c) => c.id === HEALTHY)?.archivedAt).toEqual(expect.any(String));
    expect(stored.find((c) => c.id === second)?.archivedAt).toBeUndefined();

    await userEvent.click(within(accountRow(second)).getByRole('button', { name: /^Disconnect / }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Disconnect' }));
    // The last account gone: the row is back to one Connect button.
    await waitFor(() => expect(screen.queryByRole('list', { name: 'HubSpot accounts' })).toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Connect HubSpot'), { timeout: 10_000 });
  });

  it('Reconnect repairs THAT connection id (no new connection)', async () => {
    await setFaults({ consent: 'allow' });
    renderList();
    await hubspotAccounts();
    await userEvent.click(within(accountRow(second)).getByRole('button', { name: `Reconnect ${SECOND_NAME}` }));
    await waitFor(() => expect(accountRow(second)).toHaveAttribute('data-state', 'connected'), { timeout: 15_000 });
    const stored = (await hubspotConnections()).filter((c) => !c.archivedAt);
    expect(stored.map((c) => c.id).sort()).toEqual([HEALTHY, second].sort());
  });

  it('Add account creates a third connection even though one needs action; both others stay', async () => {
    await setFaults({ consent: 'allow' });
    renderList();
    await hubspotAccounts();
    await userEvent.click(screen.getByRole('button', { name: 'Add account to HubSpot' }));
    await hubspotAccounts(3);
    const stored = (await hubspotConnections()).filter((c) => !c.archivedAt);
    expect(stored).toHaveLength(3);
    expect(accountRow(second)).toHaveAttribute('data-state', 'needs-action');
    expect(accountRow(HEALTHY)).toHaveAttribute('data-state', 'connected');
  });
});

describe('account rows at 390 and 1024 px', () => {
  it('at 390 px: name and status share the first line, the actions fill a line of their own as one even group, targets >= 24 px, nothing overflows', async () => {
    await page.viewport(390, 900);
    renderList();
    await hubspotAccounts();
    for (const id of [HEALTHY, second]) {
      const row = accountRow(id);
      const name = part(row, 'connection-name');
      const status = part(row, 'connection-status');
      const buttons = actionButtons(row);
      expect(buttons.length).toBeGreaterThanOrEqual(2);
      expect(sameLine(name, status)).toBe(true);
      for (const button of buttons) {
        expect(sameLine(button, buttons[0]!), button.textContent!).toBe(true);
        expect(box(button).top).toBeGreaterThanOrEqual(Math.max(box(name).bottom, box(status).bottom));
        expect(box(button).height).toBeGreaterThanOrEqual(24);
        expect(box(button).width).toBeGreaterThanOrEqual(24);
      }
      const widths = buttons.map((button) => box(button).width);
      expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(2);
      // The group spans the row's content box.
      const actions = part(row, 'connection-actions');
      expect(box(buttons[0]!).left - box(actions).left).toBeLessThan(1);
      expect(box(actions).right - box(buttons.at(-1)!).right).toBeLessThan(1);
      expect(box(row).right - box(actions).right).toBeLessThanOrEqual(parseFloat(getComputedStyle(row).paddingInlineEnd) + 1);
    }
    expectNoHorizontalOverflow();
  });

  it('at 1024 px: name, status and actions stay on one line', async () => {
    await page.viewport(1024, 900);
    renderList();
    await hubspotAccounts();
    for (const id of [HEALTHY, second]) {
      const row = accountRow(id);
      const name = part(row, 'connection-name');
      expect(sameLine(name, part(row, 'connection-status'))).toBe(true);
      for (const button of actionButtons(row)) expect(sameLine(name, button), button.textContent!).toBe(true);
    }
    expectNoHorizontalOverflow();
  });

  it("while an account is renamed its other actions are hidden, Save and Cancel share a line at 390 px, and the focus goes back to Rename after Cancel and after Save", async () => {
    await page.viewport(390, 900);
    renderList();
    await hubspotAccounts();
    const row = accountRow(second);
    await userEvent.click(within(row).getByRole('button', { name: `Rename ${SECOND_NAME}` }));
    expect(within(row).queryByRole('button', { name: /^(Rename|Reconnect|Disconnect) / })).toBeNull();
    expect(part(row, 'connection-actions')).not.toBeVisible();
    // The other account keeps its actions.
    expect(within(accountRow(HEALTHY)).getByRole('button', { name: /^Rename / })).toBeVisible();
    const field = within(row).getByRole('textbox');
    const save = within(row).getByRole('button', { name: 'Save' });
    const cancel = within(row).getByRole('button', { name: 'Cancel' });
    expect(sameLine(save, cancel)).toBe(true);
    expect(box(save).top).toBeGreaterThanOrEqual(box(field).bottom);
    expect(box(save).height).toBeGreaterThanOrEqual(24);
    expectNoHorizontalOverflow();

    await userEvent.click(cancel);
    const rename = within(row).getByRole('button', { name: `Rename ${SECOND_NAME}` });
    expect(document.activeElement).toBe(rename);
    await userEvent.click(rename);
    await userEvent.click(within(row).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(document.activeElement).toBe(within(row).getByRole('button', { name: `Rename ${SECOND_NAME}` })));
  });
});

describe('arrow keys', () => {
  it('ArrowDown and ArrowUp visit the app row, each of its accounts, then the next app row', async () => {
    renderList();
    const list = await hubspotAccounts();
    const hubspot = list.closest<HTMLElement>('[data-slot="integrations-list-item"]')!;
    const next = hubspot.nextElementSibling as HTMLElement;
    const nextAccount = next.querySelector<HTMLElement>('[data-slot="integrations-list-connection"]');
    const first = (element: HTMLElement) => element.querySelector<HTMLElement>('button:not([disabled]), [tabindex]:not([tabindex="-1"])')!;
    // From the first account's last control.
    actionButtons(accountRow(HEALTHY)).at(-1)!.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(first(accountRow(second)));
    // The HubSpot row's own control (no Connect or status of its own: Add account, under its accounts).
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAccessibleName('Add account to HubSpot');
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(first(nextAccount ?? next));
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveAccessibleName('Add account to HubSpot');
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(first(accountRow(second)));
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(first(accountRow(HEALTHY)));
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(first(accountRow(HEALTHY)));
  });
});

describe('the consent line', () => {
  it('comes from the consent label ({name}) when the page gives none for the integration; the consent prop wins', async () => {
    renderList('light', { labels: { consent: 'Reads {name} contacts; writes notes.' }, consent: { hubspot: 'Reads HubSpot deals only.' } });
    await hubspotAccounts();
    await userEvent.click(screen.getByRole('button', { name: 'Add account to HubSpot' }));
    const hubspotDialog = await screen.findByRole('dialog');
    const hubspotLine = await within(hubspotDialog).findByText(/Reads HubSpot deals only\./);
    expect(hubspotLine.closest('[data-slot="connect-dialog-consent"]')).not.toHaveTextContent('contacts');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: 'Connect Zendesk' }));
    const zendeskDialog = await screen.findByRole('dialog', { name: 'Connect Zendesk' });
    const line = await waitFor(() => zendeskDialog.querySelector<HTMLElement>('[data-slot="connect-dialog-consent"]')!);
    expect(line).toHaveTextContent('What this app does with Zendesk: Reads Zendesk contacts; writes notes.');
    await userEvent.keyboard('{Escape}');
  });
});

describe('the consent label alone', () => {
  it("opens the dialog before an app that would go straight to its popup, in the list and on a ConnectButton", async () => {
    const opened = vi.spyOn(window, 'open');
    const labels = { consent: 'Reads {name} issues; writes comments.' };
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={emulator().apiUri} labels={labels}>
        <IntegrationsList />
        <ConnectButton integrationKey="github" data-testid="standalone" />
      </MembraneKitProvider>,
    );
    const list = await screen.findByRole('list', { name: /integrations/i }, { timeout: 10_000 });
    await userEvent.click(await within(list).findByRole('button', { name: 'Connect GitHub' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect GitHub' });
    await waitFor(() => expect(dialog.querySelector('[data-slot="connect-dialog-consent"]')).toHaveTextContent('What this app does with GitHub: Reads GitHub issues; writes comments.'));
    // Nothing to fill in: the description does not ask for details.
    expect(dialog).toHaveTextContent('Continue to sign in to GitHub.');
    expect(opened).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(screen.getByTestId('standalone'));
    const second = await screen.findByRole('dialog', { name: 'Connect GitHub' });
    await waitFor(() => expect(second.querySelector('[data-slot="connect-dialog-consent"]')).toHaveTextContent('Reads GitHub issues; writes comments.'));
    expect(opened).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
  });
});

describe.each<MembraneKitTheme>(['light', 'dark'])('accounts in the %s theme', (theme) => {
  it('pass axe (WCAG 2.2 AA), also with the name field open; screenshots at 1024 and 390 px', async () => {
    if (theme === 'dark') document.documentElement.style.colorScheme = 'dark';
    await page.viewport(1024, 900);
    renderList(theme);
    await hubspotAccounts();
    await expectNoAxeViolations();
    await page.screenshot({ path: `__screenshots__/multi-account/accounts-1024-${theme}.png` });
    await page.viewport(390, 900);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await page.screenshot({ path: `__screenshots__/multi-account/accounts-390-${theme}.png` });
    await userEvent.click(within(accountRow(second)).getByRole('button', { name: `Rename ${SECOND_NAME}` }));
    await expectNoAxeViolations();
    await page.screenshot({ path: `__screenshots__/multi-account/rename-390-${theme}.png` });
  });

  it("the connect dialog's consent line: muted text, its title in the text colour and bold, axe passes; screenshot at 390 px", async () => {
    if (theme === 'dark') document.documentElement.style.colorScheme = 'dark';
    await page.viewport(390, 900);
    renderList(theme, { consent: { hubspot: 'Reads contacts and companies; writes notes to the contact timeline.' } });
    await hubspotAccounts();
    await userEvent.click(screen.getByRole('button', { name: 'Add account to HubSpot' }));
    const dialog = await screen.findByRole('dialog');
    const line = await waitFor(() => dialog.querySelector<HTMLElement>('[data-slot="connect-dialog-consent"]')!);
    const title = line.querySelector<HTMLElement>('.mk-Dialog-consentTitle')!;
    await animationsDone();
    const muted = getComputedStyle(dialog.querySelector('.mk-Dialog-description')!).color;
    expect(getComputedStyle(line).color).toBe(muted);
    expect(getComputedStyle(title).color).toBe(getComputedStyle(dialog).color);
    expect(Number(getComputedStyle(title).fontWeight)).toBeGreaterThanOrEqual(600);
    expect(getComputedStyle(title).display).toBe('block');
    expect(parseFloat(getComputedStyle(line).paddingInlineStart)).toBeGreaterThan(0);
    expect(getComputedStyle(line).backgroundColor).not.toBe(getComputedStyle(dialog).backgroundColor);
    await expectNoAxeViolations(dialog);
    await page.screenshot({ path: `__screenshots__/multi-account/consent-390-${theme}.png` });
    await userEvent.keyboard('{Escape}');
  });
});
