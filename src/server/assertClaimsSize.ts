import { MembraneTokenError } from './MembraneTokenError.js';

/**
 * The most UTF-8 bytes of JSON the claims may take. The token carries them base64url-encoded (×4/3)
 * plus a header and a signature, in an `Authorization` header and in the SSE URL: 4 kB of claims
 * stay under the 8 kB that proxies and servers commonly allow (Membrane answered 431 to 261 kB).
 */
export const MAX_CLAIMS_BYTES = 4096;

const byteLength = (value: unknown): number => (value === undefined ? 0 : new TextEncoder().encode(JSON.stringify(value)).byteLength);

/**
 * Refuses claims too large for a token to travel in an HTTP header, with the size of each part
 * (never a value: `fields` may hold API keys).
 */
export function assertClaimsSize(what: string, claims: Record<string, unknown>): void {
  const total = byteLength(claims);
  if (total <= MAX_CLAIMS_BYTES) return;
  const parts = ['id', 'name', 'fields']
    .filter((name) => claims[name] !== undefined)
    .map((name) => `${name} ${byteLength(claims[name])}`)
    .join(', ');
  throw new MembraneTokenError(
    'claims_too_large',
    `${what}: the customer claims are ${total} bytes of JSON (${parts}); the limit is ${MAX_CLAIMS_BYTES}, so the token fits in an HTTP header (a larger one is refused with 431). ` +
      'Use your short user or team id as id, a display name as name, and keep large data out of fields.',
  );
}
