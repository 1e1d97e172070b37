import { QueryClient } from '@tanstack/react-query';
import { createMembraneApi, type MembraneApi } from '../../core/api/createMembraneApi.js';
import type { HostedUi, SdkOption } from '../../core/api/sdk/types.js';
import type { ConnectFlowHost } from '../../core/connect/ConnectFlowHost.js';
import { isKitError } from '../../core/errors/KitError.js';
import { toKitError } from '../../core/errors/toKitError.js';
import { createPendingConnectStore, type PendingConnectStore } from '../../core/state/createPendingConnectStore.js';
import { createTokenManager } from '../../core/token/createTokenManager.js';
import { customerOfToken } from './customerOfToken.js';
import type { FetchToken, TokenManager } from '../../core/token/types.js';
import { createEventEmitter, type KitEventEmitter } from '../events/createEventEmitter.js';
import { lazyWorkspaceEvents } from '../../core/live/lazyWorkspaceEvents.js';
import { createLiveUpdates, type LiveUpdates } from './createLiveUpdates.js';
import { createQueryFlowHost } from './createQueryFlowHost.js';
import { membraneKeys } from '../../core/query/membraneKeys.js';

/**
 * Default Membrane API endpoint (the SDK's), used when no `apiUri` is given.
 *
 * @example
 * ```ts
 * const kit = getSharedKit({ apiUri: DEFAULT_API_URI, fetchToken });
 * ```
 */
export const DEFAULT_API_URI = 'https://api.integration.app';
/**
 * Default Membrane UI endpoint (the SDK's) for the prebuilt UI, used when no `uiUri` is given.
 *
 * @example
 * ```ts
 * createKit({ fetchToken, uiUri: DEFAULT_UI_URI });
 * ```
 */
export const DEFAULT_UI_URI = 'https://ui.integration.app';

/** Everything components of one kit share: one token, one API client, one cache, one event stream. */
export interface MembraneKit {
  apiUri: string;
  uiUri: string;
  tokenManager: TokenManager;
  /** The kit's typed Membrane client (no SDK): lists, lookups, disconnect, any REST call. */
  api: MembraneApi;
  /**
   * Membrane's hosted UI, built on first use: through the app's SDK when the `sdk` option was
   * given, else the kit's own implementation of Membrane 0.28's hosted screens (no SDK).
   */
  hostedUi(): Promise<HostedUi>;
  queryClient: QueryClient;
  pending: PendingConnectStore;
  events: KitEventEmitter;
  /** What connect flows of this kit run on (cache, confirmation, per-page redirect state). */
  connectFlowHost: ConnectFlowHost;
  /** Points the token manager at the app's latest `fetchToken` (no refetch, no new client). */
  setFetchToken(fetchToken: FetchToken): void;
  /** Which SDK opens the hosted UI from now on (the latest `sdk` option given). */
  setSdk(sdk: SdkOption): void;
  /**
   * Whether Membrane's full hosted UI ("Manage integrations") can open: it needs the app's SDK (the
   * `sdk` option or an SDK client), since Membrane 0.28 has no hosted screen for the whole catalogue.
   */
  canManage(): boolean;
  /** Membrane's `/sse/workspace` stream, open while a component showing Membrane data is mounted (the `live` option). */
  liveUpdates: LiveUpdates;
  /**
   * Forgets the signed-in customer (sign-out, or another customer signs in): drops the token,
   * cancels running connect flows and in-flight queries, and empties the kit's cached Membrane data
   * (mounted components show loading, then refetch with the next token). The kit does the same by
   * itself when a new token names another customer (its `id` or `sub` claim). `refetch: false`
   * removes mounted queries too instead of refetching them (for a kit being replaced).
   */
  reset(options?: { refetch?: boolean }): void;
  /**
   * Aborted when the customer changes ({@link MembraneKit.reset}, or a token for another
   * customer): a connect flow running for the previous customer stops.
   */
  customerSignal(): AbortSignal;
}

/** An SDK client the app already has (interop with Membrane's React packages). */
export interface ExistingSdkClient {
  getToken(): Promise<string>;
  apiUri?: string;
  uiUri?: string;
}

/** Options of {@link createKit}. */
export interface CreateKitOptions {
  fetchToken?: FetchToken;
  apiUri?: string;
  uiUri?: string;
  queryClient?: QueryClient;
  /** Reuse an existing SDK client (interop with `@integration-app/react`); its token is the kit's token. */
  client?: ExistingSdkClient;
  /**
   * Which SDK opens the hosted UI: its client class or a loader (either generation). Default:
   * none; the kit opens Membrane 0.28's hosted screens itself (`/screens/connect` on `apiUri`), so
   * an app needs no SDK for `mode="prebuilt"` (only `manage()` needs one).
   */
  sdk?: SdkOption;
  /**
   * Keep mounted components up to date from Membrane's `/sse/workspace` stream (a connection
   * changed in another tab, the hosted UI or by the backend). Default `true`.
   */
  live?: boolean;
}

/**
 * Default query behaviour: retry only what can succeed on a retry (network, 5xx, rate limit),
 * at most twice, so a refused token or a 404 shows its error at once.
 *
 * @example
 * ```ts
 * new QueryClient({ defaultOptions: { queries: { retry: kitQueryRetry } } });
 * ```
 */
export function kitQueryRetry(failureCount: number, error: unknown): boolean {
  const kitError = isKitError(error) ? error : toKitError(error);
  return kitError.retryable && failureCount < 2;
}

