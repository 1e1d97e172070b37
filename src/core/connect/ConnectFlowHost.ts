import type { ConnectionOptionsTarget, MembraneApi } from '../api/createMembraneApi.js';
import type { HostedUi } from '../api/sdk/types.js';
import type { MembraneConnection, MembraneConnectionOption, MembraneConnectorSpec, MembraneIntegration } from '../api/types.js';
import type { PendingConnectStore } from '../state/createPendingConnectStore.js';
import type { ConnectFlowEvent } from './ConnectFlowEvent.js';
import type { ConnectRedirectResult } from './readConnectRedirectResult.js';

/**
 * What a connect flow needs from its kit: the API seam, the cache of integrations and specs, how to
 * confirm and announce a connection, and the kit's per-page state. The React kit implements it on
 * its QueryClient; a test or another framework can implement it on anything.
 *
 * @example
 * ```ts
 * const host: ConnectFlowHost = {
 *   api, hostedUi, pending: createPendingConnectStore(), claimRedirectResult: createRedirectClaim(),
 *   getIntegration: (key) => cache.get(key), loadIntegration: (key) => api.getIntegration(key),
 *   getConnectorSpec: () => undefined, loadConnectorSpec: (key) => api.getConnectorSpec(key),
 *   getConnectionOptions: () => undefined, loadConnectionOptions: (target) => api.getConnectionOptions(target),
 *   confirmConnection: (id) => api.getConnection(id), connectionChanged: async () => {}, emit: console.log,
 * };
 * ```
 */
export interface ConnectFlowHost {
  /** The kit's typed Membrane client (apiUri and tokens for the custom flow). */
  api: MembraneApi;
  /** Membrane's hosted UI (loads the app's SDK on first use). */
  hostedUi(): Promise<HostedUi>;
  /** The integration, if already loaded (no request). */
  getIntegration(integrationKey: string): MembraneIntegration | undefined;
  /** Loads the integration (from the cache when fresh). */
  loadIntegration(integrationKey: string): Promise<MembraneIntegration>;
  /** The connector spec, if already loaded (no request). */
  getConnectorSpec(integrationKey: string): MembraneConnectorSpec | undefined;
  /** Loads the connector spec (warms the cache). */
  loadConnectorSpec(integrationKey: string): Promise<MembraneConnectorSpec>;
  /**
   * The answer of `POST /connection-options` for this integration (`integrationId`) or connection
   * (`connectionId`), if already loaded (no request): a click that finds it opens the right window
   * at once.
   */
  getConnectionOptions(target: ConnectionOptionsTarget): MembraneConnectionOption[] | undefined;
  /** Loads the connection options (from the cache when fresh; one request per target). */
  loadConnectionOptions(target: ConnectionOptionsTarget): Promise<MembraneConnectionOption[]>;
  /** Fetches the connection from the API: a result is confirmed, never taken from a message alone. */
  confirmConnection(connectionId: string): Promise<MembraneConnection>;
  /** A connection of this integration changed: refresh what shows it. */
  connectionChanged(integrationKey: string): Promise<void>;
  /** Marks integrations with a running flow (`connecting` everywhere on the page). */
  pending: PendingConnectStore;
  /** Reports flow events to the kit's subscribers. */
  emit(event: ConnectFlowEvent): void;
  /** The same-window result for this integration, handed out once per page. */
  claimRedirectResult(integrationKey: string): ConnectRedirectResult | null;
  /**
   * Optional: aborted when the signed-in customer changes. A flow running then ends as cancelled
   * (its popup closes) and never reports a connection made for the previous customer.
   */
  customerSignal?(): AbortSignal;
}
