import { setupWorker } from 'msw/browser';
import { createEmulatorHandlers } from '../src/emulator/browser.js';
import { workspaces, type WorkspaceName } from './workspaces.js';

/**
 * A static `storybook build` only: the emulator app of every workspace, running in the page behind
 * an MSW service worker at the URLs the dev server would serve (`apiUriOf(name)`).
 *
 * The dev server (and the Vitest run of the stories) never loads this file: `lazyEmulators()` in
 * `.storybook/main.ts` resolves it to a stub, so Vite neither scans nor pre-bundles msw, GraphQL,
 * Hono and jose for a mode that does not use them.
 */
export async function startInBrowserEmulators(apiUriOf: (name: WorkspaceName) => string): Promise<void> {
  const handlers = (Object.keys(workspaces) as WorkspaceName[]).flatMap((name) =>
    createEmulatorHandlers({ baseUrl: apiUriOf(name), seed: workspaces[name].seed() }),
  );
  await setupWorker(...handlers).start({
    serviceWorker: { url: new URL('./mockServiceWorker.js', window.location.href).pathname },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
