import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ConnectionStatus } from '../../src/index.js';
import { failingFetchToken } from '../support/storyHelpers.js';
import { TokenMonitor } from '../support/TokenMonitor.js';

/**
 * The kit owns the token: one `fetchToken` call for any number of requests, a refresh ahead of
 * expiry, one retry on `401`, and a clear state when your token endpoint fails.
 */
const meta = {
  title: 'Components/Token lifecycle',
  render: (args) => (
    <div style={{ display: 'grid', gap: '1rem', maxInlineSize: '32rem' }}>
      <TokenMonitor {...args} />
      <ConnectionStatus integrationKey="hubspot" />
    </div>
  ),
  args: { pollEveryMs: 5000 },
} satisfies Meta<typeof TokenMonitor>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Tokens from the emulator live 20 seconds; the page polls every 5 seconds, and the kit fetches a
 * new token shortly before the old one expires. Watch "refreshed N times" go up.
 */
export const ExpiringEvery20Seconds: Story = {
  name: 'Token expiring every 20 seconds',
  parameters: { membrane: { tokenExpiresIn: 20, customer: 'story' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('token-status')).toHaveTextContent('Status: valid'), { timeout: 10_000 });
    await expect(canvas.getByText(/Expires in (1\d|20|\d) s/)).toBeInTheDocument();
  },
};

/** The app's token endpoint is down: the kit retries with backoff, then says so instead of spinning forever. */
export const TokenFetchFailing: Story = {
  name: 'Token fetch failing',
  args: { pollEveryMs: 0 },
  parameters: { membrane: { fetchToken: failingFetchToken } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('token-status')).toHaveTextContent('Status: error'), { timeout: 20_000 });
    await expect(canvas.getByRole('alert')).toHaveTextContent(/503/);
  },
};
