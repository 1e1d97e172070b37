import { decodeJwt } from '../../core/token/decodeJwt.js';

/**
 * Who a `fetchToken` answer (a JWT or `{ token }`) is for: its `id` claim (Membrane's customer id),
 * else `sub`; `null` for a token naming nobody (an admin token); `undefined` when the answer is not
 * a readable token (the token manager reports that itself). The signature is not verified.
 *
 * @example
 * ```ts
 * if (customerOfToken(await fetchToken()) !== customerOfToken(previous)) queryClient.clear();
 * ```
 */
export function customerOfToken(answer: unknown): string | null | undefined {
  const token = typeof answer === 'object' && answer !== null ? (answer as { token?: unknown }).token : answer;
  if (typeof token !== 'string') return undefined;
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token.trim());
  } catch {
    return undefined;
  }
  for (const claim of [claims.id, claims.sub]) {
    if (typeof claim === 'string' && claim !== '') return claim;
    if (typeof claim === 'number' && Number.isFinite(claim)) return String(claim);
  }
  return null;
}
