import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SettingsPage as SettingsPageView } from './SettingsPage.js';

/**
 * A realistic "Settings → Integrations" page with all three components, on the seeded customer
 * "Acme Inc." (HubSpot connected, Salesforce disconnected, Slack in error). Switch `mode` between
 * Membrane's prebuilt UI and the kit's custom dialog, and the theme and brand in the toolbar.
 */
const meta = {
  title: 'Playground',
  component: SettingsPageView,
  parameters: { frame: 'fullscreen' },
  argTypes: {
    mode: {
      control: 'inline-radio',
      options: ['custom', 'prebuilt'],
      description: '`custom`: the kit’s own dialog and popup. `prebuilt`: Membrane’s hosted connect UI.',
    },
  },
  args: { mode: 'custom' },
} satisfies Meta<typeof SettingsPageView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SettingsPage: Story = {
  name: 'Settings page',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', { name: /integrations/i }, { timeout: 10_000 });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(16), { timeout: 10_000 });
    // One token, one list request: the cards and the list agree on every state.
    const cards = canvas.getByRole('region', { name: 'Recommended for Acme Inc.' });
    await waitFor(() => expect(within(cards).getByText('Connected')).toBeInTheDocument());
    await expect(within(cards).getByRole('button', { name: /reconnect salesforce/i })).toBeEnabled();
    await expect(within(cards).getByRole('button', { name: /reconnect slack/i })).toBeEnabled();
  },
};

/** Searching filters the list on every keystroke, while the server search catches up. */
export const Search: Story = {
  name: 'Settings page: search',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', { name: /integrations/i }, { timeout: 10_000 });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(16), { timeout: 10_000 });
    await userEvent.type(canvas.getByRole('searchbox'), 'slack');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
  },
};

/** The same page on Membrane's prebuilt (hosted) connect UI. */
export const Prebuilt: Story = {
  name: 'Settings page (prebuilt mode)',
  args: { mode: 'prebuilt' },
};

/**
 * Team accounts (`allowMultipleConnections`), on the `teams` workspace: Acme Inc. has two HubSpot
 * accounts, one healthy and one needing a new sign-in; each can be renamed, repaired or
 * disconnected on its own, and "Add account" connects another.
 */
export const TeamAccounts: Story = {
  name: 'Settings page: team accounts',
  args: { teamAccounts: true },
  parameters: { membrane: { workspace: 'teams' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const accounts = await canvas.findByRole('list', { name: 'HubSpot accounts' }, { timeout: 10_000 });
    await waitFor(() => expect(within(accounts).getAllByRole('listitem')).toHaveLength(2), { timeout: 10_000 });
    await expect(canvas.getByRole('button', { name: 'Add account to HubSpot' })).toBeEnabled();
  },
};
