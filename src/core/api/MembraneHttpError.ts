import type { MembraneErrorData } from './types.js';

/**
 * A non-2xx answer of the Membrane API, as the kit's typed client reads it: the HTTP status, the
 * method and path (never the query string, which may carry a token), and Membrane's error body.
 * `toKitError` maps it to a `KitError` code (`auth`, `server`, `rate_limited`, …); the hooks never
 * see it directly, it is the `cause` of their `KitError`.
 *
 * @example
 * ```ts
 * try {
 *   await api.getIntegration('nope');
 * } catch (error) {
 *   if (isKitError(error) && error.cause instanceof MembraneHttpError) console.log(error.cause.status);
 * }
 * ```
 */
export class MembraneHttpError extends Error {
  override readonly name = 'MembraneHttpError';
  /** Tells `toKitError` and `isNotAuthenticatedError` this carries Membrane's body on `data`. */
  readonly isMembraneHttpError = true;

  constructor(
    /** HTTP status of the answer. */
    readonly status: number,
    /** `GET /integrations/hubspot` (no query string). */
    readonly request: string,
    /** Membrane's error body, when the answer had one. */
    readonly data: MembraneErrorData | undefined,
  ) {
    super(data?.message?.trim() || `Membrane answered ${request} with HTTP ${status}.`);
  }
}
