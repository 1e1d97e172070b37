import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { resetEmulator } from '../../.storybook/emulator.js';
import { storyKit } from '../../.storybook/withMembraneKit.js';
import { ConnectionStatus, IntegrationsList } from '../../src/index.js';

const INTEGRATION_KEY = 'github';

/**
 * What another browser tab, Membrane's hosted UI or your backend does: change the customer's
 * connection through Membrane's REST API with a token of its own, not through the kit.
 */
function AnotherTab({ kit }: { kit: Pick<ReturnType<typeof storyKit>, 'fetchToken' | 'apiUri'> }) {
  const [note, setNote] = useState('Nothing changed yet.');
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const { fetchToken, apiUri } = kit;
    const response = await fetch(`${apiUri}${path}`, {
      method,
      headers: { authorization: `Bearer ${await fetchToken()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
    return response.json();
  };
  const connect = async () => {
    await call('POST', '/connections', { integrationKey: INTEGRATION_KEY });
    setNote('Created a GitHub connection through the API.');
  };
  const archive = async () => {
    const { items } = (await call('GET', `/connections?integrationKey=${INTEGRATION_KEY}`)) as { items: Array<{ id: string }> };
    for (const { id } of items) await call('DELETE', `/connections/${id}`);
    setNote(items.length ? 'Archived the GitHub connection through the API.' : 'There was no GitHub connection to archive.');
  };
  const run = (action: () => Promise<void>) => () => void action().catch((error: unknown) => setNote(String(error)));
  return (
    <section aria-label="Another tab" style={{ display: 'grid', gap: '0.5rem', padding: '1rem', border: '1px dashed currentColor', borderRadius: 8 }}>
      <strong>Another tab (plain fetch calls, no kit)</strong>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <button type="button" onClick={run(connect)}>
          Connect GitHub from another tab
        </button>
        <button type="button" onClick={run(archive)}>
          Archive GitHub from another tab
        </button>
      </div>
      <p role="status" style={{ margin: 0 }}>
        {note}
      </p>
    </section>
  );
}

/**
 * The kit listens to Membrane's `/sse/workspace` stream while a component is mounted (one stream
 * per kit). When a connection changes anywhere (another tab, the hosted UI, your backend), the
 * list and every status update within a moment, with no reload and one list request. Turn it off
 * with `live={false}` on the provider or a component.
 */
const meta = {
  title: 'Components/Live status',
  component: ConnectionStatus,
  args: { integrationKey: INTEGRATION_KEY },
  parameters: { membrane: { workspace: 'sandbox', customer: 'story' } },
  beforeEach: async () => {
    await resetEmulator('sandbox');
    return () => resetEmulator('sandbox');
  },
  render: (args, context) => (
    <div style={{ display: 'grid', gap: '1rem', maxInlineSize: '40rem' }}>
      {/* Only what the panel needs: the docs' code snippet serialises props, and a story context is huge. */}
      <AnotherTab kit={storyKit(context)} />
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        GitHub: <ConnectionStatus {...args} />
      </div>
      <IntegrationsList pageSize={5} />
    </div>
  ),
} satisfies Meta<typeof ConnectionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Press the buttons: the badge and the list row follow within a moment. */
export const LiveUpdateFromAnotherTab: Story = {
  name: 'Live update from another tab',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const badge = () => canvasElement.querySelector('[data-slot="connection-status"]');
    await waitFor(() => expect(badge()).toHaveAttribute('data-state', 'not-connected'), { timeout: 10_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Connect GitHub from another tab' }));
    await waitFor(() => expect(badge()).toHaveAttribute('data-state', 'connected'), { timeout: 3_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Archive GitHub from another tab' }));
    await waitFor(() => expect(badge()).toHaveAttribute('data-state', 'not-connected'), { timeout: 3_000 });
  },
};
