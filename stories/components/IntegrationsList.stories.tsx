import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { IntegrationsList } from '../../src/index.js';
import { clearEmulatorFaults, resetEmulator, setEmulatorFaults } from '../../.storybook/emulator.js';
import { failingFetchToken, pendingFetchToken } from '../support/storyHelpers.js';
import { setConnectionState } from './setConnectionState.js';

/**
 * The workspace's integrations, each with logo, name, connection status and an action (Connect;
 * Reconnect or Finish setup on the existing connection; Disconnect behind a confirmation, which
 * archives the connection; nothing while Membrane sets a connection up or disconnects it), with
 * search, paging, loading, empty and error states. Custom markup through compound parts or
 * `renderItem`.
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

/**
 * The seeded customer "Acme Inc.": HubSpot connected; Salesforce disconnected; Slack disconnected
 * too (its token was revoked: the message is on the badge's focus); the rest not connected.
 */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const rows = await items(canvasElement, 16);
    await expect(within(row(rows, 'HubSpot')).getByText('Connected')).toBeInTheDocument();
    await expect(within(row(rows, 'Salesforce')).getByRole('button', { name: /reconnect salesforce/i })).toBeEnabled();
    await expect(within(row(rows, 'Slack')).getByText('Disconnected')).toBeInTheDocument();
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
    const list = canvas.getByRole('list', { name: 'Integrations' });
    await waitFor(
      () => {
        const rows = within(list).getAllByRole('listitem');
        for (const item of rows) expect(item).toHaveTextContent(/nimbus/i);
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

/**
 * `renderItem` with the compound parts: your layout (here a two-line card row with a description
 * of its own), the kit's logo, status and actions.
 */
export const CustomRenderItem: Story = {
  name: 'Custom renderItem',
  args: {
    renderItem: (integration, state) => (
      <IntegrationsList.Item integration={integration} style={{ alignItems: 'flex-start' }}>
        <IntegrationsList.Logo />
        <div style={{ display: 'grid', gap: '0.25rem', flex: 1, minInlineSize: 0 }}>
          <IntegrationsList.Name />
          <span style={{ color: 'var(--mk-color-text-muted)', fontSize: 'var(--mk-font-size-xs)' }}>
            {state === 'connected' ? 'Syncing every 15 minutes' : `Send ${integration.name} data to Pulse`}
          </span>
          <IntegrationsList.Status />
        </div>
        <IntegrationsList.Action />
      </IntegrationsList.Item>
    ),
  },
  play: async ({ canvasElement }) => {
    const rows = await items(canvasElement, 16);
    await expect(within(row(rows, 'HubSpot')).getByText('Syncing every 15 minutes')).toBeInTheDocument();
    await expect(row(rows, 'HubSpot')).toHaveAttribute('data-state', 'connected');
  },
};

/**
 * Disconnect sits behind a confirmation; it archives the connection, so the row (and every status
 * on the page) reads "Not connected" and offers Connect again.
 */
export const DisconnectWithConfirmation: Story = {
  name: 'Disconnect (with confirmation)',
  parameters: { membrane: { workspace: 'sandbox' } },
  beforeEach: async () => {
    await resetEmulator('sandbox');
    return () => resetEmulator('sandbox');
  },
  play: async ({ canvasElement, args }) => {
    const hubspot = row(await items(canvasElement, 16), 'HubSpot');
    await userEvent.click(within(hubspot).getByRole('button', { name: /disconnect hubspot/i }));
    const confirm = await within(document.body).findByRole('alertdialog');
    await userEvent.click(within(confirm).getByRole('button', { name: /^disconnect/i }));
    await waitFor(() => expect(args.onDisconnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await waitFor(() => expect(row(within(canvasElement).getAllByRole('listitem'), 'HubSpot')).toHaveAttribute('data-state', 'not-connected'));
    await expect(within(row(within(canvasElement).getAllByRole('listitem'), 'HubSpot')).getByRole('button', { name: 'Connect HubSpot' })).toBeEnabled();
  },
};

/**
 * Every Membrane 0.28 state in one list (the `states` workspace): HubSpot needs a new sign-in
 * (Reconnect), Salesforce more input (Finish setup), Slack is being set up and Google Sheets
 * disconnected (busy, no action), GitHub's last request failed (Connected, with the failure on
 * the badge), Notion is defunct, Trello's setup failed.
 */
export const MembraneStates: Story = {
  name: 'Membrane 0.28 states',
  parameters: { membrane: { workspace: 'states' } },
  play: async ({ canvasElement }) => {
    const rows = await items(canvasElement, 16);
    const buttons = (name: string) => within(row(rows, name)).queryAllByRole('button').map((button) => button.getAttribute('aria-label'));
    await expect(row(rows, 'HubSpot')).toHaveAttribute('data-state', 'needs-action');
    await expect(buttons('HubSpot')).toEqual(['Reconnect HubSpot', 'Disconnect HubSpot']);
    await expect(within(row(rows, 'Salesforce')).getByRole('button', { name: 'Finish setup for Salesforce' })).toHaveTextContent('Finish setup');
    await expect(within(row(rows, 'Slack')).getByText('Setting up…')).toBeInTheDocument();
    await expect(buttons('Slack')).toEqual([]);
    await expect(within(row(rows, 'Google Sheets')).getByText('Disconnecting…')).toBeInTheDocument();
    await expect(buttons('Google Sheets')).toEqual([]);
    await expect(row(rows, 'GitHub').querySelector('[data-slot="integrations-list-status"]')).toHaveAttribute('data-warning');
    await expect(row(rows, 'Notion')).toHaveAttribute('data-state', 'disconnected');
    await expect(row(rows, 'Trello')).toHaveAttribute('data-state', 'error');
  },
};

/** The same states in the dark theme. */
export const MembraneStatesDark: Story = {
  ...MembraneStates,
  name: 'Membrane 0.28 states (dark)',
  globals: { theme: 'dark' },
};

/**
 * HubSpot needs a new sign-in (set with the emulator's `PATCH /_emulator/connections/hubspot`):
 * the row's Reconnect repairs that same connection, and the consent page (set to allow by itself)
 * leaves it connected, still one HubSpot connection.
 */
export const NeedsActionReconnect: Story = {
  name: 'Needs action: Reconnect repairs the connection',
  parameters: { membrane: { workspace: 'sandbox' } },
  beforeEach: async () => {
    await resetEmulator('sandbox');
    await setConnectionState('sandbox', 'hubspot', {
      state: 'CLIENT_ACTION_REQUIRED',
      clientAction: { type: 'connect', description: 'HubSpot signed you out. Sign in again to resume syncing.' },
    });
    await setEmulatorFaults('sandbox', { consent: 'allow' });
    return () => resetEmulator('sandbox');
  },
  play: async ({ canvasElement, args }) => {
    const hubspot = row(await items(canvasElement, 16), 'HubSpot');
    await expect(hubspot).toHaveAttribute('data-state', 'needs-action');
    await userEvent.click(within(hubspot).getByRole('button', { name: 'Reconnect HubSpot' }));
    await waitFor(() => expect(args.onConnected).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    await waitFor(() => expect(row(within(canvasElement).getAllByRole('listitem'), 'HubSpot')).toHaveAttribute('data-state', 'connected'));
    // The seeded connection's own id: repaired, not replaced by a second connection.
    await expect(args.onConnected).toHaveBeenCalledWith(expect.objectContaining({ id: '65a1f0c2d4e5f60718293c01' }), expect.anything());
  },
};

/**
 * `mode="prebuilt"` with no `sdk`: Connect opens Membrane 0.28's hosted connect screen in an
 * overlay, which the kit drives itself (nothing to install). "Manage integrations" needs Membrane's
 * SDK (next story), so it is not offered here.
 */
export const Prebuilt: Story = {
  name: 'Prebuilt mode',
  args: { mode: 'prebuilt' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await items(canvasElement, 16);
    await expect(canvas.queryByRole('button', { name: 'Manage integrations' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Connect GitHub' }));
    const overlay = await waitFor(() => {
      const found = canvasElement.ownerDocument.querySelector('[data-mk-hosted-screen]');
      if (!found) throw new Error('no hosted screen yet');
      return found;
    });
    await expect(overlay).toHaveAttribute('role', 'dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvasElement.ownerDocument.querySelector('[data-mk-hosted-screen]')).toBeNull());
    await waitFor(() => expect(row(canvas.getAllByRole('listitem'), 'GitHub')).toHaveAttribute('data-state', 'not-connected'));
  },
};

/**
 * An app on Membrane's current SDK: `sdk={() => import('@membranehq/sdk')}`. The SDK downloads on
 * the first Connect (its `ui.connect` screens) or "Manage integrations" (its full hosted UI); the
 * list, statuses and custom flows never load it.
 */
export const PrebuiltWithMembraneSdk: Story = {
  name: 'Prebuilt mode on @membranehq/sdk',
  args: { mode: 'prebuilt', sdk: () => import('@membranehq/sdk') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await items(canvasElement, 16);
    await expect(await canvas.findByRole('button', { name: 'Manage integrations' })).toBeVisible();
  },
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

/**
 * Scoped and prefilled: only HubSpot, Zendesk and Salesforce, in that order
 * (`integrations={['hubspot', 'zendesk', 'salesforce']}`); Zendesk's form prefilled with the
 * customer's subdomain, locked (`lockedParameters`), and its region prefilled but editable; a
 * consent line per app (`consent`) shown in the connect dialog before the customer continues.
 */
export const ScopedAndPrefilled: Story = {
  name: 'Scoped and prefilled',
  args: {
    integrations: ['hubspot', 'zendesk', 'salesforce'],
    parameters: { zendesk: { subdomain: 'acme', region: 'eu' } },
    lockedParameters: { zendesk: ['subdomain'] },
    consent: {
      hubspot: 'Reads contacts and companies; writes notes.',
      zendesk: 'Reads tickets; writes internal notes.',
      salesforce: 'Reads accounts and opportunities.',
    },
  },
  play: async ({ canvasElement }) => {
    const rows = await items(canvasElement, 3);
    await expect(rows.map((item) => item.querySelector('[data-slot="integrations-list-name"]')?.textContent)).toEqual(['HubSpot', 'Zendesk', 'Salesforce']);
    await userEvent.click(within(row(rows, 'Zendesk')).getByRole('button', { name: 'Connect Zendesk' }));
    const dialog = await within(document.body).findByRole('dialog', {}, { timeout: 10_000 });
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'form'), { timeout: 10_000 });
    // The dialog fades in: visible once its opening transition ran.
    await waitFor(() => expect(within(dialog).getByText(/Reads tickets; writes internal notes\./)).toBeVisible(), { timeout: 5_000 });
    await expect(within(dialog).getByLabelText(/^Subdomain/)).toHaveAttribute('readonly');
    await expect(within(dialog).getByLabelText(/^Subdomain/)).toHaveValue('acme');
  },
};
