import { IntegrationAppClient } from '@integration-app/sdk';
import { createTokenManager } from '../token/createTokenManager.js';
import { TokenError } from '../token/TokenError.js';
import type { FetchToken, TokenManager } from '../token/types.js';
import { registerTokenManager } from './getTokenManager.js';
import { isNotAuthenticatedError } from './isNotAuthenticatedError.js';

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

/** An `IntegrationAppClient` whose tokens come from a {@link TokenManager}. */
export type KitClient = IntegrationAppClient & {
  /** The manager that supplies this client's tokens (for `useSyncExternalStore` and `invalidate()`). */
  readonly tokenManager: TokenManager;
};

type ApiRequestParams = { url?: string; headers?: Record<string, unknown> } & Record<string, unknown>;
type MakeApiRequest = (method: string, params?: ApiRequestParams) => Promise<unknown>;
/** The SDK 1.14 members the kit relies on; `makeApiRequest` is private in its typings. */
interface SdkClientInternals {
  token?: string;
  getToken(): Promise<string>;
  makeApiRequest: MakeApiRequest;
}

/**
 * Creates an `IntegrationAppClient` (from `@integration-app/sdk`) whose token comes from a token
 * manager: refreshed ahead of expiry, one `fetchToken()` for any number of concurrent requests.
 *
 * Every API request made through the client (`get`/`post`/`put`/`patch`/`delete` and every
 * accessor built on them) is retried once when the API answers 401 `not_authenticated`, after one
 * forced token refresh shared by all requests that failed with the same token. If the retry is
 * refused too, the request rejects with a {@link TokenError} of code `unauthorized` whose `cause`
 * is the SDK's error. Any other error passes through unchanged. `client.getToken()` (used by the
 * SDK's `open()`, `openNewConnection()` and `connect()` flows) returns the manager's token.
 *
 * @example
 * ```ts
 * const client = createKitClient(
 *   { fetchToken: fetchTokenFromEndpoint('/api/membrane-token') },
 *   { apiUri: 'http://localhost:4010' },
 * );
 * const { items } = await client.integrations.find();
 * client.tokenManager.subscribe(() => console.log(client.tokenManager.getSnapshot().status));
 * ```
 */
export function createKitClient(source: KitClientTokenSource, options: KitClientOptions = {}): KitClient {
  const manager = resolveManager(source);
  const { apiUri, uiUri } = validateOptions(options);

  const client = new IntegrationAppClient({
    fetchToken: () => manager.getToken(),
    ...(apiUri !== undefined ? { apiUri } : {}),
    ...(uiUri !== undefined ? { uiUri } : {}),
  });
  const internals = client as unknown as SdkClientInternals;
  const sdkMakeApiRequest = internals.makeApiRequest;
  if (typeof sdkMakeApiRequest !== 'function') {
    throw new Error(
      'createKitClient: this version of @integration-app/sdk has no makeApiRequest method; install @integration-app/sdk 1.x (>= 1.14.1).',
    );
  }

  // Replaces the SDK's own cache (which refetches only 10 s before expiry and never dedupes).
  internals.getToken = async () => {
    const token = await manager.getToken();
    internals.token = token;
    return token;
  };

  internals.makeApiRequest = async (method, params = {}) => {
    // Each attempt runs the SDK's request code with a pinned token, so a 401 is known to refer
    // to exactly that token.
    const send = (token: string) => {
      const pinned = Object.create(client, { getToken: { value: async () => token } }) as object;
      const copy: ApiRequestParams = { ...params, ...(params.headers ? { headers: { ...params.headers } } : {}) };
      return sdkMakeApiRequest.call(pinned, method, copy);
    };

    const token = await internals.getToken();
    try {
      return await send(token);
    } catch (error) {
      if (!isNotAuthenticatedError(error)) throw error;
    }
    const fresh = await manager.getToken({ forceRefresh: true, rejectedToken: token });
    internals.token = fresh;
    try {
      return await send(fresh);
    } catch (error) {
      if (!isNotAuthenticatedError(error)) throw error;
      throw new TokenError(
        'unauthorized',
        `The Membrane API refused ${method.toUpperCase()} ${describePath(params.url)} with 401 not_authenticated twice, the second time with a freshly fetched token. ` +
          'Check that your backend signs tokens with this workspace\'s secret, that "iss" is the workspace key, and that apiUri points at the matching Membrane environment.',
        { cause: error },
      );
    }
  };

  Object.defineProperty(client, 'tokenManager', { value: manager, enumerable: false, writable: false });
  registerTokenManager(client, manager);
  return client as KitClient;
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

function describePath(url: string | undefined): string {
  if (!url) return '/';
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  return path.startsWith('/') ? path : `/${path}`;
}
