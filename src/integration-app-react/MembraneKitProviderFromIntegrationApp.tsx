import { useIntegrationApp } from '@integration-app/react';
import { MembraneKitProvider, type MembraneKitProviderProps } from '../react/provider/MembraneKitProvider.js';

/** Props of {@link MembraneKitProviderFromIntegrationApp}: the provider's, minus the connection settings. */
export type MembraneKitProviderFromIntegrationAppProps = Omit<MembraneKitProviderProps, 'fetchToken' | 'apiUri' | 'uiUri' | 'client'>;

/**
 * Lets the kit's components run inside an existing `IntegrationAppProvider`, on the same SDK
 * client and token: the kit takes the client from `useIntegrationApp()` (its `apiUri`, `uiUri`
 * and token) instead of creating its own.
 *
 * @example
 * ```tsx
 * <IntegrationAppProvider fetchToken={fetchToken}>
 *   <MembraneKitProviderFromIntegrationApp theme="system">
 *     <IntegrationsList />
 *   </MembraneKitProviderFromIntegrationApp>
 * </IntegrationAppProvider>
 * ```
 */
export function MembraneKitProviderFromIntegrationApp(props: MembraneKitProviderFromIntegrationAppProps) {
  const client = useIntegrationApp();
  if (!client) {
    throw new Error('membrane-react-kit: <MembraneKitProviderFromIntegrationApp> must be rendered inside <IntegrationAppProvider>.');
  }
  return <MembraneKitProvider {...props} client={client} />;
}
