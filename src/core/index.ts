// membrane-react-kit/core: runs anywhere (browser, Node, edge); no React, no DOM access at import time.

// --- token lifecycle ---
export { createTokenManager } from './token/createTokenManager.js';
export { decodeJwt } from './token/decodeJwt.js';
export { fetchTokenFromEndpoint } from './token/fetchTokenFromEndpoint.js';
export { TokenError, isTokenError, TOKEN_ERROR_CODES } from './token/TokenError.js';
export type { TokenErrorCode } from './token/TokenError.js';
export type {
  FetchToken,
  TokenAnswer,
  GetTokenOptions,
  JwtClaims,
  TokenManager,
  TokenManagerOptions,
  TokenSnapshot,
  TokenStatus,
} from './token/types.js';
// --- end token lifecycle ---

// --- the API seam: typed Membrane client, Membrane types, SDK adapters for the hosted UI ---
export {
  createMembraneApi,
  MEMBRANE_API_VERSION,
  MembraneHttpError,
  isNotAuthenticatedError,
  createHostedUi,
  hostedUiFor,
  resolveSdkClass,
} from './api/index.js';
export type {
  MembraneApi,
  CreateMembraneApiOptions,
  MembraneRequestOptions,
  QueryValue,
  ListIntegrationsParams,
  ListConnectionsParams,
  MembraneIntegration,
  MembraneConnection,
  MembraneAuthOption,
  MembraneConnectorSpec,
  MembraneConnectionOption,
  ConnectionOptionsTarget,
  MembraneErrorData,
  MembranePage,
  MembraneSelf,
  ParametersSchema,
  CreateHostedUiOptions,
  HostedUi,
  HostedUiResult,
  HostedUiTheme,
  SdkOption,
  SdkClientClass,
  SdkClientOptions,
  LoadedSdk,
} from './api/index.js';
export { createKitClient } from './api/sdk/createKitClient.js';
export type { KitClient, KitClientOptions, KitClientTokenSource } from './api/sdk/createKitClient.js';
export { getTokenManager } from './api/sdk/getTokenManager.js';
// --- end API seam ---

// --- errors, queries, connection state, connect flows ---
export { KitError, KIT_ERROR_CODES, isKitError, toKitError } from './errors/index.js';
export type { KitErrorCode, KitErrorOptions } from './errors/index.js';
export {
  membraneKeys,
  DEFAULT_PAGE_SIZE,
  KIT_STALE_TIME_MS,
  integrationsQueryOptions,
  integrationQueryOptions,
  connectorSpecQueryOptions,
  connectionsQueryOptions,
  connectionQueryOptions,
} from './query/index.js';
export type { IntegrationsQuery, ConnectionsQuery } from './query/index.js';
export {
  getConnectionState,
  getConnectionDetails,
  getConnectionErrorMessage,
  isRepairState,
  CONNECTION_STATES,
  createPendingConnectStore,
} from './state/index.js';
export type { ConnectionState, ConnectionAction, ConnectionDetails, PendingConnectStore, PendingConnects } from './state/index.js';
export {
  createConnectFlow,
  createRedirectClaim,
  createRequestId,
  getAuthOptions,
  needsParameters,
  getConnectTransport,
  findConnectionOption,
  submitConnectionForm,
  connectionPayload,
  connectUrl,
  openConnectPopup,
  listenForConnectionResult,
  connectWithPopup,
  connectInIframe,
  connectWithRedirect,
  readConnectRedirectResult,
  clearConnectRedirectResult,
  REDIRECT_MARKER_KEY,
} from './connect/index.js';
export type {
  ConnectFlow,
  ConnectFlowOptions,
  ConnectFlowSnapshot,
  ConnectFlowStatus,
  ConnectFlowHost,
  ConnectFlowEvent,
  ConnectInput,
  ConnectMode,
  AuthOption,
  ConnectTransport,
  ConnectionRequestFields,
  ConnectPopupHandle,
  ConnectRequestResult,
  ConnectionResultListener,
  ListenOptions,
  ConnectRequestOptions,
  ConnectRedirectOptions,
  ConnectRedirectMarker,
  ConnectRedirectResult,
} from './connect/index.js';
// --- end errors, queries, connection state, connect flows ---
export { createWorkspaceEvents, lazyWorkspaceEvents, parseWorkspaceEvent } from './live/index.js';
export type {
  CreateWorkspaceEventsOptions,
  EventSourceConstructor,
  EventSourceLike,
  WorkspaceEvent,
  WorkspaceEventData,
  WorkspaceEvents,
  WorkspaceEventsBackoff,
  WorkspaceEventsStatus,
} from './live/index.js';
