import { KitError } from '../../errors/KitError.js';
import { toHostedUiResult } from './toHostedUiResult.js';
import type { HostedUi, HostedUiTheme } from './types.js';

/** The public `@membranehq/sdk` 0.28 member the hosted UI uses (docs/membrane-sdk-0.28.md §2). */
interface MembraneSdkClient {
  open?: (options?: { onClose?: () => void }) => Promise<unknown>;
  ui: {
    connect(options: { integrationKey?: string; connectionId?: string; allowMultipleConnections?: boolean; theme?: HostedUiTheme }): Promise<unknown>;
  };
}

/**
 * Whether a client is a 0.28 `MembraneClient` (it has `ui.connect`).
 *
 * @example
 * ```ts
 * if (isMembraneSdkClient(client)) membraneSdkAdapter(client);
 * ```
 */
export function isMembraneSdkClient(client: unknown): client is MembraneSdkClient {
  const ui = (client as { ui?: { connect?: unknown } } | null)?.ui;
  return typeof ui?.connect === 'function';
}

/**
 * The hosted UI through `@membranehq/sdk` 0.28: `ui.connect({ integrationKey })` for a new
 * connection and `ui.connect({ connectionId })` to reconnect one (the `/screens/connect` page,
 * served from `apiUri`); `open()` for the full hosted UI where the client has it.
 *
 * @example
 * ```ts
 * import { MembraneClient } from '@membranehq/sdk';
 * const ui = membraneSdkAdapter(new MembraneClient({ fetchToken, apiUri }));
 * await ui.connect({ integrationKey: 'hubspot' });
 * ```
 */
export function membraneSdkAdapter(client: MembraneSdkClient): HostedUi {
  return {
    generation: '0.28',
    connect: async ({ integrationKey, allowMultipleConnections, theme }) =>
      toHostedUiResult(await client.ui.connect({ integrationKey, allowMultipleConnections, ...(theme ? { theme } : {}) })),
    reconnect: async ({ connectionId, theme }) => toHostedUiResult(await client.ui.connect({ connectionId, ...(theme ? { theme } : {}) })),
    manage: async () => {
      if (typeof client.open !== 'function') {
        throw new KitError('invalid_parameters', 'This @membranehq/sdk client has no open(): the full hosted UI is not available with it.');
      }
      await client.open();
    },
  };
}
