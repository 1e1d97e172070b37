import { createTokenManager } from '../../token/createTokenManager.js';
import { TokenError } from '../../token/TokenError.js';
import type { FetchToken, TokenManager } from '../../token/types.js';
import { isNotAuthenticatedError } from '../isNotAuthenticatedError.js';
import { registerTokenManager } from './getTokenManager.js';
import type { SdkClientOptions } from './types.js';

/** Where a kit client gets its tokens: an app `fetchToken`, or an existing token manager to share. */
export type KitClientTokenSource =
  | { fetchToken: FetchToken; tokenManager?: never }
  | { tokenManager: TokenManager; fetchToken?: never };

/** Options of {@link createKitClient}. */
export interface KitClientOptions {
  /** Membrane API base URL. Default `https://api.integration.app` (the SDK's default). */
  apiUri?: string;
  /** Membrane UI base URL for the prebuilt connect UI. Default `https://ui.integration.app`. */
  uiUri?: string;
}

/**
 * The REST surface both SDK generations' clients share (`IntegrationAppClient` of
 * `@integration-app/sdk` 1.14 and `MembraneClient` of `@membranehq/sdk` 0.28): what
 * {@link createKitClient} overrides.
 *
 * @example
 * ```ts
 * import { MembraneClient } from '@membranehq/sdk';
 * const rest: SdkRestClient = new MembraneClient({ fetchToken });
 * ```
 */
export interface SdkRestClient {
  token?: string;
  getToken(): Promise<string>;
  get(uri: string, ...rest: unknown[]): Promise<unknown>;
  post(uri: string, ...rest: unknown[]): Promise<unknown>;
  put(uri: string, ...rest: unknown[]): Promise<unknown>;
  patch(uri: string, ...rest: unknown[]): Promise<unknown>;
  delete(uri: string, ...rest: unknown[]): Promise<unknown>;
}

/** An SDK client (either generation) whose tokens come from a {@link TokenManager}. */
export type KitClient<C extends SdkRestClient = SdkRestClient> = C & {
  /** The manager that supplies this client's tokens (for `useSyncExternalStore` and `invalidate()`). */
  readonly tokenManager: TokenManager;
};

/**
 * Creates a client of the app's Membrane SDK (`IntegrationAppClient` from `@integration-app/sdk`
 * 1.14 or `MembraneClient` from `@membranehq/sdk` 0.28, passed as `Client`, so the kit itself
 * imports neither) whose token comes from a token manager: refreshed ahead of expiry, one `fetchToken()` for any number of concurrent requests.
 * Built only on the SDK's public surface (no private method is patched): a subclass whose
 * `getToken()` asks the manager and whose `get`/`post`/`put`/`patch`/`delete` (what every accessor
 * calls) retry once on 401.
 *
 * A request refused with 401 `not_authenticated` is retried once, after one forced token refresh
 * shared by all requests that failed with the same token. If the retry is refused too, the request
 * rejects with a {@link TokenError} of code `unauthorized` whose `cause` is the SDK's error. Any
 * other error passes through unchanged. `client.getToken()` (used by the SDK's `open()`,
 * `openNewConnection()` and `connect()` flows) returns the manager's token.
 *
 * The kit itself needs no SDK for lists, statuses or its custom connect flow (it uses
 * `createMembraneApi`); this is for apps that want the SDK's other accessors on the kit's token.
 *
 * @example
 * ```ts
 * import { MembraneClient } from '@membranehq/sdk'; // or IntegrationAppClient from '@integration-app/sdk'
 *
 * const client = createKitClient(
 *   MembraneClient,
 *   { fetchToken: fetchTokenFromEndpoint('/api/membrane-token') },
 *   { apiUri: 'http://localhost:4010' },
 * );
 * const { items } = await client.integrations.find();
 * client.tokenManager.subscribe(() => console.log(client.tokenManager.getSnapshot().status));
 * ```
 */
