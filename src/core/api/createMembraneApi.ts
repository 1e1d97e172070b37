import { KitError } from '../errors/KitError.js';
import { toKitError } from '../errors/toKitError.js';
import { TokenError } from '../token/TokenError.js';
import type { TokenManager } from '../token/types.js';
import { isNotAuthenticatedError } from './isNotAuthenticatedError.js';
import { MEMBRANE_API_VERSION } from './MEMBRANE_API_VERSION.js';
import { MembraneHttpError } from './MembraneHttpError.js';
import { normalizeConnection } from './normalizeConnection.js';
import { normalizeIntegration } from './normalizeIntegration.js';
import { normalizePage } from './normalizePage.js';
import { normalizeConnectionName } from './normalizeConnectionName.js';
import type {
  MembraneConnection,
  MembraneConnectionOption,
  MembraneConnectorSpec,
  MembraneErrorData,
  MembraneIntegration,
  MembranePage,
  MembraneSelf,
} from './types.js';

/** A query string value; `undefined`, `null` and `''` are left out, as the SDKs do. */
export type QueryValue = string | number | boolean | null | undefined;

/** Options of one {@link MembraneApi.request}. */
export interface MembraneRequestOptions {
  /** Query parameters; empty values are dropped. */
  query?: Record<string, QueryValue>;
  /** A JSON body. */
  body?: unknown;
  /** Aborts the request (rejects with `KitError` `cancelled`). */
  signal?: AbortSignal;
}

/** Query of {@link MembraneApi.listIntegrations}. */
export interface ListIntegrationsParams {
  search?: string;
  limit?: number;
  cursor?: string;
}

/** Query of {@link MembraneApi.listConnections} (docs/membrane-sdk-0.28.md §3, `FindConnectionsQuery`). */
export interface ListConnectionsParams {
  integrationKey?: string;
  integrationId?: string;
  connected?: boolean;
  search?: string;
  isTest?: boolean;
  includeArchived?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * Which connect {@link MembraneApi.getConnectionOptions} asks about: a new connection to an
 * integration (`integrationId` or `integrationKey`) or a reconnect (`connectionId`).
 *
 * @example
 * ```ts
 * const target: ConnectionOptionsTarget = { integrationId: integration.id };
 * ```
 */
export interface ConnectionOptionsTarget {
  integrationId?: string;
  integrationKey?: string;
  connectionId?: string;
  connectorParameters?: Record<string, unknown>;
}

/**
 * The kit's typed client for Membrane's REST API: the only code that sends requests to Membrane for
 * lists, statuses, connection lookups, disconnect and the custom connect flow. Every method rejects
 * with a `KitError`.
 */
export interface MembraneApi {
  /** Membrane API base URL, without a trailing slash. */
  readonly apiUri: string;
  /** Where the tokens come from. */
  readonly tokenManager: TokenManager;
  /**
   * Any REST call, with the kit's token, the `membrane-api-version` header and one forced refresh +
   * one retry on `401 not_authenticated`.
   */
  request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options?: MembraneRequestOptions): Promise<T>;
  /** `GET /integrations` (one page; each integration carries the customer's `connection`). */
  listIntegrations(params?: ListIntegrationsParams, signal?: AbortSignal): Promise<MembranePage<MembraneIntegration>>;
  /** `GET /integrations/{keyOrId}`. */
  getIntegration(keyOrId: string, signal?: AbortSignal): Promise<MembraneIntegration>;
  /** `GET /integrations/{keyOrId}/connector-spec`: the auth options when the integration has none of its own. */
  getConnectorSpec(keyOrId: string, signal?: AbortSignal): Promise<MembraneConnectorSpec>;
  /**
   * `POST /connection-options` (membrane-sdk-0.28.md §1, step 1): the auth options the server offers
   * for this connect; the custom flow reads the matched option's `type` to pick its transport. The
   * answer must be a JSON array, anything else rejects with `KitError` `server`.
   */
  getConnectionOptions(target: ConnectionOptionsTarget, options?: { signal?: AbortSignal }): Promise<MembraneConnectionOption[]>;
  /** `GET /connections` (one page). */
  listConnections(params?: ListConnectionsParams, signal?: AbortSignal): Promise<MembranePage<MembraneConnection>>;
  /** `GET /connections/{id}`. */
  getConnection(connectionId: string, signal?: AbortSignal): Promise<MembraneConnection>;
  /** `POST /integrations/{keyOrId}/disconnect`: disconnects the customer's connection to it. */
  disconnectIntegration(keyOrId: string): Promise<void>;
  /** `DELETE /connections/{id}`: archives one connection (how 0.28 disconnects). */
  archiveConnection(connectionId: string): Promise<void>;
  /**
   * `PATCH /connections/{id}` with a JSON body: renames one connection (its `name`, the label that
   * tells several accounts of one app apart). The name is trimmed; an empty or over-long one
   * rejects with `KitError` `invalid_parameters` before any request.
   */
  patchConnection(connectionId: string, patch: { name: string }): Promise<MembraneConnection>;
  /** `GET /self`: the current customer. */
  getSelf(signal?: AbortSignal): Promise<MembraneSelf>;
}

