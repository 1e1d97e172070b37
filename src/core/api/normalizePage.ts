import { KitError } from '../errors/KitError.js';
import { asRecord } from './normalizeFields.js';
import type { MembranePage } from './types.js';

/**
 * One page of a Membrane list (`{ items, cursor? }`) with every item run through `normalizeItem`;
 * items it answers `undefined` for are dropped, so one malformed item never hides the others. A
 * `cursor` that is not a non-empty string is dropped (no next page). An answer that is not a page
 * at all rejects with `KitError` `server`, naming the request.
 *
 * @example
 * ```ts
 * const page = normalizePage(await response.json(), normalizeIntegration, 'GET /integrations');
 * ```
 */
export function normalizePage<T>(value: unknown, normalizeItem: (item: unknown) => T | undefined, request: string): MembranePage<T> {
  const page = asRecord(value);
  if (!page || !Array.isArray(page.items)) {
    const got = value === undefined ? 'an empty body' : Array.isArray(value) ? 'an array' : page ? 'an object without an "items" array' : typeof value;
    throw new KitError(
      'server',
      `Membrane answered ${request} with ${got} instead of a page ({ items, cursor }); check that apiUri points at a Membrane API.`,
    );
  }
  const items: T[] = [];
  for (const item of page.items) {
    const normalized = normalizeItem(item);
    if (normalized !== undefined) items.push(normalized);
  }
  return typeof page.cursor === 'string' && page.cursor !== '' ? { items, cursor: page.cursor } : { items };
}
