import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionStatus } from '../../src/index.js';
import { failingFetchToken, pendingFetchToken } from '../support/storyHelpers.js';

/**
 * A badge for one integration's connection: `not-connected`, `connecting`, `setting-up`,
 * `needs-action`, `connected` (maybe with a warning), `disconnecting`, `disconnected` or `error`
 * (the message on hover and focus), with an optional Reconnect / Finish setup action. It reads the
 * shared integrations list, so fifty badges cost one request, and updates after any connect or
 * disconnect on the page and on window focus. The Membrane 0.28 states come from the `states`
 * emulator workspace, whose customer has one connection per state.
 */
const meta = {
  title: 'Components/ConnectionStatus',
  component: ConnectionStatus,
  args: { integrationKey: 'hubspot' },
  argTypes: {
    integrationKey: {
      control: 'select',
      options: ['hubspot', 'salesforce', 'slack', 'google-sheets', 'github', 'notion', 'trello', 'stripe', 'jira'],
    },
    mode: { control: 'inline-radio', options: ['custom', 'prebuilt'] },
  },
} satisfies Meta<typeof ConnectionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

const badge = async (canvasElement: HTMLElement) =>
  within(canvasElement).findByText(/^(Connected|Disconnected|Error|Not connected|Needs action|Setting up…|Disconnecting…)$/, {}, { timeout: 10_000 });
const root = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-slot="connection-status"]')!;
/** The `states` workspace: one connection per Membrane 0.28 state (.storybook/workspaces.ts). */
const states = { membrane: { workspace: 'states' as const } };

/** HubSpot is connected for the seeded customer. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Connected');
    await expect(canvasElement.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'connected');
  },
};

/** Salesforce was disconnected: its credentials no longer work. (Slack, whose token was revoked, reads the same.) */
export const Disconnected: Story = {
  args: { integrationKey: 'salesforce' },
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Disconnected');
  },
};

/** Trello's setup failed (`SETUP_FAILED` with an error): the message shows on hover and on keyboard focus. */
export const ConnectionInError: Story = {
  name: 'Connection in error',
  args: { integrationKey: 'trello' },
  parameters: states,
  play: async ({ canvasElement }) => {
    const status = await badge(canvasElement);
    await expect(status).toHaveTextContent('Error');
    await userEvent.tab();
    await expect(status).toHaveFocus();
    await waitFor(() => expect(within(document.body).getByRole('tooltip')).toHaveTextContent('webhook'));
  },
};

/**
 * Membrane asks the customer to sign in again (`state: CLIENT_ACTION_REQUIRED`,
 * `clientAction.type: 'connect'`): "Needs action", its description on focus, and Reconnect, which
 * repairs this connection instead of adding one.
 */
export const NeedsActionSignIn: Story = {
  name: 'Needs action: sign in again',
  args: { integrationKey: 'hubspot', showReconnect: true },
  parameters: states,
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Needs action');
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'needs-action');
    await expect(within(canvasElement).getByRole('button', { name: 'Reconnect HubSpot' })).toHaveAttribute('data-reconnect');
  },
};

/** Membrane needs more input (`clientAction.type: 'provide-input'`): the action reads "Finish setup". */
export const NeedsActionFinishSetup: Story = {
  name: 'Needs action: finish setup',
  args: { integrationKey: 'salesforce', showReconnect: true },
  parameters: states,
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Needs action');
    await expect(within(canvasElement).getByRole('button', { name: 'Finish setup for Salesforce' })).toHaveTextContent('Finish setup');
  },
};

/** Membrane is still building the connection (`state: BUILDING`): a busy badge, no action. */
export const SettingUp: Story = {
  name: 'Setting up',
  args: { integrationKey: 'slack', showReconnect: true },
  parameters: states,
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Setting up…');
    await expect(root(canvasElement)).toHaveAttribute('aria-busy', 'true');
    await expect(within(canvasElement).queryByRole('button')).toBeNull();
  },
};

/** Membrane is archiving the connection (`state: DISCONNECTING`): a busy badge, no action. */
export const Disconnecting: Story = {
  args: { integrationKey: 'google-sheets', showReconnect: true },
  parameters: states,
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Disconnecting…');
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'disconnecting');
  },
};

/** The connection works but its last request failed (`requestError`): still Connected, with the failure on focus. */
export const ConnectedWithWarning: Story = {
  name: 'Connected with a warning',
  args: { integrationKey: 'github' },
  parameters: states,
  play: async ({ canvasElement }) => {
    const status = await badge(canvasElement);
    await expect(status).toHaveTextContent('Connected');
    await expect(root(canvasElement)).toHaveAttribute('data-warning');
    await userEvent.tab();
    await expect(status).toHaveFocus();
    await waitFor(() => expect(within(document.body).getByRole('tooltip')).toHaveTextContent('last request failed'));
  },
};

/** A defunct connection (`isDefunct`) is disconnected: Reconnect repairs it. */
export const Defunct: Story = {
  args: { integrationKey: 'notion', showReconnect: true },
  parameters: states,
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Disconnected');
    await expect(within(canvasElement).getByRole('button', { name: 'Reconnect Notion' })).toBeEnabled();
  },
};

/** GitHub has never been connected. */
export const NotConnected: Story = {
  args: { integrationKey: 'github' },
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Not connected');
  },
};

