/** What both emulator entry points export: the browser-safe app, store, seed, faults and types. */
export { createEmulatorApp } from './createEmulatorApp.js';
export type { EmulatorApp, EmulatorAppOptions } from './createEmulatorApp.js';
export { createEmulatorStore } from './createEmulatorStore.js';
export type { ConnectionFilter, EmulatorStore } from './createEmulatorStore.js';
export { createFaultController } from './createFaultController.js';
export type { ConsentMode, ErrorFault, FaultController, FaultSettings } from './createFaultController.js';
export { createDefaultSeed, DEFAULT_CUSTOMER_ID } from './seed/createDefaultSeed.js';
export { seedIntegrations } from './seed/seedIntegrations.js';
export { createLogo } from './seed/createLogo.js';
export { EMULATOR_WORKSPACE_KEY, EMULATOR_WORKSPACE_SECRET } from './constants.js';
export { MembraneApiError } from './MembraneApiError.js';
export { createTokenVerifier } from './createTokenVerifier.js';
export type { EmulatorPublicKey, VerifiedToken } from './createTokenVerifier.js';
export { validateParameters } from './validateParameters.js';
export type { ParameterProblem, ParameterValidation } from './validateParameters.js';
export type { ConnectionEventMessage } from './createConnectionEvents.js';
export type * from './types.js';
