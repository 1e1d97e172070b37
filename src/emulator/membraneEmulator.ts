import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createEmulatorApp } from './createEmulatorApp.js';
import type { EmulatorApp, EmulatorAppOptions } from './createEmulatorApp.js';
import { createEmulatorStore } from './createEmulatorStore.js';
import { persistToFile } from './persistToFile.js';

/** Options of the {@link membraneEmulator} Vite plugin. */
export interface MembraneEmulatorPluginOptions extends Omit<EmulatorAppOptions, 'basePath'> {
  /** Path the emulator is mounted under on the dev server; default `/__membrane`. */
  path?: string;
  /** JSON file that keeps customers and connections across dev-server restarts. */
  persistTo?: string;
  /** Do not print the URLs at server start. */
  quiet?: boolean;
}

/**
 * Id of the virtual module that tells client code where the emulator is.
 *
 * @example
 * ```ts
 * // src/main.tsx, served by Vite with the membraneEmulator() plugin
 * import { apiUri, uiUri, tokenUrl } from 'virtual:membrane-emulator';
 *
 * // vite.config.ts: resolve it yourself when wrapping the plugin
 * if (id === EMULATOR_VIRTUAL_MODULE) return `\0${EMULATOR_VIRTUAL_MODULE}`;
 * ```
 */
export const EMULATOR_VIRTUAL_MODULE = 'virtual:membrane-emulator';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Vite plugin: mounts the emulator on the Vite (and so Storybook) dev and preview servers under
 * `path`, and exposes the virtual module `virtual:membrane-emulator` with `apiUri`, `uiUri` and
 * `tokenUrl` computed from `location.origin` (reference `membrane-react-kit/emulator/virtual-module`
 * for its types).
 *
 * @example
 * ```ts
 * // vite.config.ts
 * import { defineConfig } from 'vite';
 * import { membraneEmulator } from 'membrane-react-kit/emulator';
 *
 * export default defineConfig({ plugins: [membraneEmulator({ persistTo: '.membrane-emulator.json' })] });
 *
 * // app code
 * import { apiUri, uiUri, tokenUrl } from 'virtual:membrane-emulator';
 * ```
 */
export function membraneEmulator(options: MembraneEmulatorPluginOptions = {}): Plugin {
  const { path: rawPath = '/__membrane', persistTo, quiet = false, ...appOptions } = options;
  const path = `/${rawPath.replace(/^\/+|\/+$/g, '')}`;
  if (path === '/') throw new TypeError('membraneEmulator: path must not be the root; use e.g. "/__membrane".');
  const resolvedVirtualId = `\0${EMULATOR_VIRTUAL_MODULE}`;
  let emulator: EmulatorApp | undefined;
  let stopPersisting: (() => void) | undefined;

  const getEmulator = (): EmulatorApp => {
    if (!emulator) {
      const store = appOptions.store ?? createEmulatorStore(appOptions.seed);
      if (persistTo) stopPersisting = persistToFile(store, persistTo);
      emulator = createEmulatorApp({ ...appOptions, store, basePath: path });
    }
    return emulator;
  };

  const middleware = (): Middleware => {
    const app = getEmulator();
    const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
    return (req, res, next) => {
      const url = req.url ?? '';
      if (url === path || url.startsWith(`${path}/`) || url.startsWith(`${path}?`)) {
        void listener(req, res);
        return;
      }
      next();
    };
  };

  const announce = (server: ViteDevServer | PreviewServer): void => {
    if (quiet) return;
    server.httpServer?.once('listening', () => {
      const address = server.httpServer?.address() as AddressInfo | null;
      const protocol = server.config.server.https ? 'https' : 'http';
      const origin = address ? `${protocol}://localhost:${address.port}` : '';
      const app = getEmulator();
      server.config.logger.info(
        [
          `  ➜  Membrane emulator: ${origin}${path} (uiUri ${origin}${path}/ui, tokens: POST ${origin}${path}/_emulator/token)`,
          `     Workspace key "${app.workspaceKey}" (dev-only; never use the emulator's key or secret for a real workspace)`,
        ].join('\n'),
      );
    });
  };

  return {
    name: `membrane-react-kit:emulator${path}`,
    resolveId: (id) => (id === EMULATOR_VIRTUAL_MODULE ? resolvedVirtualId : undefined),
    load: (id) =>
      id === resolvedVirtualId
        ? [
            `const origin = typeof location === 'undefined' ? '' : location.origin;`,
            `export const apiUri = origin + ${JSON.stringify(path)};`,
            `export const uiUri = apiUri + '/ui';`,
            `export const tokenUrl = apiUri + '/_emulator/token';`,
            `export const workspaceKey = ${JSON.stringify(getEmulator().workspaceKey)};`,
          ].join('\n')
        : undefined,
    configureServer(server) {
      server.middlewares.use(middleware());
      announce(server);
      server.httpServer?.once('close', () => stopPersisting?.());
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware());
      announce(server);
    },
  };
}
