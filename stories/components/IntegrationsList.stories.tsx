import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { IntegrationsList } from '../../src/index.js';
import { clearEmulatorFaults, setEmulatorFaults } from '../../.storybook/emulator.js';
import { failingFetchToken, pendingFetchToken } from '../support/storyHelpers.js';

/**
 * The workspace's integrations, each with logo, name, connection status and an action (Connect;
 * Reconnect; Disconnect behind a confirmation), with search, paging, loading, empty and error
 * states. Custom markup through compound parts or `renderItem`.
 */
const meta = {
  title: 'Components/IntegrationsList',
  component: IntegrationsList,
  parameters: { frame: 'narrow' },
  args: { onConnected: fn(), onDisconnected: fn() },
  argTypes: { mode: { control: 'inline-radio', options: ['custom', 'prebuilt'] } },
} satisfies Meta<typeof IntegrationsList>;

export default meta;
type Story = StoryObj<typeof meta>;

const items = async (canvasElement: HTMLElement, minimum = 1) => {
  const list = await within(canvasElement).findByRole('list', { name: 'Integrations' }, { timeout: 10_000 });
  await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(minimum), { timeout: 10_000 });
  return within(list).getAllByRole('listitem');
};

const row = (rows: HTMLElement[], name: string) => {
  const found = rows.find((item) => within(item).queryByText(name, { exact: true }));
  if (!found) throw new Error(`No row named ${name}`);
  return found;
};

/** The seeded customer "Acme Inc.": HubSpot connected, Salesforce disconnected, Slack in error, the rest not connected. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const rows = await items(canvasElement, 16);
    await expect(within(row(rows, 'HubSpot')).getByText('Connected')).toBeInTheDocument();
    await expect(within(row(rows, 'Salesforce')).getByRole('button', { name: /reconnect salesforce/i })).toBeEnabled();
    await expect(within(row(rows, 'Slack')).getByText('Error')).toBeInTheDocument();
    await expect(within(row(rows, 'GitHub')).getByRole('button', { name: /connect github/i })).toBeEnabled();
  },
};

/** Until the token and the first page arrive: skeleton rows, announced as loading. */
export const Loading: Story = {
  parameters: { membrane: { fetchToken: pendingFetchToken } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/loading integrations/i)).toBeInTheDocument();
  },
};

/** A workspace with no apps yet. */
export const Empty: Story = {
  parameters: { membrane: { workspace: 'empty' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/no integrations are available/i, {}, { timeout: 10_000 })).toBeInTheDocument();
  },
};

/**
 * `GET /integrations` answers 500 (an emulator fault on this story's own workspace). The list
 * says so and offers Try again; the play function heals the server, then retries.
 */
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  parameters: { membrane: { workspace: 'flaky', customer: 'story' } },
  beforeEach: async () => {
    await setEmulatorFaults('flaky', { errors: [{ status: 500, route: 'GET /integrations' }] });
    return () => clearEmulatorFaults('flaky');
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const retry = await canvas.findByRole('button', { name: /try again/i }, { timeout: 20_000 });
    await expect(canvas.getByText(/could not be loaded/i)).toBeInTheDocument();
    await clearEmulatorFaults('flaky');
    await userEvent.click(retry);
    await items(canvasElement, 16);
  },
};

/** Every answer takes 1.5 s (latency fault on this story's workspace): skeleton first, then the list. */
export const SlowNetwork: Story = {
  name: 'Slow network',
  parameters: { membrane: { workspace: 'slow', customer: 'story' } },
  beforeEach: async () => {
    await setEmulatorFaults('slow', { latencyMs: 1500 });
    return () => clearEmulatorFaults('slow');
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/loading integrations/i)).toBeInTheDocument();
    await items(canvasElement, 16);
  },
};

/** The app's token endpoint is down: a clear error with Try again, not an endless spinner. */
export const TokenFetchFailing: Story = {
  name: 'Token fetch failing',
  parameters: { membrane: { fetchToken: failingFetchToken } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: /try again/i }, { timeout: 20_000 })).toBeEnabled();
  },
};

/** 1,000 apps: paged from the server, filtered locally on every keystroke. */
export const ThousandIntegrations: Story = {
  name: '1,000 integrations',
  parameters: { membrane: { workspace: 'catalog', customer: 'story' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await items(canvasElement, 10);
    await userEvent.type(canvas.getByRole('searchbox'), 'Nimbus');
    await waitFor(
      async () => {
        const rows = await items(canvasElement);
        for (const item of rows) await expect(item).toHaveTextContent(/nimbus/i);
      },
      { timeout: 10_000 },
    );
  },
};

/** Long words, long sentences, right-to-left and CJK names, and apps without a logo. */
export const LongNamesAndMissingLogos: Story = {
  name: 'Long names and missing logos',
  parameters: { membrane: { workspace: 'edge' } },
  play: async ({ canvasElement }) => {
    const rows = await items(canvasElement, 8);
    for (const item of rows) await expect(item.scrollWidth).toBeLessThanOrEqual(item.clientWidth + 1);
  },
};

/** `mode="prebuilt"`: Membrane's hosted UI for connecting, and a "Manage integrations" action. */
export const Prebuilt: Story = {
  name: 'Prebuilt mode',
  args: { mode: 'prebuilt' },
};

/** `unstyled`: the kit's markup and data attributes only, ready for your own CSS. */
export const Unstyled: Story = {
  parameters: { membrane: { unstyled: true } },
  play: async ({ canvasElement }) => {
    await items(canvasElement, 16);
    await expect(canvasElement.querySelector('[class*="mk-"]')).toBeNull();
  },
};

/** Right to left, with Arabic labels: logical CSS properties mirror the whole row. */
export const RightToLeft: Story = {
  name: 'Right to left',
  args: {
    labels: {
      connect: 'اتصال',
      reconnect: 'إعادة الاتصال',
      disconnect: 'قطع الاتصال',
      searchLabel: 'البحث في التكاملات',
      searchPlaceholder: 'ابحث عن تطبيق…',
      status: { connected: 'متصل', disconnected: 'غير متصل', error: 'خطأ', 'not-connected': 'غير مرتبط' },
    },
  },
  globals: { dir: 'rtl' },
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
};
