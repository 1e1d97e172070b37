import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createEmulatorApp } from './createEmulatorApp.js';
import type { EmulatorAppOptions } from './createEmulatorApp.js';
import { createEmulatorStore } from './createEmulatorStore.js';
import type { EmulatorStore } from './createEmulatorStore.js';
import type { FaultController } from './createFaultController.js';
import { persistToFile } from './persistToFile.js';

/** Options of {@link startEmulator}. */
export interface StartEmulatorOptions extends Omit<EmulatorAppOptions, 'basePath'> {
  /** Port; default 0 (a free port, see `url`). */
  port?: number;
  /** Interface to listen on; default `127.0.0.1` (never exposed to the network unless asked). */
  host?: string;
  /** JSON file that keeps customers and connections across restarts. */
  persistTo?: string;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** `apiUri` for the SDK (same as `url`). */
  apiUri: string;
  /** `uiUri` for the SDK (`url + '/ui'`). */
  uiUri: string;
  /** `POST` here for a signed dev token. */
  tokenUrl: string;
  port: number;
  workspaceKey: string;
  store: EmulatorStore;
  faults: FaultController;
  /** Stops listening, closes open streams and writes pending state. */
  close(): Promise<void>;
}

/**
 * Starts the emulator as a Node HTTP server.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'membrane-react-kit/emulator';
 *
 * const emulator = await startEmulator({ port: 4010 });
 * const client = new IntegrationAppClient({ apiUri: emulator.apiUri, uiUri: emulator.uiUri, fetchToken });
 * // …
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', persistTo, ...appOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new TypeError(`port must be an integer from 0 to 65535, got ${port}.`);
  const store = appOptions.store ?? createEmulatorStore(appOptions.seed);
  const stopPersisting = persistTo ? persistToFile(store, persistTo) : undefined;
  const emulator = createEmulatorApp({ ...appOptions, store });
  const server = createAdaptorServer({ fetch: emulator.fetch, overrideGlobalObjects: false });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    stopPersisting?.();
    throw error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use; pick another with --port (or 0 for any free port).`) : error;
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${shownHost}:${address.port}`;
  return {
    url,
    apiUri: url,
    uiUri: `${url}/ui`,
    tokenUrl: `${url}/_emulator/token`,
    port: address.port,
    workspaceKey: emulator.workspaceKey,
    store,
    faults: emulator.faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopPersisting?.();
        server.close((error) => (error ? reject(error) : resolve()));
        // Open SSE streams would keep close() waiting forever.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
