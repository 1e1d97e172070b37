import { decodeJwt } from './decodeJwt.js';
import { describeReason } from './redactSecrets.js';
import { TokenError, isTokenError } from './TokenError.js';
import type { GetTokenOptions, TokenManager, TokenManagerOptions, TokenSnapshot } from './types.js';

const MIN_REFRESH_MARGIN_MS = 30_000;
const REFRESH_MARGIN_RATIO = 0.1;
const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_RETRY_DELAY_MS = 300;
const MAX_RETRY_DELAY_MS = 5_000;
/**
 * Clock differences up to this are normal (NTP drift, second-granular claims) and ignored; larger
 * ones mean one of the clocks is wrong. Also how far past `exp` a fresh token may be before it is
 * refused as expired, since the two clocks may disagree by that much.
 */
const CLOCK_TOLERANCE_MS = 30_000;

interface HeldToken {
  token: string;
  /** On this device's clock. */
  expiresAt?: number;
  /** On this device's clock; the token is handed out only before this instant. */
  refreshAt?: number;
}

/**
 * Creates a token manager: the single owner of the short-lived Membrane token in a page.
 *
 * It decodes `exp`/`iat` (without verifying the signature), refreshes ahead of expiry (by default
 * the larger of 30 s and 10 % of the token's lifetime), shares one `fetchToken()` call between any
 * number of concurrent callers (never more than one call at a time, also across timeouts and
 * `invalidate()`), retries a rejecting `fetchToken` with exponential backoff and jitter, times out
 * a hanging one, corrects for a wrong device clock when `fetchToken` answers the server's time
 * (`{ token, serverTime }`; otherwise it trusts this device's clock, as Membrane's SDK does), and
 * publishes its state for UIs through `getSnapshot`/`subscribe` (compatible with `useSyncExternalStore`).
 *
 * Failures reject with a {@link TokenError} and are never cached: the next `getToken()` tries again.
 * A token without `exp` is used until `getToken({ forceRefresh: true })` or `invalidate()`.
 *
 * @example
 * ```ts
 * const tokens = createTokenManager({
 *   fetchToken: async () => {
 *     const response = await fetch('/api/membrane-token', { method: 'POST' });
 *     return (await response.json()).token;
 *   },
 * });
 * const token = await tokens.getToken();
 * const unsubscribe = tokens.subscribe(() => console.log(tokens.getSnapshot().status));
 * ```
 */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const {
    fetchToken,
    refreshMarginMs,
    fetchTimeoutMs = DEFAULT_FETCH_TIMEOUT_MS,
    maxAttempts = DEFAULT_MAX_ATTEMPTS,
    retryDelayMs = DEFAULT_RETRY_DELAY_MS,
    now = Date.now,
  } = validateOptions(options);

  let held: HeldToken | undefined;
  let inFlight: Promise<string> | undefined;
  // The fetchToken() call still running, if any, even one that timed out or was invalidated.
  let runningCall: Promise<void> | undefined;
  // Bumped by invalidate(): a fetch started under an older generation must not store its result.
  let generation = 0;
  let snapshot: TokenSnapshot = Object.freeze({ status: 'idle' });
  const listeners = new Set<() => void>();

  function publish(next: TokenSnapshot): void {
    if (
      next.status === snapshot.status &&
      next.expiresAt === snapshot.expiresAt &&
      next.error === snapshot.error
    ) {
      return;
    }
    snapshot = Object.freeze(next);
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        // A faulty listener must neither break the manager nor hide the error.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  function isFresh(token: HeldToken): boolean {
    return token.refreshAt === undefined || now() < token.refreshAt;
  }

  function getToken(getOptions: GetTokenOptions = {}): Promise<string> {
    if (getOptions.forceRefresh) {
      if (
        getOptions.rejectedToken !== undefined &&
        held !== undefined &&
        held.token !== getOptions.rejectedToken &&
        isFresh(held)
      ) {
        return Promise.resolve(held.token);
      }
      // The API refused this token: no caller may get it again while the refresh runs.
      if (held !== undefined && held.token === getOptions.rejectedToken) held = undefined;
      // A refresh already running started after the token being replaced was obtained.
      return inFlight ?? startFetch();
    }
    if (held !== undefined && isFresh(held)) return Promise.resolve(held.token);
    return inFlight ?? startFetch();
  }

  function startFetch(): Promise<string> {
    const fetchGeneration = generation;
    const promise = fetchWithRetries(fetchGeneration).then(
      (fresh) => {
        if (fetchGeneration !== generation) return getToken();
        held = fresh;
        inFlight = undefined;
        publish({ status: 'valid', ...(fresh.expiresAt !== undefined ? { expiresAt: fresh.expiresAt } : {}) });
        return fresh.token;
      },
      (error: unknown) => {
        if (fetchGeneration !== generation) return getToken();
        held = undefined;
        inFlight = undefined;
        const tokenError = isTokenError(error)
          ? error
          : new TokenError('fetch_failed', `Fetching a token failed: ${describeReason(error)}`, { cause: error });
        publish({ status: 'error', error: tokenError });
        throw tokenError;
      },
    );
    // Set before publishing, so a listener that calls getToken() joins this fetch.
    inFlight = promise;
    publish({
      status: 'fetching',
      ...(held?.expiresAt !== undefined ? { expiresAt: held.expiresAt } : {}),
    });
    return promise;
  }

  async function fetchWithRetries(fetchGeneration: number): Promise<HeldToken> {
    let lastReason: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        await sleep(backoffDelay(attempt - 1));
        if (fetchGeneration !== generation) break;
      }
      const outcome = await callWithTimeout(fetchGeneration);
      // Only after invalidate(): startFetch then hands the caller the current generation's token.
      if (outcome.kind === 'abandoned') throw new TokenError('fetch_failed', 'fetchToken call abandoned after invalidate().');
      if (outcome.kind === 'timeout') {
        throw new TokenError(
          'timeout',
          `fetchToken did not settle within ${formatDuration(fetchTimeoutMs)} (fetchTimeoutMs). ` +
            'Check that your token endpoint answers, or raise fetchTimeoutMs.',
        );
      }
      if (outcome.kind === 'rejected') {
        lastReason = outcome.reason;
        continue;
      }
      return acceptToken(outcome.value);
    }
    throw new TokenError(
      'fetch_failed',
      `fetchToken failed ${maxAttempts === 1 ? 'once' : `${maxAttempts} times`}; the last error was ${describeReason(lastReason)}. ` +
        'Check that your token endpoint is reachable and answers with a token (error.cause holds the original error).',
      { cause: lastReason },
    );
  }

  /**
   * One fetchToken() call within fetchTimeoutMs. A call still running (one that timed out, or
   * started before invalidate()) is waited for first, so calls never stack on a hanging backend.
   */
  function callWithTimeout(fetchGeneration: number): Promise<FetchOutcome> {
    return new Promise<FetchOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: FetchOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const timer = setTimeout(() => finish({ kind: 'timeout' }), fetchTimeoutMs);
      const start = () => {
        if (settled) return;
        if (fetchGeneration !== generation) {
          finish({ kind: 'abandoned' });
          return;
        }
        const call = new Promise<unknown>((innerResolve) => innerResolve(fetchToken()));
        const done = call.then(
          () => undefined,
          () => undefined,
        );
        runningCall = done;
        void done.then(() => {
          if (runningCall === done) runningCall = undefined;
        });
        call.then(
          (value) => finish({ kind: 'resolved', value }),
          (reason: unknown) => finish({ kind: 'rejected', reason }),
        );
      };
      if (runningCall) void runningCall.then(start);
      else start();
    });
  }

  function backoffDelay(retry: number): number {
    const ceiling = Math.min(MAX_RETRY_DELAY_MS, retryDelayMs * 2 ** (retry - 1));
    // "Equal jitter": half fixed, half random, so many clients that failed together spread out.
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  function acceptToken(result: unknown): HeldToken {
    const { token, serverTime } = extractToken(result);
    let claims;
    try {
      claims = decodeJwt(token);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TokenError(
        'invalid_token',
        `fetchToken resolved to a string that is not a usable token. ${reason} ` +
          'Make fetchToken resolve to the JWT your backend signed (for example the "token" field of its JSON answer).',
      );
    }

    const receivedAt = now();
    if (claims.exp === undefined) return { token };

    const expMs = claims.exp * 1000;
    const iatMs = claims.iat !== undefined ? claims.iat * 1000 : undefined;
    if (iatMs !== undefined && expMs <= iatMs) {
      throw new TokenError(
        'invalid_token',
        `fetchToken returned a token whose "exp" is not after its "iat" (lifetime ${formatDuration(expMs - iatMs)}). ` +
          'Sign tokens with a positive expiry, for example expiresIn: "1h".',
      );
    }
    // Only the server's own time tells a wrong device clock from a stale token: an iat in the past
    // is just as likely a token cached by the backend or in storage. Without it, trust this clock.
    const skew = serverTime !== undefined ? serverTime - receivedAt : 0;
    const offset = Math.abs(skew) > CLOCK_TOLERANCE_MS ? skew : 0;
    const expiresAt = expMs - offset;
    const remaining = expiresAt - receivedAt;
    if (remaining < -CLOCK_TOLERANCE_MS) {
      throw new TokenError(
        'expired_token',
        `fetchToken returned a token that expired ${formatDuration(-remaining)} ago${serverTime === undefined ? " by this device's clock" : ''}. ` +
          'If your backend or the page caches tokens, cache them for less than their lifetime' +
          (serverTime === undefined
            ? "; if this device's clock is wrong, answer the server's time as { token, serverTime } (createTokenHandler does)."
            : '; otherwise check the server clock.'),
      );
    }
    const lifetime = iatMs !== undefined ? expMs - iatMs : remaining;
    const margin = Math.min(
      refreshMarginMs ?? Math.max(MIN_REFRESH_MARGIN_MS, REFRESH_MARGIN_RATIO * lifetime),
      // Never more than half the lifetime: a short-lived token is still used before being refreshed.
      Math.max(0, lifetime / 2),
    );
    return { token, expiresAt, refreshAt: expiresAt - margin };
  }

  function invalidate(): void {
    generation++;
    held = undefined;
    inFlight = undefined;
    publish({ status: 'idle' });
  }

  return {
    getToken,
    invalidate,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      if (typeof listener !== 'function') {
        throw new TypeError('TokenManager.subscribe(listener): listener must be a function.');
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

type FetchOutcome =
  | { kind: 'resolved'; value: unknown }
  | { kind: 'rejected'; reason: unknown }
  | { kind: 'timeout' }
  | { kind: 'abandoned' };

/** `serverTime` of a `{ token, serverTime }` answer, in ms; undefined when absent or not a date. */
function readServerTime(result: unknown): number | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const value = (result as { serverTime?: unknown }).serverTime;
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

function extractToken(result: unknown): { token: string; serverTime: number | undefined } {
  let token: unknown = result;
  const serverTime = readServerTime(result);
  if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
    if (!('token' in result)) {
      throw new TokenError(
        'invalid_token',
        'fetchToken resolved to an object without a "token" property. ' +
          'Make fetchToken resolve to the token string, or to the { token } object your token endpoint answers.',
      );
    }
    token = (result as { token: unknown }).token;
  }
  if (typeof token !== 'string') {
    throw new TokenError(
      'invalid_token',
      `fetchToken must resolve to the token string (or { token: string }), but it resolved to ${describeValueType(token)}. ` +
        'Return the JWT your backend signed.',
    );
  }
  const trimmed = token.trim();
  if (trimmed === '') {
    throw new TokenError(
      'invalid_token',
      'fetchToken resolved to an empty string. Check that your token endpoint answers with a token for the signed-in user.',
    );
  }
  return { token: trimmed, serverTime };
}

function describeValueType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function formatDuration(ms: number): string {
  if (Math.abs(ms) < 1000) return `${Math.round(Math.abs(ms))} ms`;
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 90) return plural(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return plural(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.round(hours / 24), 'day');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function validateOptions(options: TokenManagerOptions): TokenManagerOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createTokenManager(options): options must be an object with a fetchToken function.');
  }
  if (typeof options.fetchToken !== 'function') {
    throw new TypeError(
      `createTokenManager: fetchToken must be a function that returns a Promise of the token, but it is ${describeValueType(options.fetchToken)}.`,
    );
  }
  const checks: [keyof TokenManagerOptions, unknown, (value: number) => boolean, string][] = [
    ['refreshMarginMs', options.refreshMarginMs, (v) => v >= 0, 'a number of milliseconds ≥ 0'],
    ['fetchTimeoutMs', options.fetchTimeoutMs, (v) => v > 0, 'a number of milliseconds > 0'],
    ['maxAttempts', options.maxAttempts, (v) => Number.isInteger(v) && v >= 1, 'an integer ≥ 1'],
    ['retryDelayMs', options.retryDelayMs, (v) => v >= 0, 'a number of milliseconds ≥ 0'],
  ];
  for (const [name, value, isValid, expected] of checks) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || Number.isNaN(value) || !isValid(value)) {
      throw new RangeError(`createTokenManager: ${name} must be ${expected}, but it is ${String(value)}.`);
    }
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new TypeError('createTokenManager: now must be a function returning milliseconds since 1970.');
  }
  return options;
}
