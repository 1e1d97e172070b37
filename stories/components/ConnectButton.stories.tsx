import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConnectButton, ConnectionStatus } from '../../src/index.js';
import { resetEmulator, setEmulatorFaults } from '../../.storybook/emulator.js';
import { storyKit } from '../../.storybook/withMembraneKit.js';
import { blockPopups } from '../support/storyHelpers.js';

/**
 * Connects one integration. `custom` (default) opens the kit's dialog (auth option, parameters
 * form from the option's schema), then Membrane's consent in a popup opened inside the click, so
 * popup blockers let it through; `prebuilt` opens Membrane's hosted UI. The label becomes
 * Reconnect when the connection is disconnected, in error or Membrane asks for a new sign-in, and
 * Finish setup when Membrane needs more input (both repair the existing connection); it reads
 * "Setting up…" / "Disconnecting…" and does nothing while Membrane builds or archives the
 * connection; a second click during a flow does nothing.
 */
const meta = {
  title: 'Components/ConnectButton',
  component: ConnectButton,
  args: {
    integrationKey: 'github',
    onConnected: fn(),
    onCancel: fn(),
    onError: fn(),
  },
  argTypes: {
    integrationKey: {
      control: 'select',
      options: ['github', 'hubspot', 'salesforce', 'slack', 'notion', 'stripe', 'zendesk', 'jira', 'twilio', 'trello'],
    },
    mode: { control: 'inline-radio', options: ['custom', 'prebuilt'] },
  },
} satisfies Meta<typeof ConnectButton>;

export default meta;
type Story = StoryObj<typeof meta>;

const button = (canvasElement: HTMLElement, name: RegExp) =>
  within(canvasElement).findByRole('button', { name }, { timeout: 10_000 });

/** GitHub is not connected yet. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await button(canvasElement, /connect github/i)).toBeEnabled();
  },
};

/** Salesforce is disconnected, Slack's token was revoked: the label becomes Reconnect. */
export const States: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
      <ConnectButton {...args} integrationKey="github" />
      <ConnectButton {...args} integrationKey="salesforce" />
      <ConnectButton {...args} integrationKey="slack" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await button(canvasElement, /reconnect salesforce/i);
    await button(canvasElement, /reconnect slack/i);
    await button(canvasElement, /^connect github/i);
  },
};

/**
 * The Membrane 0.28 states (the `states` workspace): Reconnect for a new sign-in (HubSpot), Finish
 * setup for more input (Salesforce), "Setting up…" (Slack) and "Disconnecting…" (Google Sheets)
 * inert while Membrane works.
 */
export const MembraneStates: Story = {
  name: 'Membrane 0.28 states',
  parameters: { membrane: { workspace: 'states' } },
  render: (args) => (
    <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
      <ConnectButton {...args} integrationKey="hubspot" />
      <ConnectButton {...args} integrationKey="salesforce" />
      <ConnectButton {...args} integrationKey="slack" />
      <ConnectButton {...args} integrationKey="google-sheets" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(await button(canvasElement, /^reconnect hubspot/i)).toHaveAttribute('data-action', 'reconnect');
    await expect(await button(canvasElement, /^finish setup for salesforce/i)).toHaveTextContent('Finish setup');
    const busy = await within(canvasElement).findByText('Setting up…', {}, { timeout: 10_000 });
    await expect(busy.closest('button')).toHaveAttribute('aria-disabled', 'true');
    await expect((await within(canvasElement).findByText('Disconnecting…')).closest('button')).toHaveAttribute('aria-disabled', 'true');
  },
};

/**
 * The whole custom flow against the emulator, in a workspace reset for this story: the dialog
 * with the parameters Salesforce asks for, then Membrane's consent page in a real popup (set to
 * answer Allow by itself here; in Storybook you can click Allow yourself), then the connection is
 * confirmed with the API and every status on the page updates.
 */
export const ConnectCustomFlow: Story = {
  name: 'Connect (custom flow, real popup)',
  args: { integrationKey: 'salesforce' },
  parameters: { membrane: { workspace: 'sandbox', customer: 'story' } },
  render: (args) => (
    <div style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
      <ConnectButton {...args} />
      <ConnectionStatus integrationKey={args.integrationKey} />
    </div>
  ),
  beforeEach: async () => {
    await resetEmulator('sandbox');
    await setEmulatorFaults('sandbox', { consent: 'allow' });
    return () => resetEmulator('sandbox');
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await button(canvasElement, /connect salesforce/i));
    const dialog = await within(document.body).findByRole('dialog', {}, { timeout: 10_000 });
    await userEvent.click(await within(dialog).findByRole('button', { name: /^continue$/i }, { timeout: 10_000 }));
    await waitFor(() => expect(args.onConnected).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    // The badge and the button both say so now.
    await waitFor(() => expect(canvas.getAllByText('Connected')).toHaveLength(2));
    await expect(await button(canvasElement, /salesforce is connected/i)).toHaveAttribute('data-state', 'connected');
  },
};

