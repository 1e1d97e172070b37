import { KitError } from '../../errors/KitError.js';
import { screensHostedUi } from '../screens/screensHostedUi.js';
import type { TokenManager } from '../../token/types.js';
import { integrationAppSdkAdapter, isIntegrationAppSdkClient } from './integrationAppSdkAdapter.js';
import { isMembraneSdkClient, membraneSdkAdapter } from './membraneSdkAdapter.js';
import { resolveSdkClass } from './resolveSdkClass.js';
import type { HostedUi, SdkOption } from './types.js';

/** Options of {@link createHostedUi}. */
export interface CreateHostedUiOptions {
  /** Which SDK to load (its class, or a loader). None: the kit's own 0.28 hosted screens, no SDK. */
  sdk?: SdkOption | undefined;
  /** An SDK client the app already has (interop): used as is, nothing is loaded. */
  client?: object;
  tokenManager: TokenManager;
  apiUri: string;
  uiUri: string;
}

/**
 * Wraps an SDK client of either generation as a {@link HostedUi}: 0.28's `ui.connect` when the client
 * has it, else 1.14's `openNewConnection` / `openReconnectUI`.
 *
 * @example
 * ```ts
 * const ui = hostedUiFor(new IntegrationAppClient({ fetchToken }));
 * ```
 */
export function hostedUiFor(client: object): HostedUi {
  if (isMembraneSdkClient(client)) return membraneSdkAdapter(client);
  if (isIntegrationAppSdkClient(client)) return integrationAppSdkAdapter(client);
  throw new KitError(
    'invalid_parameters',
    'The SDK client has neither ui.connect (@membranehq/sdk 0.28) nor integration().openNewConnection (@integration-app/sdk 1.14): pass one of those SDKs as the sdk option.',
  );
}

/**
 * Returns a function that gives the hosted UI, building it on first use: loads the SDK named by
 * `sdk` (once; a failed load is retried on the next call), creates its client on the kit's token
 * manager and wraps it in the adapter for its generation. Without `sdk` (and `client`) it is the
 * kit's own implementation of Membrane 0.28's hosted screens (`screensHostedUi`): nothing loaded.
 *
 * @example
 * ```ts
 * const getHostedUi = createHostedUi({ sdk: () => import('@membranehq/sdk'), tokenManager, apiUri, uiUri });
 * const result = await (await getHostedUi()).connect({ integrationKey: 'hubspot' });
 * ```
 */
export function createHostedUi(options: CreateHostedUiOptions): () => Promise<HostedUi> {
  let pending: Promise<HostedUi> | undefined;
  return () => {
    pending ??= (async () => {
      if (options.client) return hostedUiFor(options.client);
      if (!options.sdk) return screensHostedUi({ tokenManager: options.tokenManager, apiUri: options.apiUri });
      const Client = await resolveSdkClass(options.sdk);
      const client = new Client({
        fetchToken: () => options.tokenManager.getToken(),
        apiUri: options.apiUri,
        uiUri: options.uiUri,
      });
      return hostedUiFor(client);
    })().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