/** Options of {@link createMembraneApi}. */
export interface CreateMembraneApiOptions {
  /** Membrane API base URL, e.g. `https://api.integration.app` or a local emulator. */
  apiUri: string;
  /** The token manager whose tokens authenticate every request. */
  tokenManager: TokenManager;
  /** `fetch` to use (tests, instrumentation). Default: the global `fetch`, looked up per request. */
  fetch?: typeof fetch;
}

function pathSegment(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new KitError('invalid_parameters', `membrane-react-kit: ${what} must be a non-empty string, got ${JSON.stringify(value)}.`);
  }
  return encodeURIComponent(value);
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A single item answer, normalised; one that is not usable rejects with `KitError` `server`. */
function normalizeOne<T>(value: unknown, normalize: (item: unknown) => T | undefined, what: string, request: string): T {
  const item = normalize(value);
  if (item === undefined) {
    throw new KitError('server', `Membrane answered ${request} with something that is not ${what} (no usable id); check that apiUri points at a Membrane API.`);
  }
  return item;
}

function errorDataOf(body: unknown): MembraneErrorData | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.type !== 'string' && typeof record.key !== 'string' && typeof record.message !== 'string') return undefined;
  return {
    type: typeof record.type === 'string' ? record.type : undefined,
    key: typeof record.key === 'string' ? record.key : undefined,
    message: typeof record.message === 'string' ? record.message : undefined,
    data: record.data,
  };
}

/**
 * Creates the kit's typed Membrane client: plain `fetch` on a token manager, no SDK. It sends
 * `Authorization: Bearer <token>` and `membrane-api-version`, answers one `401 not_authenticated`
 * with one forced refresh (shared by every request that failed with the same token) and one retry,
 * and rejects with a `KitError` (`auth`, `network`, `server`, `rate_limited`, `invalid_parameters`,
 * `timeout`, `cancelled`) whose message never contains the token.
 *
 * @example
 * ```ts
 * const tokenManager = createTokenManager({ fetchToken: fetchTokenFromEndpoint('/api/membrane-token') });
 * const api = createMembraneApi({ apiUri: 'http://127.0.0.1:4010', tokenManager });
 * const { items } = await api.listIntegrations({ search: 'hub' });
 * ```
 */
