// membrane-react-kit/core: runs anywhere (browser, Node, edge); no React, no DOM access at import time.

// --- token lifecycle and kit client ---
export { createTokenManager } from './token/createTokenManager.js';
export { decodeJwt } from './token/decodeJwt.js';
export { fetchTokenFromEndpoint } from './token/fetchTokenFromEndpoint.js';
export { TokenError, isTokenError, TOKEN_ERROR_CODES } from './token/TokenError.js';
export type { TokenErrorCode } from './token/TokenError.js';
export type {
  FetchToken,
  GetTokenOptions,
  JwtClaims,
  TokenManager,
  TokenManagerOptions,
  TokenSnapshot,
  TokenStatus,
} from './token/types.js';
export { createKitClient } from './client/createKitClient.js';
export type { KitClient, KitClientOptions, KitClientTokenSource } from './client/createKitClient.js';
export { getTokenManager } from './client/getTokenManager.js';
export { isNotAuthenticatedError } from './client/isNotAuthenticatedError.js';
// --- end token lifecycle and kit client ---

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
export type { IntegrationsQuery, ConnectionsQuery, MembranePage } from './query/index.js';
export {
  getConnectionState,
  getConnectionErrorMessage,
  CONNECTION_STATES,
  createPendingConnectStore,
} from './state/index.js';
export type { ConnectionState, PendingConnectStore, PendingConnects } from './state/index.js';
export {
  createRequestId,
  getAuthOptions,
  needsParameters,
  getConnectTransport,
  submitConnectionForm,
  connectionPayload,
  connectionPopupUrl,
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
  AuthOption,
  ParametersSchema,
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
