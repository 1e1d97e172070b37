import { redactCause } from './redactCause.js';

/**
 * What went wrong, in terms a connect UI can act on.
 *
 * - `auth`: the token was refused or could not be fetched (check `fetchToken` and the backend signing it).
 * - `popup_blocked`: the browser blocked the connection popup; offer the same-window flow.
 * - `cancelled`: the user closed the popup or dialog. Not a failure to show as an error.
 * - `network`: no response from the API (offline, DNS, CORS).
 * - `rate_limited`: HTTP 429 / `rate_limit_exceeded`; retry later.
 * - `server`: a 5xx or an unexpected response from Membrane.
 * - `invalid_parameters`: the connection parameters or the request were rejected (4xx, validation).
 * - `timeout`: the flow or request did not finish in time.
 */
export type KitErrorCode =
  | 'auth'
  | 'popup_blocked'
  | 'cancelled'
  | 'network'
  | 'rate_limited'
  | 'server'
  | 'invalid_parameters'
  | 'timeout';

/**
 * Every {@link KitErrorCode}, in a stable order.
 *
 * @example
 * ```ts
 * const messages = Object.fromEntries(KIT_ERROR_CODES.map((code) => [code, t(`errors.${code}`)]));
 * ```
 */
export const KIT_ERROR_CODES: readonly KitErrorCode[] = [
  'auth',
  'popup_blocked',
  'cancelled',
  'network',
  'rate_limited',
  'server',
  'invalid_parameters',
  'timeout',
];

/** Options for {@link KitError}. */
export interface KitErrorOptions {
  /**
   * The original error (SDK error, axios error, TokenError…). Kept as is unless it carries a token
   * (axios keeps the `Authorization` header on `config`): then a copy without it (see `redactCause`).
   */
  cause?: unknown;
  /** HTTP status when one was seen. */
  status?: number;
  /** Membrane's error body (`{ type, key, message, data }`) when there was one. Never contains tokens. */
  data?: unknown;
}

const RETRYABLE: ReadonlySet<KitErrorCode> = new Set(['network', 'rate_limited', 'server', 'timeout']);

/**
 * The one error type the kit's hooks, components and connect flows reject with.
 *
 * @example
 * ```ts
 * try {
 *   await connect();
 * } catch (error) {
 *   const kitError = toKitError(error);
 *   if (kitError.code === 'popup_blocked') showSameWindowFallback();
 * }
 * ```
 */
export class KitError extends Error {
  /** Machine-readable category; see {@link KitErrorCode}. */
  readonly code: KitErrorCode;
  /** HTTP status when one was seen. */
  readonly status: number | undefined;
  /** Membrane's error body, when there was one. */
  readonly data: unknown;
  /** Marker that survives bundling twice (instanceof can fail across copies of the kit). */
  readonly isKitError = true as const;

  constructor(code: KitErrorCode, message: string, options: KitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: redactCause(options.cause) });
    this.name = 'KitError';
    this.code = code;
    this.status = options.status;
    this.data = options.data;
  }

  /** Whether trying the same thing again may work (network, rate limit, server, timeout). */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

/**
 * True for a {@link KitError}, also one created by another copy of the kit.
 *
 * @example
 * ```ts
 * if (isKitError(error) && error.code === 'cancelled') return;
 * ```
 */
export function isKitError(value: unknown): value is KitError {
  return (
    value instanceof KitError ||
    (typeof value === 'object' && value !== null && (value as { isKitError?: unknown }).isKitError === true)
  );
}
