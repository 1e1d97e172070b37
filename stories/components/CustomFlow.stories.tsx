import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { useConnect, useDisconnect } from '../../src/index.js';

/** Your own markup, the kit's behaviour: a tile built only from `useConnect` and `useDisconnect`. */
function AppTile({ integrationKey }: { integrationKey: string }) {
  const { state, integration, connect, status, error, isReconnect } = useConnect(integrationKey);
  const { disconnect, isDisconnecting } = useDisconnect(integrationKey);
  const name = integration?.name ?? integrationKey;
  const busy = status === 'connecting' || isDisconnecting;
  return (
    <article
      aria-label={name}
      style={{
        display: 'grid',
        gridTemplateColumns: 'auto 1fr auto',
        alignItems: 'center',
        gap: '0.75rem',
        padding: '0.9rem 1rem',
        borderRadius: 14,
        background: 'linear-gradient(135deg, #eef2ff, #fdf2f8)',
        color: '#1e1b4b',
        fontFamily: 'Georgia, serif',
      }}
    >
      {integration?.logoUri ? <img src={integration.logoUri} alt="" width={36} height={36} /> : <span style={{ inlineSize: 36 }} />}
      <div>
        <strong>{name}</strong>
        <div style={{ fontSize: '0.85rem' }} data-testid={`${integrationKey}-state`}>
          {state === 'connected'
            ? '● Syncing'
            : state === 'connecting' || state === 'setting-up' || state === 'disconnecting'
              ? '◌ Working…'
              : state === 'error' || state === 'disconnected' || state === 'needs-action'
                ? '▲ Needs attention'
                : '○ Off'}
        </div>
        {error && <div role="alert">{error.message}</div>}
      </div>
      {state === 'connected' ? (
        <button type="button" disabled={busy} onClick={() => void disconnect()}>
          Turn off
        </button>
      ) : (
        // connect() opens the popup synchronously inside this click: no popup-blocker trouble.
        <button type="button" disabled={busy} onClick={() => connect()}>
          {isReconnect ? 'Fix' : 'Turn on'}
        </button>
      )}
    </article>
  );
}

function AppTiles({ keys }: { keys: string[] }) {
  return (
    <div style={{ display: 'grid', gap: '0.75rem', maxInlineSize: '28rem' }}>
      {keys.map((key) => (
        <AppTile key={key} integrationKey={key} />
      ))}
    </div>
  );
}

const meta = {
  title: 'Components/Custom flow (hooks)',
  component: AppTiles,
  args: { keys: ['hubspot', 'github', 'slack'] },
} satisfies Meta<typeof AppTiles>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Tiles in the app's own style; state, connect and disconnect come from the kit's hooks. */
export const OwnMarkupWithHooks: Story = {
  name: 'Own markup with useConnect',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('● Syncing', {}, { timeout: 10_000 })).toBeInTheDocument();
    await expect(canvas.getByTestId('slack-state')).toHaveTextContent('Needs attention');
    await expect(canvas.getByRole('button', { name: 'Fix' })).toBeEnabled();
  },
};
