import type { SdkOption } from '../../core/api/sdk/types.js';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FetchToken } from '../../core/token/types.js';
import type { MembraneKitEventHandler } from '../events/MembraneKitEvent.js';
import { defaultLabels, mergeLabels, type PartialLabels } from '../labels/defaultLabels.js';
import { createKit, createKitQueryClient, type ExistingSdkClient } from '../kit/createKit.js';
import { emptyQueryClient } from '../kit/emptyQueryClient.js';
import { useFetchToken } from '../kit/useFetchToken.js';
import { useIsomorphicLayoutEffect } from '../utils/useIsomorphicLayoutEffect.js';
import { watchWindowFocus } from '../kit/watchWindowFocus.js';
import { KitContext, ThemeScopeContext, type KitContextValue, type MembraneKitTheme } from '../kit/KitContext.js';
import { cn } from '../utils/cn.js';

/** Props of {@link MembraneKitProvider}. */
export interface MembraneKitProviderProps {
  /** Asks your backend for a Membrane token (JWT string or `{ token }`). May be an inline function. */
  fetchToken?: FetchToken;
  /**
   * Your token endpoint, e.g. `"/api/membrane-token"`: the kit POSTs to it (cookies included, same
   * origin) and reads `{ token }` or a plain JWT. A string, so a React Server Component can render
   * the provider. `fetchToken` wins when both are given.
   */
  tokenUrl?: string;
  /** Membrane API base URL. Default `https://api.integration.app`. */
  apiUri?: string;
  /** Membrane UI base URL (prebuilt UI). Default `https://ui.integration.app`. */
  uiUri?: string;
  /** Use your app's QueryClient instead of a private one (so you can prefetch and invalidate). */
  queryClient?: QueryClient;
  /** An existing SDK client to share (interop); its token becomes the kit's token. */
  client?: ExistingSdkClient;
  /**
   * The Membrane SDK for the hosted UI (`mode="prebuilt"`): its client class, or a loader such as
   * `() => import('@membranehq/sdk')`. Loaded only when the hosted UI first opens. Default: none, the kit
   * opens Membrane 0.28's hosted screens itself (no SDK needed; only `manage()` needs one).
   */
  sdk?: SdkOption;
  /** `light` (default), `dark`, or `system` (follows `prefers-color-scheme`). Sets `data-mk-theme`. */
  theme?: MembraneKitTheme;
  /** Drop the kit's classes and styles everywhere below (data attributes stay). */
  unstyled?: boolean;
  /** Strings to override or translate; see `defaultLabels`. */
  labels?: PartialLabels;
  /** One typed stream of connect, disconnect and token events. */
  onEvent?: MembraneKitEventHandler;
  /**
   * Update mounted components from Membrane's `/sse/workspace` stream (one stream for the whole
   * provider, open while a component showing Membrane data is mounted). Default `true`.
   */
  live?: boolean;
  /**
   * Who is signed in: your customer id, or any key that changes when another customer signs in
   * (without a page reload). A new value gives the components below a new kit (no token, empty
   * cache) in the same render, and empties the previous customer's Membrane data from a `queryClient`
   * you passed. The kit also forgets cached data by itself when a new token names another customer.
   */
  customerKey?: string;
  /** Class on the provider's wrapper element (`display: contents`), e.g. a brand theme class. */
  className?: string;
  children?: ReactNode;
}

/**
 * Optional app-wide settings for every kit component below it: one token manager and client, one
 * query cache, theme, labels and an event handler. Renders a `display: contents` element carrying
 * `class="mk-root"` and `data-mk-theme`, where the design tokens live.
 *
 * @example
 * ```tsx
 * <MembraneKitProvider
 *   fetchToken={() => fetch('/api/membrane-token').then((r) => r.json())}
 *   theme="system"
 *   onEvent={(event) => analytics.track(event.type)}
 * >
 *   <IntegrationsList />
 * </MembraneKitProvider>
 * ```
 */
export function MembraneKitProvider(props: MembraneKitProviderProps) {
  const { apiUri, uiUri, queryClient, client, sdk, customerKey, theme = 'light', unstyled = false, labels, onEvent, className, children } = props;
  const fetchToken = useFetchToken(props.fetchToken, props.tokenUrl);
  // Without the app's QueryClient, one of the provider's own for its whole life, shared by the kits
  // it makes: mounted components keep observing the client they started with (TanStack Query binds
  // an observer to its first client), so a customer switch must not hand them another one.
  const [ownQueryClient] = useState(createKitQueryClient);
  const kit = useMemo(
    () => createKit({ fetchToken, apiUri, uiUri, queryClient: queryClient ?? ownQueryClient, client, sdk }),
    // fetchToken and sdk are deliberately absent: a new function must not create a new kit (see
    // setFetchToken). customerKey is there: another customer gets a kit with no token and no cache.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [apiUri, uiUri, queryClient, client, customerKey],
  );
  // The previous customer's kit is reset during this render, before any child renders with the new
  // one: its connect flows stop, and its data leaves a QueryClient the two kits share.
  const [shown, setShown] = useState({ kit, customerKey });
  if (shown.kit !== kit) {
    if (shown.customerKey !== customerKey) shown.kit.reset({ refetch: false });
    setShown({ kit, customerKey });
  }

  useIsomorphicLayoutEffect(() => {
    if (fetchToken) kit.setFetchToken(fetchToken);
    if (sdk) kit.setSdk(sdk);
    kit.liveUpdates.setEnabled(props.live ?? true);
  });

  useEffect(() => {
    kit.queryClient.mount();
    const stopWatchingFocus = watchWindowFocus(kit);
    return () => {
      stopWatchingFocus();
      kit.queryClient.unmount();
    };
  }, [kit]);

  // The provider's own QueryClient dies with it: emptied when it unmounts for good, rather than left
  // holding data and a 5-minute garbage-collection timer per query. An app's own is left alone.
  // Emptied after the commit, so StrictMode's second mount (same instance, same ref) cancels it.
  const releaseTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    clearTimeout(releaseTimer.current);
    return () => {
      releaseTimer.current = setTimeout(() => emptyQueryClient(ownQueryClient), 0);
    };
  }, [ownQueryClient]);

  const onEventRef = useRef(onEvent);
  useIsomorphicLayoutEffect(() => {
    onEventRef.current = onEvent;
  });
  useEffect(() => kit.events.subscribe((event) => onEventRef.current?.(event)), [kit]);

  const [portalContainer, setPortalContainer] = useState<HTMLElement | null>(null);
  const mergedLabels = useMemo(() => mergeLabels(defaultLabels, labels), [labels]);
  const value = useMemo<KitContextValue>(
    () => ({ kit, theme, unstyled, labels: mergedLabels, portalContainer }),
    [kit, theme, unstyled, mergedLabels, portalContainer],
  );

  return (
    <KitContext.Provider value={value}>
      <ThemeScopeContext.Provider value={theme}>
      <div
        ref={setPortalContainer}
        className={cn(!unstyled && 'mk-root mk-Provider', className)}
        style={unstyled ? { display: 'contents' } : undefined}
        data-slot="provider"
        data-mk-theme={theme}
      >
        {children}
      </div>
      </ThemeScopeContext.Provider>
    </KitContext.Provider>
  );
}
