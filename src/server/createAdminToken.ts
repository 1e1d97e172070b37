import { MembraneTokenError } from './MembraneTokenError.js';
import { signMembraneToken } from './signMembraneToken.js';
import type { CreateAdminTokenOptions, MembraneCredentials } from './types.js';

/**
 * Signs a Membrane admin token for workspace-level operations such as managing customers: a JWT
 * with `isAdmin: true`, `iss`, `iat` and `exp`, and no `id` (an admin token belongs to no
 * customer). Same credentials, algorithms and `expiresIn` rules as `createMembraneToken`. Never
 * send an admin token to a browser.
 *
 * @example
 * ```ts
 * import { createAdminToken } from 'membrane-react-kit/server';
 *
 * const adminToken = await createAdminToken(
 *   { workspaceKey: process.env.MEMBRANE_WORKSPACE_KEY!, workspaceSecret: process.env.MEMBRANE_WORKSPACE_SECRET! },
 *   { algorithm: 'HS512', expiresIn: '10m' },
 * );
 * await fetch('https://api.integration.app/customers', { headers: { Authorization: `Bearer ${adminToken}` } });
 * ```
 */
export async function createAdminToken(
  credentials: MembraneCredentials,
  options: CreateAdminTokenOptions = {},
): Promise<string> {
  if (typeof options !== 'object' || options === null) {
    throw new MembraneTokenError('invalid_options', 'createAdminToken options must be an object like { expiresIn, algorithm }.');
  }
  if ('customer' in options) {
    throw new MembraneTokenError(
      'invalid_options',
      'createAdminToken does not take a customer: admin tokens must not carry an id. Use createMembraneToken for a customer token.',
    );
  }
  const { token } = await signMembraneToken('createAdminToken', credentials, { isAdmin: true }, options);
  return token;
}
