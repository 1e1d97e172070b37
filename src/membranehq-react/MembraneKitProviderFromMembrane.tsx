import { useMembrane } from '@membranehq/react';
import { MembraneKitProvider, type MembraneKitProviderProps } from '../react/provider/MembraneKitProvider.js';

/** Props of {@link MembraneKitProviderFromMembrane}: the provider's, minus the connection settings and the SDK. */
export type MembraneKitProviderFromMembraneProps = Omit<MembraneKitProviderProps, 'fetchToken' | 'tokenUrl' | 'apiUri' | 'uiUri' | 'client' | 'sdk'>;

/**
 * Lets the kit's components run inside an existing `MembraneProvider` (`@membranehq/react` 0.28),
 * on the same client and token: the kit takes the client from `useMembrane()` (its `apiUri`,
 * `uiUri` and `getToken()`, so the app's `token`/`fetchToken` is the kit's token source) instead of
 * creating its own, and `mode="prebuilt"` opens Membrane's hosted screens through that client's
 * `ui.connect`, so no second SDK is loaded.
 *
 * @example
 * ```tsx
 * <MembraneProvider fetchToken={fetchToken}>
 *   <MembraneKitProviderFromMembrane theme="system">
 *     <IntegrationsList />
 *     <ConnectButton integrationKey="hubspot" mode="prebuilt" />
 *   </MembraneKitProviderFromMembrane>
 * </MembraneProvider>
 * ```
 */
export function MembraneKitProviderFromMembrane(props: MembraneKitProviderFromMembraneProps) {
  const client = useMembrane();
  if (!client) {
    throw new Error('membrane-react-kit: <MembraneKitProviderFromMembrane> must be rendered inside <MembraneProvider>.');
  }
  return <MembraneKitProvider {...props} client={client} />;
}
