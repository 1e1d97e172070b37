import { redactCause } from '../errors/redactCause.js';

/**
 * Why a token could not be obtained or was refused.
 *
 * - `fetch_failed`: `fetchToken` rejected on every attempt; `cause` holds the last rejection.
 * - `timeout`: `fetchToken` did not settle within `fetchTimeoutMs`.
 * - `invalid_token`: `fetchToken` resolved to something that is not a usable JWT.
 * - `expired_token`: `fetchToken` resolved to a JWT that had already expired.
 * - `unauthorized`: the Membrane API refused a freshly fetched token (401 twice in a row).
 */
export type TokenErrorCode = 'fetch_failed' | 'timeout' | 'invalid_token' | 'expired_token' | 'unauthorized';

/**
 * Every code a {@link TokenError} can carry, for exhaustive checks and UI mappings.
 *
 * @example
 * ```ts
 * import { TOKEN_ERROR_CODES, isTokenError } from 'membrane-react-kit/core';
 *
 * const hints: Record<(typeof TOKEN_ERROR_CODES)[number], string> = {
 *   fetch_failed: 'Could not reach the token endpoint.',
 *   timeout: 'The token endpoint is too slow.',
 *   invalid_token: 'The token endpoint answered something that is not a JWT.',
 *   expired_token: 'The token endpoint answered an expired token.',
 *   unauthorized: 'Membrane refused the token: check the workspace key and secret.',
 * };
 * if (isTokenError(error)) console.warn(hints[error.code]);
 * ```
 */
export const TOKEN_ERROR_CODES: readonly TokenErrorCode[] = [
  'fetch_failed',
  'timeout',
  'invalid_token',
  'expired_token',
  'unauthorized',
];

/**
 * The error the token manager and the kit client reject with. Its message says what went wrong
 * and how to fix it; it never contains a token or a secret.
 *
 * @example
 * ```ts
 * try {
 *   await manager.getToken();
 * } catch (error) {
 *   if (error instanceof TokenError && error.code === 'timeout') showRetryButton();
 * }
 * ```
 */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  readonly code: TokenErrorCode;

  constructor(code: TokenErrorCode, message: string, options?: { cause?: unknown }) {
    // The cause is the app's own fetchToken error or an HTTP client's: never keep a token on it.
    super(message, options && 'cause' in options ? { cause: redactCause(options.cause) } : undefined);
    this.code = code;
  }
}

/**
 * Type guard for {@link TokenError}. Also recognises errors from another copy of the kit (two
 * bundles on one page), where `instanceof` would fail.
 *
 * @example
 * ```ts
 * manager.getToken().catch((error) => {
 *   if (isTokenError(error) && error.code === 'fetch_failed') console.error(error.cause);
 * });
 * ```
 */
export function isTokenError(error: unknown): error is TokenError {
  if (error instanceof TokenError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'TokenError' &&
    typeof candidate.code === 'string' &&
    (TOKEN_ERROR_CODES as readonly string[]).includes(candidate.code)
  );
}
