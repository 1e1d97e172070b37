import type { TokenManager } from '../../token/types.js';

const managers = new WeakMap<object, TokenManager>();

/** Links a client made by `createKitClient` to its token manager. Internal to the kit. */
export function registerTokenManager(client: object, manager: TokenManager): void {
  managers.set(client, manager);
}

/**
 * The token manager behind a client made by `createKitClient`, or `undefined` for any other
 * SDK client (for example one created by `@integration-app/react` or `@membranehq/react`).
 *
 * @example
 * ```ts
 * const manager = getTokenManager(client);
 * const status = manager?.getSnapshot().status;
 * ```
 */
export function getTokenManager(client: object): TokenManager | undefined {
  return typeof client === 'object' && client !== null ? managers.get(client) : undefined;
}
