import { SignJWT } from 'jose';
import { MembraneTokenError } from './MembraneTokenError.js';
import { assertClaimsSize } from './assertClaimsSize.js';
import { assertServerEnvironment } from './assertServerEnvironment.js';
import { parseExpiresIn } from './parseExpiresIn.js';
import { resolveSigningKey } from './resolveSigningKey.js';
import type { MembraneCredentials, SignTokenOptions, SignedMembraneToken } from './types.js';

/**
 * Signs `claims` plus `iss`, `iat` and `exp` with header `{ alg, typ: 'JWT' }`. Shared by customer
 * tokens, admin tokens and the handler, which also needs `expiresAt`.
 */
export async function signMembraneToken(
  what: string,
  credentials: MembraneCredentials,
  claims: Record<string, unknown>,
  options: SignTokenOptions,
): Promise<SignedMembraneToken> {
  assertServerEnvironment(options.dangerouslyAllowBrowser, what);
  const lifetime = parseExpiresIn(options.expiresIn, options.allowLongLived === true);
  assertClaimsSize(what, claims);
  const { workspaceKey, algorithm, key } = await resolveSigningKey(credentials, options.algorithm);
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + lifetime;
  let token: string;
  try {
    token = await new SignJWT({ ...claims, iss: workspaceKey, iat: issuedAt, exp: expiresAt })
      .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
      .sign(key);
  } catch (cause) {
    throw new MembraneTokenError(
      'signing_failed',
      `${what} could not sign with ${algorithm}: ${cause instanceof Error ? cause.message : 'the runtime refused the key'}.`,
      { cause },
    );
  }
  return { token, expiresAt: new Date(expiresAt * 1000) };
}
