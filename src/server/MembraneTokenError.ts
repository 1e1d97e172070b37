/**
 * What went wrong when signing a Membrane token. Every code names one problem; the message says
 * how to fix it and never contains the workspace secret, the private key or customer fields.
 */
export type MembraneTokenErrorCode =
  | 'invalid_credentials'
  | 'missing_workspace_key'
  | 'missing_workspace_secret'
  | 'weak_workspace_secret'
  | 'missing_private_key'
  | 'invalid_private_key'
  | 'weak_private_key'
  | 'unsupported_algorithm'
  | 'algorithm_key_mismatch'
  | 'invalid_options'
  | 'invalid_customer'
  | 'missing_customer_id'
  | 'invalid_fields'
  | 'claims_too_large'
  | 'invalid_expires_in'
  | 'expires_in_too_long'
  | 'browser_environment'
  | 'signing_failed';

/**
 * Thrown (or rejected) by `createMembraneToken`, `createAdminToken` and `createTokenHandler` when
 * a token cannot be signed safely. Check `code` rather than parsing the message.
 *
 * @example
 * ```ts
 * import { createMembraneToken, MembraneTokenError } from 'membrane-react-kit/server';
 *
 * try {
 *   await createMembraneToken(credentials, { customer: { id: user.id } });
 * } catch (error) {
 *   if (error instanceof MembraneTokenError && error.code === 'weak_workspace_secret') {
 *     // the secret in the environment is wrong: copy it again from the workspace settings
 *   }
 *   throw error;
 * }
 * ```
 */
export class MembraneTokenError extends Error {
  override readonly name = 'MembraneTokenError';
  readonly code: MembraneTokenErrorCode;

  constructor(code: MembraneTokenErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
