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
 * The app's function that asks its backend for a Membrane token. It may resolve to the JWT string
 * or to an object with a `token` string (what `membrane-react-kit/server`'s handler answers).
 */
export type FetchToken = () => Promise<string | { token: string }>;

/** Options of {@link createTokenManager}. */
export interface TokenManagerOptions {
  /** Asks the app's backend for a fresh token. Called at most once at a time. */
  fetchToken: FetchToken;
  /**
   * How long before `exp` a token counts as due for refresh, in ms. Default: the larger of 30 s and
   * 10 % of the token's lifetime. Never more than half the lifetime, so short-lived tokens are usable.
   */
  refreshMarginMs?: number;
  /**
   * How long one `fetchToken()` call may take before `getToken()` rejects with code `timeout`.
   * A call that timed out is not retried (a hanging backend rarely recovers within seconds). Default 15 000.
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
   * different token (another caller refreshed meanwhile), that one is returned without a new fetch.
   */
  rejectedToken?: string;
}

/** Lifecycle state of the token manager. */
export type TokenStatus = 'idle' | 'fetching' | 'valid' | 'error';

/** What {@link TokenManager.getSnapshot} returns: the same object until the state changes. */
export interface TokenSnapshot {
  readonly status: TokenStatus;
  /**
   * When the current token expires, in ms since 1970 on this device's clock (corrected for
   * clock skew). Absent when there is no token or it has no `exp`.
   */
  readonly expiresAt?: number;
  /** The last failure, while `status` is `'error'`. */
  readonly error?: TokenError;
}

/** Keeps one Membrane token fresh for every caller. Created by {@link createTokenManager}. */
export interface TokenManager {
  /** Resolves to a token that does not expire within the refresh margin. */
  getToken(options?: GetTokenOptions): Promise<string>;
  /** Forgets the current token; a fetch in flight is ignored. The next `getToken()` fetches again. */
  invalidate(): void;
  /** The current state, as a stable object (safe for `useSyncExternalStore`). */
  getSnapshot(): TokenSnapshot;
  /** Calls `listener` after every state change. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}
