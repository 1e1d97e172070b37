import type { TestProject } from 'vitest/node';
import { startEmulator } from '../../src/emulator/index.ts';

/** What browser tests get from `inject('emulator')` (see test/browser/emulator.ts). */
export interface ProvidedEmulator {
  url: string;
  apiUri: string;
  uiUri: string;
  tokenUrl: string;
  workspaceKey: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    emulator: ProvidedEmulator;
  }
}

/** Starts one emulator on 127.0.0.1 (free port) for every browser test file; stops it at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  project.provide('emulator', {
    url: emulator.url,
    apiUri: emulator.apiUri,
    uiUri: emulator.uiUri,
    tokenUrl: emulator.tokenUrl,
    workspaceKey: emulator.workspaceKey,
  });
  return () => emulator.close();
}
