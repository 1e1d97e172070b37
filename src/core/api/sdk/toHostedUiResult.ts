import type { HostedUiResult } from './types.js';

/**
 * What both SDKs' hosted UIs resolve with (a connection, `null`, or `undefined` on close), as a
 * {@link HostedUiResult}.
 *
 * @example
 * ```ts
 * toHostedUiResult({ id: 'conn_1', name: 'HubSpot' }); // { connectionId: 'conn_1' }
 * toHostedUiResult(null);                                // null
 * ```
 */
export function toHostedUiResult(value: unknown): HostedUiResult {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id !== '' ? { connectionId: id } : null;
}
