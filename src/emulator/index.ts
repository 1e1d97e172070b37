/**
 * `membrane-react-kit/emulator` (Node): everything of `membrane-react-kit/emulator/browser` plus
 * the Node server (`startEmulator`), the Vite plugin (`membraneEmulator`) and JSON-file persistence.
 */
export * from './browser.js';
export { startEmulator } from './startEmulator.js';
export type { RunningEmulator, StartEmulatorOptions } from './startEmulator.js';
export { persistToFile } from './persistToFile.js';
export { membraneEmulator, EMULATOR_VIRTUAL_MODULE } from './membraneEmulator.js';
export type { MembraneEmulatorPluginOptions } from './membraneEmulator.js';
