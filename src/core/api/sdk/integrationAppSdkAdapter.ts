import { toHostedUiResult } from './toHostedUiResult.js';
import type { HostedUi } from './types.js';

/** The public `@integration-app/sdk` 1.14 members the hosted UI uses (docs/membrane-api.md §4). */
interface IntegrationAppSdkClient {
  open(options?: { onClose?: () => void }): Promise<unknown>;
  integration(key: string): { openNewConnection(options?: { allowMultipleConnections?: boolean }): Promise<unknown> };
  connection(id: string): { openReconnectUI(): Promise<unknown> };
}

/**
 * Whether a client is a 1.14 `IntegrationAppClient` (it has `integration(key).openNewConnection`
 * and no 0.28 `ui.connect`).
 *
 * @example
 * ```ts
 * if (isIntegrationAppSdkClient(client)) integrationAppSdkAdapter(client);
 * ```
 */
export function isIntegrationAppSdkClient(client: unknown): client is IntegrationAppSdkClient {
  const candidate = client as { integration?: unknown; connection?: unknown } | null;
  return typeof candidate?.integration === 'function' && typeof candidate.connection === 'function';
}

/**
 * The hosted UI through `@integration-app/sdk` 1.14: `integration(key).openNewConnection()` and
 * `connection(id).openReconnectUI()` and `open()`, served from `uiUri`'s `/embed` pages.
 *
 * @example
 * ```ts
 * import { IntegrationAppClient } from '@integration-app/sdk';
 * const ui = integrationAppSdkAdapter(new IntegrationAppClient({ fetchToken, apiUri }));
 * await ui.connect({ integrationKey: 'hubspot' });
 * ```
 */
export function integrationAppSdkAdapter(client: IntegrationAppSdkClient): HostedUi {
  return {
    generation: '1.14',
    connect: async ({ integrationKey, allowMultipleConnections }) =>
      toHostedUiResult(await client.integration(integrationKey).openNewConnection({ allowMultipleConnections })),
    reconnect: async ({ connectionId }) => toHostedUiResult(await client.connection(connectionId).openReconnectUI()),
    manage: async () => {
      await client.open();
    },
  };
}
