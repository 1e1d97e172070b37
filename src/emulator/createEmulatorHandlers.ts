import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { createEmulatorApp } from './createEmulatorApp.js';
import type { EmulatorApp, EmulatorAppOptions } from './createEmulatorApp.js';

/** Options of {@link createEmulatorHandlers}. */
export interface EmulatorHandlersOptions extends Omit<EmulatorAppOptions, 'basePath'> {
  /** Absolute URL the emulator answers under, e.g. `http://localhost:6006/__membrane`. */
  baseUrl: string;
  /** An emulator created beforehand (to keep a handle on its store and faults); its basePath must match. */
  emulator?: EmulatorApp;
}

/**
 * MSW 2 handlers that answer every request under `baseUrl` with the emulator app, in the page
 * itself: for a static Storybook build and for jsdom tests. REST, tokens, faults and SSE work;
 * navigations (the connect popup, the prebuilt UI iframe) bypass service workers and need a real
 * server (`startEmulator` or the Vite plugin).
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createEmulatorApp, createEmulatorHandlers } from 'membrane-react-kit/emulator/browser';
 *
 * const emulator = createEmulatorApp({ basePath: '/api' });
 * const server = setupServer(...createEmulatorHandlers({ baseUrl: 'http://membrane.test/api', emulator }));
 * server.listen();
 * emulator.faults.set({ latencyMs: 200 });
 * ```
 */
export function createEmulatorHandlers(options: EmulatorHandlersOptions): HttpHandler[] {
  const { baseUrl, emulator: given, ...appOptions } = options;
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new TypeError(`createEmulatorHandlers: baseUrl must be an absolute URL such as "http://localhost:6006/__membrane", got "${baseUrl}".`);
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  const emulator = given ?? createEmulatorApp({ ...appOptions, basePath });
  if (emulator.basePath !== basePath) {
    throw new TypeError(`createEmulatorHandlers: the emulator's basePath "${emulator.basePath}" does not match baseUrl "${baseUrl}".`);
  }
  const prefix = `${base.origin}${basePath}`;
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const matcher = new RegExp(`^${escaped}(?:[/?#].*)?$`);
  return [http.all(matcher, ({ request }) => emulator.fetch(request))];
}
