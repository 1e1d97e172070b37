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
