/**
 * `membrane-react-kit/emulator/browser`: the browser-safe part of the local Membrane emulator
 * (no Node built-ins): the Fetch-API app, its store, the seed, fault settings and the MSW
 * handlers (which need `msw` 2 installed).
 */
export * from './common.js';
export { createEmulatorHandlers } from './createEmulatorHandlers.js';
export type { EmulatorHandlersOptions } from './createEmulatorHandlers.js';
