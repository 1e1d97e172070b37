export { useIntegrations, type UseIntegrationsResult } from './useIntegrations.js';
export { useIntegration, type UseIntegrationResult } from './useIntegration.js';
export { useConnectionState, type UseConnectionStateResult } from './useConnectionState.js';
export {
  useConnect,
  type UseConnectOptions,
  type UseConnectResult,
  type ConnectInput,
  type ConnectFlowStatus,
} from './useConnect.js';
export { useDisconnect, type UseDisconnectOptions, type UseDisconnectResult } from './useDisconnect.js';
export { useTokenState } from './useTokenState.js';
export { useMembraneKit } from './useMembraneKit.js';
