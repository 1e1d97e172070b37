export { createMembraneToken, createMembraneTokenWithExpiry } from './createMembraneToken.js';
export { createAdminToken } from './createAdminToken.js';
export { createTokenHandler } from './createTokenHandler.js';
export type { TokenHandler, TokenHandlerOptions, TokenResponseBody } from './createTokenHandler.js';
export { MembraneTokenError } from './MembraneTokenError.js';
export type { MembraneTokenErrorCode } from './MembraneTokenError.js';
export type {
  AsymmetricAlgorithm,
  CreateAdminTokenOptions,
  CreateMembraneTokenOptions,
  DurationUnit,
  ExpiresIn,
  HmacAlgorithm,
  MembraneCredentials,
  MembraneCustomer,
  MembranePrivateKey,
  MembraneTokenAlgorithm,
  PrivateKeyCredentials,
  SecretCredentials,
  SignTokenOptions,
  SignedMembraneToken,
} from './types.js';
