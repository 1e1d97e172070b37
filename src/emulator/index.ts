/**
 * `membrane-react-kit/emulator` (Node): the emulator app, store, seed and faults, plus the Node
 * server (`startEmulator`), the Vite plugin (`membraneEmulator`) and JSON-file persistence.
 * The MSW handlers live in `membrane-react-kit/emulator/browser` only, so that this entry does
 * not need `msw` installed.
 */
export * from './common.js';
export { startEmulator } from './startEmulator.js';
export type { RunningEmulator, StartEmulatorOptions } from './startEmulator.js';
export { persistToFile } from './persistToFile.js';
export { membraneEmulator, EMULATOR_VIRTUAL_MODULE } from './membraneEmulator.js';
export type { MembraneEmulatorPluginOptions } from './membraneEmulator.js';
