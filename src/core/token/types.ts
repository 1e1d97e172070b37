import type { TokenError } from './TokenError.js';

/** The claims the kit reads from a Membrane token. Other claims are kept as `unknown`. */
export interface JwtClaims {
  /** Expiry, in seconds since 1970 (server clock). */
  exp?: number;
  /** Issue time, in seconds since 1970 (server clock). */
  iat?: number;
  [claim: string]: unknown;
}

/**
 * What a {@link FetchToken} may resolve to besides the plain JWT: the token with the server's
 * current time, which lets the token manager tell a wrong device clock from a stale token.
 *
 * @example
 * ```ts
 * const answer: TokenAnswer = { token: 'eyJ…', serverTime: '2026-03-01T13:00:00.000Z' };
 * ```
 */
export interface TokenAnswer {
  token: string;
  /**
   * The server's clock when it answered: an ISO or HTTP date string, or ms since 1970.
   * `createTokenHandler` (membrane-react-kit/server) sends it, and `fetchTokenFromEndpoint` fills
   * it from that body or from the response's `Date` header. Without it, this device's clock is
   * trusted (as Membrane's SDK does).
   */
  serverTime?: string | number;
}

/**
 * The app's function that asks its backend for a Membrane token. It may resolve to the JWT string
 * or to an object with a `token` string (what `membrane-react-kit/server`'s handler answers),
 * optionally with the server's time ({@link TokenAnswer}).
 */
export type FetchToken = () => Promise<string | TokenAnswer>;

/** Options of {@link createTokenManager}. */
export interface TokenManagerOptions {
  /**
   * Asks the app's backend for a fresh token. Called at most once at a time: a call that timed
   * out or was made obsolete by `invalidate()` is waited for (within `fetchTimeoutMs`) before the
   * next one starts, and its result is not used.
   */
  fetchToken: FetchToken;
  /**
   * How long before `exp` a token counts as due for refresh, in ms. Default: the larger of 30 s and
   * 10 % of the token's lifetime. Never more than half the lifetime, so short-lived tokens are usable.
   */
  refreshMarginMs?: number;
  /**
   * How long one `fetchToken()` call may take before `getToken()` rejects with code `timeout`.
   * A call that timed out is not retried (a hanging backend rarely recovers within seconds), and
   * no new call starts while it still hangs: later `getToken()` calls wait for it and time out too.
   * Default 15 000.
   */
  fetchTimeoutMs?: number;
  /**
   * How many times a rejecting `fetchToken()` is tried before failing with `fetch_failed`. Default 3.
   * Results that are not a usable token (`invalid_token`, `expired_token`) are not retried.
   */
  maxAttempts?: number;
  /** Base delay of the exponential backoff between attempts, in ms (with jitter). Default 300. */
  retryDelayMs?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/** Options of {@link TokenManager.getToken}. */
export interface GetTokenOptions {
  /** Fetch a new token even when the current one is still fresh (joins a refresh already running). */
  forceRefresh?: boolean;
  /**
   * With `forceRefresh`: the token the API just refused. When the manager already holds a
   * different token (another caller refreshed meanwhile), that one is returned without a new fetch;
   * when it holds this very token, it drops it at once so no other caller gets it again.
   */
  rejectedToken?: string;
}

/** Lifecycle state of the token manager. */
export type TokenStatus = 'idle' | 'fetching' | 'valid' | 'error';

/** What {@link TokenManager.getSnapshot} returns: the same object until the state changes. */
export interface TokenSnapshot {
  readonly status: TokenStatus;
  /**
   * When the current token expires, in ms since 1970 on this device's clock (corrected for clock
   * skew when `fetchToken` answered the server's time). Absent when there is no token or it has no `exp`.
   */
  readonly expiresAt?: number;
  /** The last failure, while `status` is `'error'`. */
  readonly error?: TokenError;
}

/** Keeps one Membrane token fresh for every caller. Created by {@link createTokenManager}. */
export interface TokenManager {
  /** Resolves to a token that does not expire within the refresh margin. */
  getToken(options?: GetTokenOptions): Promise<string>;
  /**
   * Forgets the current token; the result of a fetch in flight is ignored. The next `getToken()`
   * fetches again (once that fetch has settled). Call it when Membrane answers `not_authenticated`.
   */
  invalidate(): void;
  /** The current state, as a stable object (safe for `useSyncExternalStore`). */
  getSnapshot(): TokenSnapshot;
  /** Calls `listener` after every state change. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}
