import type { FetchToken } from '../../core/token/types.js';
import { createKit, DEFAULT_API_URI, type MembraneKit } from './createKit.js';
import { watchWindowFocus } from './watchWindowFocus.js';

const registry = new Map<string, { kit: MembraneKit; stop: () => void }>();

/**
 * The kit shared by every provider-less component pointing at `apiUri`: one token manager, one
 * client, one QueryClient. The first caller's `uiUri` and `fetchToken` create it; later
 * `fetchToken`s only replace the function the token manager calls.
 *
 * @example
 * ```ts
 * const kit = getSharedKit({ apiUri: 'https://api.integration.app', fetchToken });
 * ```
 */
export function getSharedKit(options: { apiUri?: string; uiUri?: string; fetchToken?: FetchToken }): MembraneKit {
  const apiUri = options.apiUri ?? DEFAULT_API_URI;
  const existing = registry.get(apiUri);
  if (existing) return existing.kit;
  const kit = createKit({ apiUri, uiUri: options.uiUri, fetchToken: options.fetchToken });
  if (typeof window !== 'undefined') kit.queryClient.mount();
  registry.set(apiUri, { kit, stop: watchWindowFocus(kit) });
  return kit;
}

/**
 * Forgets every shared kit (their caches and tokens). For tests, and for sign-out in apps that
 * use components without a provider.
 *
 * @example
 * ```ts
 * afterEach(() => resetSharedKits());
 * ```
 */
export function resetSharedKits(): void {
  for (const { kit, stop } of registry.values()) {
    stop();
    kit.queryClient.clear();
    kit.queryClient.unmount();
    kit.tokenManager.invalidate();
  }
  registry.clear();
}