/** A strict popup blocker: the kit says so in plain words and offers to continue in this tab. */
export const PopupBlocked: Story = {
  name: 'Popup blocked',
  args: { integrationKey: 'salesforce' },
  parameters: { membrane: { customer: 'story' } },
  beforeEach: blockPopups,
  play: async ({ canvasElement }) => {
    await userEvent.click(await button(canvasElement, /connect salesforce/i));
    const dialog = await within(document.body).findByRole('dialog', {}, { timeout: 10_000 });
    await userEvent.click(await within(dialog).findByRole('button', { name: /^continue$/i }, { timeout: 10_000 }));
    await expect(await within(dialog).findByText('The connection window was blocked')).toBeInTheDocument();
    await expect(within(dialog).getByRole('button', { name: /continue in this tab/i })).toBeEnabled();
  },
};

/** Membrane's hosted connect UI in an iframe instead of the kit's dialog. */
export const Prebuilt: Story = {
  name: 'Prebuilt mode',
  args: { integrationKey: 'notion', mode: 'prebuilt' },
  parameters: { membrane: { customer: 'story' } },
};

/** `asChild`: the kit's behaviour on your own element (here a design-system link-style button). */
export const AsChild: Story = {
  name: 'asChild',
  args: { integrationKey: 'stripe', asChild: true },
  render: (args) => (
    <ConnectButton {...args}>
      <button
        type="button"
        style={{
          font: 'inherit',
          padding: '0.6rem 1.1rem',
          borderRadius: '999px',
          border: '2px dashed #0f766e',
          background: '#f0fdfa',
          color: '#0f5132',
          fontWeight: 700,
          cursor: 'pointer',
        }}
      >
        ⚡ Add Stripe payouts
      </button>
    </ConnectButton>
  ),
  play: async ({ canvasElement }) => {
    const own = await button(canvasElement, /add stripe payouts/i);
    await expect(own).toHaveAttribute('data-slot', 'connect-button');
    await expect(own.style.borderStyle).toBe('dashed');
  },
};

/** `unstyled`: no kit classes, no kit CSS; the data attributes stay for your own styles. */
export const Unstyled: Story = {
  args: { integrationKey: 'github' },
  parameters: { membrane: { unstyled: true } },
  play: async ({ canvasElement }) => {
    const own = await button(canvasElement, /connect github/i);
    await expect(own.className).not.toMatch(/mk-/);
    await expect(own).toHaveAttribute('data-slot', 'connect-button');
  },
};

/** No provider at all: the button takes `fetchToken`, `apiUri` and `uiUri` itself. */
export const WithoutProvider: Story = {
  name: 'Drop-in, without a provider',
  args: { integrationKey: 'hubspot' },
  parameters: { membrane: { provider: false } },
  render: (args, context) => <ConnectButton {...args} {...storyKit(context)} />,
  play: async ({ canvasElement }) => {
    // The default customer has HubSpot connected: the button says so once its shared kit has loaded.
    await expect(await button(canvasElement, /hubspot is connected/i)).toHaveAttribute('data-state', 'connected');
  },
};

/** Right to left. */
export const RightToLeft: Story = {
  name: 'Right to left',
  args: { integrationKey: 'salesforce', labels: { reconnect: 'إعادة الاتصال', reconnectTo: 'إعادة الاتصال بـ {name}' } },
  globals: { dir: 'rtl' },
};

/** Dark theme. */
export const Dark: Story = {
  render: States.render,
  globals: { theme: 'dark' },
};

/**
 * A consent line (`consent`): what the product will read and write. The click opens the dialog
 * first, even for an app with nothing to fill in, so the customer reads it before continuing.
 */
export const ConsentLine: Story = {
  name: 'Consent line',
  args: { integrationKey: 'github', consent: 'Reads repositories and issues; writes comments.' },
  play: async ({ canvasElement }) => {
    const button = await within(canvasElement).findByRole('button', { name: 'Connect GitHub' }, { timeout: 10_000 });
    await userEvent.click(button);
    const dialog = await within(document.body).findByRole('dialog', {}, { timeout: 10_000 });
    await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'form'), { timeout: 10_000 });
    // The dialog fades in: visible once its opening transition ran.
    await waitFor(() => expect(within(dialog).getByText(/Reads repositories and issues; writes comments\./)).toBeVisible(), { timeout: 5_000 });
    await userEvent.keyboard('{Escape}');
  },
};

/** One account of several (`connectionId`, the `teams` workspace): Reconnect of the HubSpot account that needs a new sign-in. */
export const OneAccount: Story = {
  name: 'One account of several',
  parameters: { membrane: { workspace: 'teams' } },
  args: { integrationKey: 'hubspot', connectionId: '65a1f0c2d4e5f60718293c11' },
  play: async ({ canvasElement }) => {
    const button = await within(canvasElement).findByRole('button', { name: 'Reconnect HubSpot · acme-eu.com (ops@acme-eu.com)' }, { timeout: 10_000 });
    await expect(button).toHaveAttribute('data-action', 'reconnect');
  },
};