/** `showReconnect` adds a Reconnect action to connections that need action, are disconnected or failed. */
export const WithReconnect: Story = {
  name: 'With Reconnect action',
  args: { integrationKey: 'slack', showReconnect: true },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: /reconnect/i }, { timeout: 10_000 })).toBeEnabled();
  },
};

/** Until the token and the list arrive, the badge is a placeholder with an accessible "Loading status". */
export const Loading: Story = {
  parameters: { membrane: { fetchToken: pendingFetchToken } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'loading');
  },
};

/** The app's token endpoint is down: the badge says it could not load, with the reason on focus. */
export const TokenFetchFailing: Story = {
  name: 'Token fetch failing',
  parameters: { membrane: { fetchToken: failingFetchToken } },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(canvasElement.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'error'),
      { timeout: 20_000 },
    );
  },
};

/** Every state side by side, as a design review sees them. */
export const AllStates: Story = {
  name: 'All states',
  render: () => (
    <table style={{ borderCollapse: 'separate', borderSpacing: '1.5rem 0.75rem', fontFamily: 'var(--mk-font-family, sans-serif)' }}>
      <tbody>
        {[
          ['HubSpot', 'hubspot'],
          ['Salesforce', 'salesforce'],
          ['Slack', 'slack'],
          ['GitHub', 'github'],
        ].map(([name, key]) => (
          <tr key={key}>
            <th scope="row" style={{ textAlign: 'start', fontWeight: 500 }}>
              {name}
            </th>
            <td>
              <ConnectionStatus integrationKey={key ?? ''} showReconnect />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Connected', {}, { timeout: 10_000 });
    for (const text of ['Disconnected', 'Not connected']) await expect(canvas.getAllByText(text).length).toBeGreaterThan(0);
  },
};

/** Every Membrane 0.28 state side by side (the `states` workspace), as a design review sees them. */
export const AllMembraneStates: Story = {
  name: 'All Membrane 0.28 states',
  parameters: states,
  render: () => (
    <table style={{ borderCollapse: 'separate', borderSpacing: '1.5rem 0.75rem', fontFamily: 'var(--mk-font-family, sans-serif)' }}>
      <tbody>
        {[
          ['HubSpot', 'hubspot', 'CLIENT_ACTION_REQUIRED, connect'],
          ['Salesforce', 'salesforce', 'CLIENT_ACTION_REQUIRED, provide-input'],
          ['Slack', 'slack', 'BUILDING'],
          ['Google Sheets', 'google-sheets', 'DISCONNECTING'],
          ['GitHub', 'github', 'requestError'],
          ['Notion', 'notion', 'isDefunct'],
          ['Trello', 'trello', 'SETUP_FAILED'],
          ['Stripe', 'stripe', 'no connection'],
        ].map(([name, key, membrane]) => (
          <tr key={key}>
            <th scope="row" style={{ textAlign: 'start', fontWeight: 500 }}>
              {name}
            </th>
            <td>
              <code>{membrane}</code>
            </td>
            <td>
              <ConnectionStatus integrationKey={key ?? ''} showReconnect />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Setting up…', {}, { timeout: 10_000 });
    const shown = () => Array.from(canvasElement.querySelectorAll('[data-slot="connection-status"]')).map((el) => el.getAttribute('data-state'));
    await waitFor(() =>
      expect(shown()).toEqual(['needs-action', 'needs-action', 'setting-up', 'disconnecting', 'connected', 'disconnected', 'error', 'not-connected']),
    );
  },
};

/** Dark theme (the toolbar's Theme switches every story). */
export const Dark: Story = {
  args: { integrationKey: 'slack', showReconnect: true },
  globals: { theme: 'dark' },
};

/** The Membrane 0.28 states in the dark theme. */
export const DarkMembraneStates: Story = {
  ...AllMembraneStates,
  name: 'All Membrane 0.28 states (dark)',
  globals: { theme: 'dark' },
};

/**
 * One account of several (`connectionId`, the `teams` workspace): "Acme Inc." holds two HubSpot
 * accounts; each badge shows its own account's name and status, and only the one that needs a new
 * sign-in offers Reconnect (which repairs that connection).
 */
export const OneAccount: Story = {
  name: 'One account of several',
  parameters: { membrane: { workspace: 'teams' as const } },
  args: { showReconnect: true },
  render: (args) => (
    <div style={{ display: 'grid', gap: 8 }}>
      <ConnectionStatus {...args} connectionId="65a1f0c2d4e5f60718293c01" />
      <ConnectionStatus {...args} connectionId="65a1f0c2d4e5f60718293c11" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const [jane, ops] = [...canvasElement.querySelectorAll<HTMLElement>('[data-slot="connection-status"]')];
    await waitFor(() => expect(jane).toHaveAttribute('data-state', 'connected'), { timeout: 10_000 });
    await waitFor(() => expect(ops).toHaveAttribute('data-state', 'needs-action'), { timeout: 10_000 });
    await expect(within(ops!).getByRole('button', { name: 'Reconnect HubSpot · acme-eu.com (ops@acme-eu.com)' })).toBeInTheDocument();
    await expect(within(jane!).queryByRole('button')).toBeNull();
  },
};
