import { KitError } from '../errors/KitError.js';
import { toKitError } from '../errors/toKitError.js';

/**
 * The {@link KitError} for a failed connect request, built from what Membrane sends back: the
 * `error` text and the `errorData` body of a `newConnectionFailure` message, or the `error` and
 * `errorData` query parameters of a same-window redirect. The code is the body's own, as
 * {@link toKitError} reads it: `auth` only for `not_authenticated`, `access_denied` (HTTP 401 and
 * 403) or a `connection` error (the app refused the consent); a Membrane `internal` or
 * `dependency_error` stays `server`, a rejected parameter stays `invalid_parameters`. Without any
 * `errorData` the failure is taken as a refused consent (`auth`) with the `error` text. The
 * `connectionId` a failure names (0.28) is kept where the SDK keeps it: `error.data.data.connectionId`.
 *
 * @example
 * ```ts
 * connectFailureToKitError('Boom', { type: 'internal', message: 'Boom' }).code;          // 'server'
 * connectFailureToKitError('Denied', { type: 'connection', key: 'access_denied' }).code; // 'auth'
 * connectFailureToKitError('Denied', undefined, 'conn_1').data; // { type: 'connection', …, data: { connectionId: 'conn_1' } }
 * ```
 */
export function connectFailureToKitError(error: unknown, errorData: unknown, connectionId?: unknown): KitError {
  const text = typeof error === 'string' && error.trim() !== '' ? error : undefined;
  const body = typeof errorData === 'object' && errorData !== null ? (errorData as Record<string, unknown>) : {};
  const described = body.type !== undefined || body.key !== undefined;
  const mapped = toKitError({
    ...body,
    // Only a failure that says nothing about itself is read as the consent being refused.
    ...(described ? {} : { type: 'connection' }),
    message: typeof body.message === 'string' && body.message.trim() !== '' ? body.message : (text ?? 'The connection failed.'),
  });
  // No `cause`: the raw body is third-party text; `data` keeps its redacted type, key and message.
  const data =
    typeof connectionId === 'string' && connectionId !== '' ? { ...(mapped.data as object), data: { connectionId } } : mapped.data;
  return new KitError(mapped.code, mapped.message, { data });
}