/**
 * The QueryClient a kit uses when the app gives none: {@link kitQueryRetry}, refetch on focus.
 *
 * @example
 * ```ts
 * const kit = createKit({ fetchToken, queryClient: createKitQueryClient() });
 * ```
 */
export function createKitQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: kitQueryRetry, refetchOnWindowFocus: true } } });
}

/**
 * Creates a kit: a token manager calling the latest `fetchToken`, the typed Membrane client on it,
 * the hosted UI (loaded on first use), a QueryClient (or the one given), and the shared
 * connect/event state. Token state changes are published as `token.refreshed` / `token.failed` events.
 *
 * @example
 * ```ts
 * const kit = createKit({ fetchToken, apiUri: 'http://127.0.0.1:4010' });
 * await kit.queryClient.prefetchInfiniteQuery(integrationsQueryOptions(kit.api));
 * ```
 */
export function createKit(options: CreateKitOptions): MembraneKit {
  let latestFetchToken: FetchToken | undefined = options.fetchToken;
  let latestSdk: SdkOption | undefined = options.sdk;
  const apiUri = options.apiUri ?? options.client?.apiUri ?? DEFAULT_API_URI;
  const uiUri = options.uiUri ?? options.client?.uiUri ?? DEFAULT_UI_URI;
  const externalClient = options.client;

  /** The customer (`id`/`sub` claim) of the last token fetched; `undefined` before the first one. */
  let customer: string | null | undefined;
  let customerAbort = new AbortController();
  const tokenManager = createTokenManager({
    fetchToken: async () => {
      let result: Awaited<ReturnType<FetchToken>>;
      if (externalClient) result = await externalClient.getToken();
      else if (!latestFetchToken) {
        throw new Error('No fetchToken was given: pass fetchToken to MembraneKitProvider or to the component.');
      } else result = await latestFetchToken();
      // Another customer signed in: nothing cached for the previous one may show or land now. The
      // cache is emptied before the token manager hands this token out, so every refetch uses it.
      const next = customerOfToken(result);
      if (next !== undefined) {
        if (customer !== undefined && next !== customer) forgetCustomerData();
        customer = next;
      }
      return result;
    },
  });
  const api = createMembraneApi({ apiUri, tokenManager });
  // The adapters load with the hosted UI itself: a page that never opens it never downloads them.
  let hostedUiFor: { sdk: SdkOption | undefined; get: Promise<() => Promise<HostedUi>> } | undefined;
  const hostedUi = async () => {
    if (!hostedUiFor || hostedUiFor.sdk !== latestSdk) {
      const sdk = latestSdk;
      const entry: NonNullable<typeof hostedUiFor> = {
        sdk,
        get: import('../../core/api/sdk/createHostedUi.js').then(
          ({ createHostedUi }) => createHostedUi({ sdk, client: externalClient, tokenManager, apiUri, uiUri }),
          (error: unknown) => {
            // A failed download of the adapters is tried again on the next open (a failed SDK load
            // is retried by createHostedUi itself).
            if (hostedUiFor === entry) hostedUiFor = undefined;
            throw toKitError(error);
          },
        ),
      };
      hostedUiFor = entry;
    }
    return (await hostedUiFor.get)();
  };
  const queryClient = options.queryClient ?? createKitQueryClient();
  const events = createEventEmitter();
  const pending = createPendingConnectStore();

  function forgetCustomerData(refetch = true): void {
    customerAbort.abort();
    customerAbort = new AbortController();
    const filters = { queryKey: membraneKeys.all };
    // Cancelled first (revert), then emptied: no fetch made with the previous token writes its answer.
    void queryClient.cancelQueries(filters);
    if (!refetch) {
      queryClient.removeQueries(filters);
      return;
    }
    queryClient.removeQueries({ ...filters, predicate: (query) => query.getObserversCount() === 0 });
    // What is mounted goes back to loading and refetches (with the next token).
    void queryClient.resetQueries(filters).catch(() => undefined);
  }

  let previous = tokenManager.getSnapshot();
  tokenManager.subscribe(() => {
    const next = tokenManager.getSnapshot();
    if (next === previous) return;
    const before = previous;
    previous = next;
    if (next.status === 'valid' && (before.status !== 'valid' || before.expiresAt !== next.expiresAt)) {
      events.emit({ type: 'token.refreshed', expiresAt: next.expiresAt });
    } else if (next.status === 'error' && before.status !== 'error' && next.error) {
      events.emit({ type: 'token.failed', error: toKitError(next.error) });
    }
  });

  const liveUpdates = createLiveUpdates({
    // The stream's code downloads when the first component that shows Membrane data mounts.
    events: lazyWorkspaceEvents(() =>
      import('../../core/live/createWorkspaceEvents.js').then(({ createWorkspaceEvents }) => createWorkspaceEvents({ apiUri, tokenManager })),
    ),
    queryClient,
    enabled: options.live ?? true,
  });

  return {
    apiUri,
    uiUri,
    tokenManager,
    liveUpdates,
    api,
    hostedUi,
    queryClient,
    pending,
    events,
    connectFlowHost: createQueryFlowHost({ api, hostedUi, queryClient, pending, emit: events.emit, customerSignal: () => customerAbort.signal }),
    setFetchToken(fetchToken) {
      latestFetchToken = fetchToken;
    },
    canManage: () => latestSdk !== undefined || externalClient !== undefined,
    setSdk(sdk) {
      latestSdk = sdk;
    },
    reset(resetOptions) {
      customer = undefined;
      tokenManager.invalidate();
      forgetCustomerData(resetOptions?.refetch ?? true);
    },
    customerSignal: () => customerAbort.signal,
  };
}
