'use client';
// membrane-react-kit: drop-in React components, hooks and provider. Never imports @integration-app/react.

export { MembraneKitProvider, type MembraneKitProviderProps } from './react/provider/MembraneKitProvider.js';
export { IntegrationsList, type IntegrationsListProps } from './react/components/IntegrationsList/index.js';
export {
  IntegrationsListItem,
  IntegrationsListLogo,
  IntegrationsListName,
  IntegrationsListStatus,
  IntegrationsListAction,
  type IntegrationsListItemProps,
} from './react/components/IntegrationsList/index.js';
export {
  IntegrationsListConnections,
  IntegrationsListConnection,
  IntegrationsListConnectionName,
  IntegrationsListConnectionStatus,
  IntegrationsListConnectionActions,
  IntegrationsListAddAccount,
  type IntegrationsListConnectionsProps,
  type IntegrationsListConnectionProps,
} from './react/components/IntegrationsList/connectionParts.js';
export { ConnectButton, type ConnectButtonProps } from './react/components/ConnectButton/index.js';
export { ConnectionStatus, type ConnectionStatusProps } from './react/components/ConnectionStatus/index.js';
export { ConnectDialog, type ConnectDialogProps } from './react/components/ConnectDialog/index.js';

export {
  useIntegrations,
  useIntegration,
  useConnectionState,
  useConnect,
  useDisconnect,
  useTokenState,
  useMembraneKit,
} from './react/hooks/index.js';
export { useConnection, type UseConnectionResult } from './react/hooks/useConnection.js';
export { useConnections, type UseConnectionsResult } from './react/hooks/useConnections.js';
export {
  useRenameConnection,
  type UseRenameConnectionOptions,
  type UseRenameConnectionResult,
} from './react/hooks/useRenameConnection.js';
export type {
  UseIntegrationsResult,
  UseIntegrationResult,
  UseConnectionStateResult,
  UseConnectOptions,
  UseConnectResult,
  ConnectInput,
  ConnectFlowStatus,
  UseDisconnectOptions,
  UseDisconnectResult,
} from './react/hooks/index.js';
export type { ResolvedKit } from './react/kit/useKit.js';
export {
  createKit,
  kitQueryRetry,
  DEFAULT_API_URI,
  DEFAULT_UI_URI,
  type MembraneKit,
  type CreateKitOptions,
  type ExistingSdkClient,
} from './react/kit/createKit.js';
export { getSharedKit, resetSharedKits, SHARED_KIT_RELEASE_DELAY_MS, type SharedKitOptions } from './react/kit/getSharedKit.js';
export type { KitProps } from './react/kit/KitProps.js';
export type { MembraneKitTheme } from './react/kit/KitContext.js';
export { defaultLabels, mergeLabels, type MembraneKitLabels, type PartialLabels } from './react/labels/defaultLabels.js';
export { formatLabel } from './react/labels/formatLabel.js';
export type {
  MembraneKitEvent,
  MembraneKitEventType,
  MembraneKitEventHandler,
  ConnectMode,
} from './react/events/MembraneKitEvent.js';

// Core pieces apps need next to the components (prefetching, invalidation, error handling).
export {
  membraneKeys,
  integrationsQueryOptions,
  integrationQueryOptions,
  connectorSpecQueryOptions,
  connectionsQueryOptions,
  connectionQueryOptions,
} from './core/query/index.js';
export type { IntegrationsQuery, ConnectionsQuery } from './core/query/index.js';
export { MAX_CONNECTION_NAME_LENGTH } from './core/api/normalizeConnectionName.js';
export { KitError, isKitError, toKitError, type KitErrorCode } from './core/errors/index.js';
export {
  getConnectionState,
  getConnectionDetails,
  type ConnectionState,
  type ConnectionAction,
  type ConnectionDetails,
} from './core/state/index.js';
export { readConnectRedirectResult, clearConnectRedirectResult } from './core/connect/index.js';
export type {
  AuthOption,
  ConnectFlow,
  ConnectFlowSnapshot,
  ConnectFlowOptions,
  ConnectFlowHost,
  ConnectFlowEvent,
  ConnectRedirectResult,
} from './core/connect/index.js';
export type {
  MembraneApi,
  MembraneRequestOptions,
  QueryValue,
  ListIntegrationsParams,
  ListConnectionsParams,
  MembraneSelf,
  MembraneIntegration,
  MembraneConnection,
  MembraneConnectorSpec,
  MembraneAuthOption,
  MembraneErrorData,
  MembranePage,
  ParametersSchema,
  SdkOption,
  SdkClientClass,
  SdkClientOptions,
  LoadedSdk,
  HostedUi,
  HostedUiResult,
  HostedUiTheme,
} from './core/api/index.js';
export type { KitErrorOptions } from './core/errors/index.js';
export type { TokenManager, GetTokenOptions } from './core/token/types.js';
export type { TokenError, TokenErrorCode } from './core/token/TokenError.js';
export type { PendingConnectStore, PendingConnects } from './core/state/index.js';
export type { KitEventEmitter } from './react/events/createEventEmitter.js';
export type { FetchToken, TokenAnswer, TokenSnapshot, TokenStatus } from './core/token/types.js';
