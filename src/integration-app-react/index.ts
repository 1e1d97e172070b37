'use client';
// membrane-react-kit/integration-app-react: interop with apps that already use @integration-app/react.
// The only entry that imports @integration-app/react (an optional peer).

export { IntegrationAppProviderFromKit, type IntegrationAppProviderFromKitProps } from './IntegrationAppProviderFromKit.js';
export {
  MembraneKitProviderFromIntegrationApp,
  type MembraneKitProviderFromIntegrationAppProps,
} from './MembraneKitProviderFromIntegrationApp.js';
