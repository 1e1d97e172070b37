import type { MembraneErrorData } from './types.js';

/**
 * One Membrane `ErrorData` as the kit can rely on it: an object whose `message` is a string (the
 * error's `key` or `type`, or `''`, when Membrane sent none), `type`/`key` strings or absent. A bare
 * string becomes `{ message }`; anything else (a number, an array, `null`) is `undefined`.
 *
 * @example
 * ```ts
 * normalizeErrorData({ type: 'connection', message: 42 }); // { type: 'connection', message: '42' }
 * normalizeErrorData('Token revoked'); // { message: 'Token revoked' }
 * normalizeErrorData([1, 2]); // undefined
 * ```
 */
export function normalizeErrorData(value: unknown): (MembraneErrorData & { message: string }) | undefined {
  if (typeof value === 'string') return { message: value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const type = typeof record.type === 'string' ? record.type : undefined;
  const key = typeof record.key === 'string' ? record.key : undefined;
  const message =
    typeof record.message === 'string' ? record.message : typeof record.message === 'number' ? String(record.message) : (key ?? type ?? '');
  return { ...(type !== undefined && { type }), ...(key !== undefined && { key }), message, ...(record.data !== undefined && { data: record.data }) };
}