export function createKitClient<C extends SdkRestClient>(
  Client: new (options: SdkClientOptions) => C,
  source: KitClientTokenSource,
  options: KitClientOptions = {},
): KitClient<C> {
  if (typeof Client !== 'function') {
    throw new TypeError(
      "createKitClient: the first argument must be your Membrane SDK's client class: MembraneClient from '@membranehq/sdk' or IntegrationAppClient from '@integration-app/sdk'.",
    );
  }
  const manager = resolveManager(source);
  const { apiUri, uiUri } = validateOptions(options);

  // Each request asks the manager for its token; a 401 forces one refresh shared by every request
  // refused with that token, then one retry.
  const withRetry = async <T>(method: string, url: unknown, send: () => Promise<T>): Promise<T> => {
    const token = await manager.getToken();
    try {
      return await send();
    } catch (error) {
      if (!isNotAuthenticatedError(error)) throw error;
    }
    await manager.getToken({ forceRefresh: true, rejectedToken: token });
    try {
      return await send();
    } catch (error) {
      if (!isNotAuthenticatedError(error)) throw error;
      throw new TokenError(
        'unauthorized',
        `The Membrane API refused ${method} ${describePath(url)} with 401 not_authenticated twice, the second time with a freshly fetched token. ` +
          'Check that your backend signs tokens with this workspace\'s secret, that "iss" is the workspace key, and that apiUri points at the matching Membrane environment.',
        { cause: error },
      );
    }
  };

  const Base = Client as unknown as new (options: SdkClientOptions) => SdkRestClient;
  class KitSdkClient extends Base {
    override async getToken(): Promise<string> {
      const token = await manager.getToken();
      this.token = token;
      return token;
    }
    override get(uri: string, ...rest: unknown[]) {
      return withRetry('GET', uri, () => super.get(uri, ...rest));
    }
    override post(uri: string, ...rest: unknown[]) {
      return withRetry('POST', uri, () => super.post(uri, ...rest));
    }
    override put(uri: string, ...rest: unknown[]) {
      return withRetry('PUT', uri, () => super.put(uri, ...rest));
    }
    override patch(uri: string, ...rest: unknown[]) {
      return withRetry('PATCH', uri, () => super.patch(uri, ...rest));
    }
    override delete(uri: string, ...rest: unknown[]) {
      return withRetry('DELETE', uri, () => super.delete(uri, ...rest));
    }
  }
  const client = new KitSdkClient({
    fetchToken: () => manager.getToken(),
    ...(apiUri !== undefined ? { apiUri } : {}),
    ...(uiUri !== undefined ? { uiUri } : {}),
  });

  Object.defineProperty(client, 'tokenManager', { value: manager, enumerable: false, writable: false });
  registerTokenManager(client, manager);
  return client as unknown as KitClient<C>;
}

function resolveManager(source: KitClientTokenSource): TokenManager {
  if (typeof source !== 'object' || source === null) {
    throw new TypeError('createKitClient: the first argument must be { fetchToken } or { tokenManager }.');
  }
  const { fetchToken, tokenManager } = source as { fetchToken?: unknown; tokenManager?: unknown };
  if (fetchToken !== undefined && tokenManager !== undefined) {
    throw new TypeError('createKitClient: pass either fetchToken or tokenManager, not both (the manager already has its fetchToken).');
  }
  if (tokenManager !== undefined) {
    const candidate = tokenManager as Partial<TokenManager> | null;
    if (typeof candidate?.getToken !== 'function' || typeof candidate.getSnapshot !== 'function') {
      throw new TypeError('createKitClient: tokenManager must be a TokenManager made by createTokenManager().');
    }
    return tokenManager as TokenManager;
  }
  if (typeof fetchToken !== 'function') {
    throw new TypeError(
      'createKitClient: pass { fetchToken } (an async function that returns a Membrane token from your backend) or { tokenManager }.',
    );
  }
  return createTokenManager({ fetchToken: fetchToken as FetchToken });
}

function validateOptions(options: KitClientOptions): KitClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createKitClient: the second argument must be an options object like { apiUri, uiUri }.');
  }
  for (const name of ['apiUri', 'uiUri'] as const) {
    const value: unknown = options[name];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      throw new TypeError(`createKitClient: ${name} must be a non-empty URL string, for example "https://api.integration.app".`);
    }
  }
  return options;
}

function describePath(url: unknown): string {
  if (typeof url !== 'string' || !url) return '/';
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  return path.startsWith('/') ? path : `/${path}`;
}
