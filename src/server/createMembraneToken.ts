import { signMembraneToken } from './signMembraneToken.js';
import { customerClaims } from './customerClaims.js';
import type { CreateMembraneTokenOptions, MembraneCredentials, SignedMembraneToken } from './types.js';

/**
 * Like `createMembraneToken`, but resolves to `{ token, expiresAt }` so that your own endpoint can
 * tell the front end when the token expires without decoding it.
 *
 * @example
 * ```ts
 * import { createMembraneTokenWithExpiry } from 'membrane-react-kit/server';
 *
 * const { token, expiresAt } = await createMembraneTokenWithExpiry(credentials, { customer: { id: user.id } });
 * res.set('Cache-Control', 'no-store').json({ token, expiresAt: expiresAt.toISOString() });
 * ```
 */
export async function createMembraneTokenWithExpiry(
  credentials: MembraneCredentials,
  options: CreateMembraneTokenOptions,
): Promise<SignedMembraneToken> {
  const { customer, ...signOptions } = (options ?? {}) as Partial<CreateMembraneTokenOptions>;
  return signMembraneToken('createMembraneToken', credentials, customerClaims(customer), signOptions);
}

/**
 * Signs a Membrane customer token on your backend: a JWT with `id`, `name`, `fields`, `iss` (the
 * workspace key), `iat` and `exp`, and header `typ: 'JWT'`. Runs on Node, edge runtimes, Bun and
 * Deno (WebCrypto through `jose`).
 *
 * - With `{ workspaceKey, workspaceSecret }`: HS256 by default (Membrane's default); HS512 is
 *   recommended. The secret must be at least 32 bytes.
 * - With `{ workspaceKey, privateKey }` (PEM PKCS#8, `CryptoKey` or `KeyObject`): RS*, PS* or ES*,
 *   by default the one the key's type implies. Register the public key in the workspace settings.
 * - `expiresIn`: seconds or `'2h'`-style; default 2 hours; above 24 hours needs `allowLongLived`.
 *
 * Rejects with a `MembraneTokenError` (with a `code`) on bad input, and in a browser.
 *
 * @example
 * ```ts
 * import { createMembraneToken } from 'membrane-react-kit/server';
 *
 * const token = await createMembraneToken(
 *   { workspaceKey: process.env.MEMBRANE_WORKSPACE_KEY!, workspaceSecret: process.env.MEMBRANE_WORKSPACE_SECRET! },
 *   { customer: { id: user.id, name: user.name, fields: { plan: user.plan } }, algorithm: 'HS512', expiresIn: '1h' },
 * );
 * ```
 */
export async function createMembraneToken(
  credentials: MembraneCredentials,
  options: CreateMembraneTokenOptions,
): Promise<string> {
  return (await createMembraneTokenWithExpiry(credentials, options)).token;
}
