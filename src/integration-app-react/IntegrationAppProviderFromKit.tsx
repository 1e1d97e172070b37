import { IntegrationAppProvider } from '@integration-app/react';
import { useCallback, useContext, type ReactNode } from 'react';
import { KitContext } from '../react/kit/KitContext.js';

/** Props of {@link IntegrationAppProviderFromKit}. */
export interface IntegrationAppProviderFromKitProps {
  children: ReactNode;
}

/**
 * Lets `@integration-app/react` hooks (`useIntegrations`, `useIntegrationApp`, …) run inside a
 * `MembraneKitProvider`, on the kit's token: their client gets its token from the kit's token
 * manager, so there is one token, one refresh schedule and one `fetchToken` call for both.
 * Render it inside `MembraneKitProvider`.
 *
 * @example
 * ```tsx
 * <MembraneKitProvider fetchToken={fetchToken}>
 *   <IntegrationAppProviderFromKit>
 *     <LegacyScreenUsingIntegrationAppHooks />
 *     <IntegrationsList />
 *   </IntegrationAppProviderFromKit>
 * </MembraneKitProvider>
 * ```
 */
export function IntegrationAppProviderFromKit({ children }: IntegrationAppProviderFromKitProps) {
  const context = useContext(KitContext);
  if (!context) {
    throw new Error('membrane-react-kit: <IntegrationAppProviderFromKit> must be rendered inside <MembraneKitProvider>.');
  }
  const { kit } = context;
  const fetchToken = useCallback(() => kit.tokenManager.getToken(), [kit]);
  return (
    <IntegrationAppProvider fetchToken={fetchToken} apiUri={kit.apiUri} uiUri={kit.uiUri}>
      {children}
    </IntegrationAppProvider>
  );
}
