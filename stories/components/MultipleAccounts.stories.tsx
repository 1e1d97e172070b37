import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { IntegrationsList } from '../../src/index.js';
import { resetEmulator, setEmulatorFaults } from '../../.storybook/emulator.js';

/**
 * Several accounts of one app (`<IntegrationsList allowMultipleConnections>`), on the `teams`
 * emulator workspace: "Acme Inc." has two HubSpot accounts, one healthy and one needing a new
 * sign-in. Each account is a row of its own inside HubSpot's row (a list named "HubSpot
 * accounts"): its label, its own status, Reconnect of THAT connection, Rename in place and
 * Disconnect of that account only; "Add account" starts a new connection even when one exists.
 * Every story resets the workspace first.
 */
const meta = {
  title: 'Components/IntegrationsList/Several accounts',
  component: IntegrationsList,
  parameters: { frame: 'narrow', membrane: { workspace: 'teams' } },
  args: { allowMultipleConnections: true, onConnected: fn(), onDisconnected: fn() },
  beforeEach: async () => {
    await resetEmulator('teams');
    return () => resetEmulator('teams');
  },
} satisfies Meta<typeof IntegrationsList>;

export default meta;
type Story = StoryObj<typeof meta>;

const HEALTHY = 'HubSpot · acme.com (jane@acme.com)';
const NEEDS_ACTION = 'HubSpot · acme-eu.com (ops@acme-eu.com)';

/** The HubSpot accounts list, once it holds `count` accounts. */
const accounts = async (canvasElement: HTMLElement, count = 2) => {
  const list = await within(canvasElement).findByRole('list', { name: 'HubSpot accounts' }, { timeout: 10_000 });
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(count), { timeout: 15_000 });
  return list;
};
const account = (list: HTMLElement, name: string) => {
  const found = within(list).getByText(name).closest<HTMLElement>('[data-slot="integrations-list-connection"]');
  if (!found) throw new Error(`No account named ${name}`);
  return found;
};

/** Two HubSpot accounts: one connected, one needing a new sign-in (its own Reconnect). */
export const TwoAccounts: Story = {
  name: 'Two accounts of one app',
  play: async ({ canvasElement }) => {
    const list = await accounts(canvasElement);
    await expect(account(list, HEALTHY)).toHaveAttribute('data-state', 'connected');
    await expect(account(list, NEEDS_ACTION)).toHaveAttribute('data-state', 'needs-action');
    await expect(within(account(list, NEEDS_ACTION)).getByRole('button', { name: `Reconnect ${NEEDS_ACTION}` })).toBeVisible();
    await expect(within(canvasElement).getByRole('button', { name: 'Add account to HubSpot' })).toHaveTextContent('Add account');
  },
};

/** "Add account" through the emulator's consent popup (set to allow): a third HubSpot account joins the end of the list. */
export const AddAThirdAccount: Story = {
  name: 'Add a third account',
  beforeEach: async () => {
    await setEmulatorFaults('teams', { consent: 'allow' });
  },
  play: async ({ canvasElement, args }) => {
    await accounts(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add account to HubSpot' }));
    await waitFor(() => expect(args.onConnected).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    const list = await accounts(canvasElement, 3);
    await expect(account(list, HEALTHY)).toHaveAttribute('data-state', 'connected');
    await expect(account(list, NEEDS_ACTION)).toHaveAttribute('data-state', 'needs-action');
  },
};

/** Rename in place: Rename opens a field, Enter saves (the new name shows at once), focus returns to Rename. */
export const RenameAnAccount: Story = {
  name: 'Rename an account',
  play: async ({ canvasElement }) => {
    const list = await accounts(canvasElement);
    await userEvent.click(within(account(list, HEALTHY)).getByRole('button', { name: `Rename ${HEALTHY}` }));
    const field = within(list).getByRole('textbox', { name: `New name for ${HEALTHY}` });
    await userEvent.clear(field);
    await userEvent.type(field, 'Sales team{Enter}');
    await expect(within(list).getByText('Sales team')).toBeVisible();
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Rename Sales team'));
  },
};

/** Disconnect the account that needs action: the healthy one stays connected, and the focus lands on Add account. */
export const DisconnectOneAccount: Story = {
  name: 'Disconnect one account, keep the other',
  play: async ({ canvasElement }) => {
    const list = await accounts(canvasElement);
    await userEvent.click(within(account(list, NEEDS_ACTION)).getByRole('button', { name: `Disconnect ${NEEDS_ACTION}` }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    const left = await accounts(canvasElement, 1);
    await expect(account(left, HEALTHY)).toHaveAttribute('data-state', 'connected');
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Add account to HubSpot'));
  },
};

/** The same in the dark theme. */
export const DarkNarrow: Story = {
  name: 'Dark theme',
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await accounts(canvasElement);
  },
};
