import { KitError } from '../../errors/KitError.js';
import type { TokenManager } from '../../token/types.js';
import { integrationAppSdkAdapter, isIntegrationAppSdkClient } from './integrationAppSdkAdapter.js';
import { isMembraneSdkClient, membraneSdkAdapter } from './membraneSdkAdapter.js';
import { resolveSdkClass } from './resolveSdkClass.js';
import type { HostedUi, SdkOption } from './types.js';

/** Options of {@link createHostedUi}. */
export interface CreateHostedUiOptions {
  /** Which SDK to load (its class, or a loader). */
  sdk: SdkOption;
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
 * manager and wraps it in the adapter for its generation.
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