export function createMembraneApi(options: CreateMembraneApiOptions): MembraneApi {
  if (typeof options?.apiUri !== 'string' || options.apiUri.trim() === '') {
    throw new TypeError('createMembraneApi: apiUri must be a non-empty URL string, for example "https://api.integration.app".');
  }
  if (typeof options.tokenManager?.getToken !== 'function') {
    throw new TypeError('createMembraneApi: tokenManager must be a TokenManager made by createTokenManager().');
  }
  const apiUri = options.apiUri.replace(/\/+$/, '');
  const { tokenManager } = options;

  const send = async (method: string, path: string, token: string, request: MembraneRequestOptions) => {
    const doFetch = options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'membrane-api-version': MEMBRANE_API_VERSION,
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const response = await doFetch(`${apiUri}${path}${queryString(request.query)}`, {
      method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      credentials: 'omit',
    });
    const body = await readBody(response);
    if (!response.ok) throw new MembraneHttpError(response.status, `${method} ${path}`, errorDataOf(body));
    return body;
  };

  async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, request: MembraneRequestOptions = {}): Promise<T> {
    try {
      const token = await tokenManager.getToken();
      try {
        return (await send(method, path, token, request)) as T;
      } catch (error) {
        if (!isNotAuthenticatedError(error)) throw error;
      }
      const fresh = await tokenManager.getToken({ forceRefresh: true, rejectedToken: token });
      try {
        return (await send(method, path, fresh, request)) as T;
      } catch (error) {
        if (!isNotAuthenticatedError(error)) throw error;
        throw new TokenError(
          'unauthorized',
          `The Membrane API refused ${method} ${path} with 401 not_authenticated twice, the second time with a freshly fetched token. ` +
            'Check that your backend signs tokens with this workspace\'s secret, that "iss" is the workspace key, and that apiUri points at the matching Membrane environment.',
          { cause: error },
        );
      }
    } catch (error) {
      throw toKitError(error);
    }
  }

  return {
    apiUri,
    tokenManager,
    request,
    // Lists and lookups are normalised at the seam: one malformed item is coerced or dropped
    // instead of throwing in every component that renders it (issue 11 item 7).
    listIntegrations: async (params = {}, signal) =>
      normalizePage(
        await request<unknown>('GET', '/integrations', { query: { search: params.search, limit: params.limit, cursor: params.cursor }, signal }),
        normalizeIntegration,
        'GET /integrations',
      ),
    getIntegration: async (keyOrId, signal) => {
      const path = `/integrations/${pathSegment(keyOrId, 'integrationKey')}`;
      return normalizeOne(await request<unknown>('GET', path, { signal }), normalizeIntegration, 'an integration', `GET ${path}`);
    },
    getConnectorSpec: async (keyOrId, signal) =>
      request('GET', `/integrations/${pathSegment(keyOrId, 'integrationKey')}/connector-spec`, { signal }),
    getConnectionOptions: async (target, { signal } = {}) => {
      const { integrationId, integrationKey, connectionId, connectorParameters } = target ?? {};
      if (![integrationId, integrationKey, connectionId].some((id) => typeof id === 'string' && id.trim() !== '')) {
        throw new KitError(
          'invalid_parameters',
          'membrane-react-kit: getConnectionOptions needs an integrationId, an integrationKey or a connectionId.',
        );
      }
      const body = { integrationId, integrationKey, connectionId, connectorParameters };
      const answer = await request<unknown>('POST', '/connection-options', { body, signal });
      if (!Array.isArray(answer)) {
        throw new KitError(
          'server',
          `Membrane answered POST /connection-options with ${answer === undefined ? 'an empty body' : typeof answer} instead of a list of connection options; check that apiUri points at a Membrane API that serves the current connect flow.`,
        );
      }
      return answer.filter(
        (option): option is MembraneConnectionOption =>
          typeof option === 'object' && option !== null && typeof (option as { type?: unknown }).type === 'string',
      );
    },
    listConnections: async (params = {}, signal) =>
      normalizePage(await request<unknown>('GET', '/connections', { query: { ...params }, signal }), normalizeConnection, 'GET /connections'),
    getConnection: async (connectionId, signal) => {
      const path = `/connections/${pathSegment(connectionId, 'connectionId')}`;
      return normalizeOne(await request<unknown>('GET', path, { signal }), normalizeConnection, 'a connection', `GET ${path}`);
    },
    disconnectIntegration: async (keyOrId) => {
      await request('POST', `/integrations/${pathSegment(keyOrId, 'integrationKey')}/disconnect`);
    },
    archiveConnection: async (connectionId) => {
      await request('DELETE', `/connections/${pathSegment(connectionId, 'connectionId')}`);
    },
    patchConnection: async (connectionId, patch) => {
      const path = `/connections/${pathSegment(connectionId, 'connectionId')}`;
      return request('PATCH', path, { body: { name: normalizeConnectionName(patch?.name) } });
    },
    getSelf: (signal) => request('GET', '/self', { signal }),
  };
}
