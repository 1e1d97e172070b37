import { MembraneApiError } from '../MembraneApiError.js';

/** Default page size when `limit` is not sent (Membrane's own default is not documented). */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * One page of `items` for Membrane's `limit`/`cursor` query (both strings on the wire). The cursor
 * is an opaque string (an offset here) and is returned only when more items exist.
 */
export function paginate<T>(items: readonly T[], query: { limit?: string; cursor?: string }): { items: T[]; cursor?: string } {
  const limit = query.limit === undefined || query.limit === '' ? DEFAULT_LIMIT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new MembraneApiError(400, `limit must be an integer between 1 and ${MAX_LIMIT}, got "${query.limit}".`);
  }
  const offset = query.cursor === undefined || query.cursor === '' ? 0 : Number(query.cursor);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new MembraneApiError(400, `cursor "${query.cursor}" is not a cursor returned by this API.`);
  }
  const page = items.slice(offset, offset + limit);
  const next = offset + page.length;
  return { items: page, ...(next < items.length ? { cursor: String(next) } : {}) };
}
