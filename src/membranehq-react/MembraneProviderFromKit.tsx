import { MembraneProvider } from '@membranehq/react';
import { useCallback, useContext, type ReactNode } from 'react';
import { KitContext } from '../react/kit/KitContext.js';

/** Props of {@link MembraneProviderFromKit}. */
export interface MembraneProviderFromKitProps {
  children: ReactNode;
}

/**
 * Lets `@membranehq/react` 0.28 hooks (`useMembrane`, `useIntegrations`, `useConnections`, …) run
 * inside a `MembraneKitProvider`, on the kit's token: Membrane's client gets its token from the
 * kit's token manager and its `apiUri`/`uiUri` from the kit (not Membrane's own defaults), so there
 * is one token, one refresh schedule and one `fetchToken` call for both. Render it inside
 * `MembraneKitProvider`. (`useElementsBackgroundSync` reads another context: pass it `useMembrane()`
 * as its second argument, docs/membrane-sdk-0.28.md §5.)
 *
 * @example
 * ```tsx
 * <MembraneKitProvider fetchToken={fetchToken}>
 *   <MembraneProviderFromKit>
 *     <ScreenUsingMembraneHooks />
 *     <IntegrationsList />
 *   </MembraneProviderFromKit>
 * </MembraneKitProvider>
 * ```
 */
export function MembraneProviderFromKit({ children }: MembraneProviderFromKitProps) {
  const context = useContext(KitContext);
  if (!context) {
    throw new Error('membrane-react-kit: <MembraneProviderFromKit> must be rendered inside <MembraneKitProvider>.');
  }
  const { kit } = context;
  const fetchToken = useCallback(() => kit.tokenManager.getToken(), [kit]);
  return (
    <MembraneProvider fetchToken={fetchToken} apiUri={kit.apiUri} uiUri={kit.uiUri}>
      {children}
    </MembraneProvider>
  );
}
