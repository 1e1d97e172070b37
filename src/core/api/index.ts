// The API seam: the only code in the kit that talks to Membrane or imports a Membrane SDK
// (enforced by lint). Lists, statuses, lookups, disconnect and the custom connect flow use the
// typed fetch client; the hosted UI loads the app's SDK through an adapter per generation.
export { createMembraneApi } from './createMembraneApi.js';
export type {
  MembraneApi,
  CreateMembraneApiOptions,
  MembraneRequestOptions,
  QueryValue,
  ListIntegrationsParams,
  ListConnectionsParams,
  ConnectionOptionsTarget,
} from './createMembraneApi.js';
export { MEMBRANE_API_VERSION } from './MEMBRANE_API_VERSION.js';
export { MembraneHttpError } from './MembraneHttpError.js';
export { normalizeConnectionName, MAX_CONNECTION_NAME_LENGTH } from './normalizeConnectionName.js';
export { isNotAuthenticatedError } from './isNotAuthenticatedError.js';
export type {
  MembraneIntegration,
  MembraneConnection,
  MembraneAuthOption,
  MembraneConnectorSpec,
  MembraneConnectionOption,
  MembraneErrorData,
  MembranePage,
  MembraneSelf,
  ParametersSchema,
} from './types.js';
export { createHostedUi, hostedUiFor } from './sdk/createHostedUi.js';
export type { CreateHostedUiOptions } from './sdk/createHostedUi.js';
export { resolveSdkClass } from './sdk/resolveSdkClass.js';
export type { HostedUi, HostedUiResult, HostedUiTheme, SdkOption, SdkClientClass, SdkClientOptions, LoadedSdk } from './sdk/types.js';
