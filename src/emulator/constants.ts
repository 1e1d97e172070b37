/**
 * Workspace key of the emulator's dev workspace. DEV ONLY: it is public, never use it for a real
 * Membrane workspace.
 *
 * @example
 * ```ts
 * import { EMULATOR_WORKSPACE_KEY, EMULATOR_WORKSPACE_SECRET } from 'membrane-react-kit/emulator/browser';
 * const token = await createMembraneToken(
 *   { workspaceKey: EMULATOR_WORKSPACE_KEY, workspaceSecret: EMULATOR_WORKSPACE_SECRET },
 *   { customer: { id: 'demo-customer' } },
 * );
 * ```
 */
export const EMULATOR_WORKSPACE_KEY = 'dev-only-emulator-workspace';

/**
 * Workspace secret of the emulator's dev workspace (49 bytes, enough for HS256/384/512). DEV ONLY: it is
 * published with the package, so anything signed with it is public.
 *
 * @example
 * ```ts
 * import { startEmulator, EMULATOR_WORKSPACE_SECRET } from 'membrane-react-kit/emulator';
 * const emulator = await startEmulator({ workspaceSecret: EMULATOR_WORKSPACE_SECRET });
 * ```
 */
export const EMULATOR_WORKSPACE_SECRET = 'dev-only-emulator-secret-do-not-use-in-production';

/** HMAC algorithms verified with the workspace secret. */
export const SECRET_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;

/** Asymmetric algorithms verified with the registered public key. */
export const PUBLIC_KEY_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const;
