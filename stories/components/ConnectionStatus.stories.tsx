import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionStatus } from '../../src/index.js';
import { failingFetchToken, pendingFetchToken } from '../support/storyHelpers.js';

/**
 * A badge for one integration's connection: `not-connected`, `connecting`, `connected`,
 * `disconnected` or `error` (the message on hover and focus), with an optional Reconnect action.
 * It reads the shared integrations list, so fifty badges cost one request, and updates after any
 * connect or disconnect on the page and on window focus.
 */
const meta = {
  title: 'Components/ConnectionStatus',
  component: ConnectionStatus,
  args: { integrationKey: 'hubspot' },
  argTypes: {
    integrationKey: {
      control: 'select',
      options: ['hubspot', 'salesforce', 'slack', 'github', 'notion', 'stripe', 'jira'],
    },
    mode: { control: 'inline-radio', options: ['custom', 'prebuilt'] },
  },
} satisfies Meta<typeof ConnectionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

const badge = async (canvasElement: HTMLElement) =>
  within(canvasElement).findByText(/^(Connected|Disconnected|Error|Not connected)$/, {}, { timeout: 10_000 });

/** HubSpot is connected for the seeded customer. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Connected');
    await expect(canvasElement.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'connected');
  },
};

/** Salesforce was disconnected: its credentials no longer work. */
export const Disconnected: Story = {
  args: { integrationKey: 'salesforce' },
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Disconnected');
  },
};

/** Slack's token was revoked: the message shows on hover and on keyboard focus. */
export const ConnectionInError: Story = {
  name: 'Connection in error',
  args: { integrationKey: 'slack' },
  play: async ({ canvasElement }) => {
    const status = await badge(canvasElement);
    await expect(status).toHaveTextContent('Error');
    await userEvent.tab();
    await expect(status).toHaveFocus();
    await waitFor(() => expect(within(document.body).getByRole('tooltip')).toHaveTextContent('revoked'));
  },
};

/** GitHub has never been connected. */
export const NotConnected: Story = {
  args: { integrationKey: 'github' },
  play: async ({ canvasElement }) => {
    await expect(await badge(canvasElement)).toHaveTextContent('Not connected');
  },
};

/** `showReconnect` adds a Reconnect action to disconnected and failed connections. */
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
    for (const text of ['Disconnected', 'Error', 'Not connected']) await expect(canvas.getByText(text)).toBeInTheDocument();
  },
};

/** Dark theme (the toolbar's Theme switches every story). */
export const Dark: Story = {
  args: { integrationKey: 'slack', showReconnect: true },
  globals: { theme: 'dark' },
};
