import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { EMULATOR_WORKSPACE_KEY } from '../src/emulator/constants.js';
import { workspaces } from './workspaces.js';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const VIRTUAL_ID = 'virtual:membrane-emulator';
/** The static build's in-browser emulators (msw, Hono, jose): never loaded here. */
const IN_BROWSER_EMULATORS = fileURLToPath(new URL('./inBrowserEmulators.ts', import.meta.url));
const IN_BROWSER_STUB = '\0membrane-storybook:no-in-browser-emulators';

/**
 * The emulator workspaces of `.storybook/workspaces.ts` on the dev server (and the Vitest run of the
 * stories), without holding up its start: the emulator's code (Hono, jose, the pages) is imported
 * and the seven workspaces seeded (one of them 1,000 apps) in the background on the first request
 * the preview makes, or on the first request to one of their paths, whichever comes first. Until
 * then only the cheap part exists: `virtual:membrane-emulator` (the demo workspace's URLs, the
 * same module the emulator's Vite plugin serves) and a middleware that routes `/__membrane*`.
 *
 * Each workspace is still the emulator's own Vite plugin, `membraneEmulator({ path, seed })`.
 *
 * `.storybook/inBrowserEmulators.ts` (the static build's MSW emulators) resolves to a stub here, so
 * that Vite's dependency scan does not walk the emulator app nor pre-bundle msw, GraphQL, Hono and
 * jose on every cold start for a code path the dev server never runs.
 */
export function lazyEmulators(): Plugin {
  const resolved = `\0${VIRTUAL_ID}`;
  const demoPath = workspaces.demo.path;
  let loading: Promise<Middleware[]> | undefined;

  const load = (): Promise<Middleware[]> => {
    loading ??= (async () => {
      const { membraneEmulator } = await import('../src/emulator/membraneEmulator.js');
      const middlewares: Middleware[] = [];
      // Each plugin mounts its middleware with `server.middlewares.use(fn)`: collect them instead.
      const collector = { middlewares: { use: (fn: Middleware) => void middlewares.push(fn) }, httpServer: null };
      for (const { path, seed } of Object.values(workspaces)) {
        const plugin = membraneEmulator({ path, seed: seed(), quiet: true });
        const hook = plugin.configureServer;
        const handler = typeof hook === 'function' ? hook : hook?.handler;
        await handler?.call({} as never, collector as unknown as ViteDevServer);
      }
      return middlewares;
    })();
    return loading;
  };

  const mount = (server: ViteDevServer | PreviewServer): void => {
    const paths = Object.values(workspaces).map(({ path }) => path);
    const ours = (url: string): boolean => paths.some((path) => url === path || url.startsWith(`${path}/`) || url.startsWith(`${path}?`));
    server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
      if (!ours(req.url ?? '')) {
        // The browser is loading the preview: get the emulators ready before a story asks for a token.
        if (!loading) setImmediate(() => void load().catch((error: unknown) => server.config.logger.error(String(error))));
        next();
        return;
      }
      load().then(
        (middlewares) => {
          const run = (index: number): void => {
            const middleware = middlewares[index];
            if (middleware) middleware(req, res, () => run(index + 1));
            else next();
          };
          run(0);
        },
        (error: unknown) => next(error),
      );
    });
  };

  return {
    name: 'membrane-storybook:lazy-emulators',
    // Before Vite's own resolver, which would resolve `./inBrowserEmulators.js` to the real file.
    enforce: 'pre',
    async resolveId(id, importer) {
      if (id === VIRTUAL_ID) return resolved;
      if (!importer || !id.includes('inBrowserEmulators')) return undefined;
      const target = await this.resolve(id, importer, { skipSelf: true });
      return target?.id === IN_BROWSER_EMULATORS ? IN_BROWSER_STUB : undefined;
    },
    load(id) {
      if (id === IN_BROWSER_STUB) {
        return "export function startInBrowserEmulators() { throw new Error('The in-browser (MSW) emulators are for static Storybook builds: the dev server mounts the real ones.'); }";
      }
      if (id !== resolved) return undefined;
      // The same module the emulator's plugin serves for its workspace (here the demo one).
      return [
        `const origin = typeof location === 'undefined' ? '' : location.origin;`,
        `export const apiUri = origin + ${JSON.stringify(demoPath)};`,
        `export const uiUri = apiUri + '/ui';`,
        `export const tokenUrl = apiUri + '/_emulator/token';`,
        `export const workspaceKey = ${JSON.stringify(EMULATOR_WORKSPACE_KEY)};`,
      ].join('\n');
    },
    configureServer: mount,
    configurePreviewServer: mount,
  };
}
