import type { FetchToken } from '../../core/token/types.js';
import { createKit, DEFAULT_API_URI, type MembraneKit } from './createKit.js';
import { emptyQueryClient } from './emptyQueryClient.js';
import { watchWindowFocus } from './watchWindowFocus.js';

/**
 * How long a shared kit that no mounted component uses is kept, in ms, before it is released (its
 * focus listener removed, its query cache emptied, its token dropped). Long enough for StrictMode's
 * second mount and for a route change that unmounts one page's components and mounts the next's.
 *
 * @example
 * ```ts
 * vi.advanceTimersByTime(SHARED_KIT_RELEASE_DELAY_MS); // unused shared kits are gone
 * ```
 */
export const SHARED_KIT_RELEASE_DELAY_MS = 5_000;

/** Options of {@link getSharedKit}. */
export interface SharedKitOptions {
  apiUri?: string;
  uiUri?: string;
  fetchToken?: FetchToken;
  /**
   * Who is signed in (your customer id, or any key that changes with the customer). When it
   * differs from the key the shared kit last saw, the kit forgets the previous customer
   * ({@link MembraneKit.reset}) before returning.
   */
  customerKey?: string;
}

interface Entry {
  apiUri: string;
  kit: MembraneKit;
  stopWatchingFocus: () => void;
  customerKey: string | undefined;
  /** Mounted components using the kit. */
  holders: number;
  releaseTimer: ReturnType<typeof setTimeout> | undefined;
}

const registry = new Map<string, Entry>();
const entries = new WeakMap<MembraneKit, Entry>();

function release(entry: Entry): void {
  if (entry.releaseTimer !== undefined) clearTimeout(entry.releaseTimer);
  entry.releaseTimer = undefined;
  entry.stopWatchingFocus();
  emptyQueryClient(entry.kit.queryClient);
  entry.kit.queryClient.unmount();
  entry.kit.tokenManager.invalidate();
  entries.delete(entry.kit);
  if (registry.get(entry.apiUri) === entry) registry.delete(entry.apiUri);
}

function scheduleRelease(entry: Entry): void {
  if (entry.releaseTimer !== undefined) clearTimeout(entry.releaseTimer);
  entry.releaseTimer = setTimeout(() => {
    entry.releaseTimer = undefined;
    if (entry.holders === 0) release(entry);
  }, SHARED_KIT_RELEASE_DELAY_MS);
}

/**
 * The kit shared by every provider-less component pointing at `apiUri`: one token manager, one
 * client, one QueryClient. The first caller's `uiUri` and `fetchToken` create it; later
 * `fetchToken`s only replace the function the token manager calls. A `customerKey` other than the
 * one it last saw makes it forget the previous customer first.
 *
 * Components hold the kit while mounted; {@link SHARED_KIT_RELEASE_DELAY_MS} after nothing holds
 * it, it is released, and the next call creates a new one. On a server (no `window`) nothing is
 * shared: every call returns a new kit, so no token or cached data passes from one request to another.
 *
 * @example
 * ```ts
 * const kit = getSharedKit({ apiUri: 'https://api.integration.app', fetchToken });
 * ```
 */
export function getSharedKit(options: SharedKitOptions): MembraneKit {
  const apiUri = options.apiUri ?? DEFAULT_API_URI;
  if (typeof window === 'undefined') return createKit({ apiUri, uiUri: options.uiUri, fetchToken: options.fetchToken });
  const existing = registry.get(apiUri);
  if (existing) {
    const { customerKey } = options;
    if (customerKey !== undefined && customerKey !== existing.customerKey) {
      const previous = existing.customerKey;
      existing.customerKey = customerKey;
      if (previous !== undefined) {
        // The new customer's fetchToken first: the refetches the reset starts must not ask the old one.
        if (options.fetchToken) existing.kit.setFetchToken(options.fetchToken);
        existing.kit.reset();
      }
    }
    return existing.kit;
  }
  const kit = createKit({ apiUri, uiUri: options.uiUri, fetchToken: options.fetchToken });
  kit.queryClient.mount();
  const entry: Entry = {
    apiUri,
    kit,
    stopWatchingFocus: watchWindowFocus(kit),
    customerKey: options.customerKey,
    holders: 0,
    releaseTimer: undefined,
  };
  registry.set(apiUri, entry);
  entries.set(kit, entry);
  // A kit whose component never mounts (a render React threw away) is released too.
  scheduleRelease(entry);
  return kit;
}

/**
 * Marks a shared kit as used by a mounted component; returns the function to call on unmount.
 * `useKit` calls it for provider-less components. A kit from elsewhere (a provider's) is ignored.
 *
 * @example
 * ```ts
 * useLayoutEffect(() => retainSharedKit(kit), [kit]);
 * ```
 */
export function retainSharedKit(kit: MembraneKit): () => void {
  const entry = entries.get(kit);
  if (!entry) return () => undefined;
  entry.holders++;
  if (entry.releaseTimer !== undefined) clearTimeout(entry.releaseTimer);
  entry.releaseTimer = undefined;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    entry.holders--;
    if (entry.holders === 0 && entries.get(kit) === entry) scheduleRelease(entry);
  };
}

/**
 * How many shared kits exist (for tests and leak checks).
 *
 * @example
 * ```ts
 * expect(countSharedKits()).toBe(0);
 * ```
 */
export function countSharedKits(): number {
  return registry.size;
}

/**
 * Forgets every shared kit (their caches and tokens) at once. For tests, and for sign-out in apps
 * that use components without a provider (or pass `customerKey`, which resets only what changed).
 *
 * @example
 * ```ts
 * afterEach(() => resetSharedKits());
 * ```
 */
export function resetSharedKits(): void {
  for (const entry of [...registry.values()]) {
    release(entry);
    // Also stops connect flows still running for the customer who signs out.
    entry.kit.reset({ refetch: false });
  }
  registry.clear();
}
