import { MembraneTokenError } from './MembraneTokenError.js';

/** True where both `window` and `document` exist: a browser page (or jsdom). Deno and workers lack `document`. */
export function isBrowserEnvironment(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window !== 'undefined' && typeof scope.document !== 'undefined';
}

/** Refuses to run in a browser, where the workspace secret or private key would be exposed to users. */
export function assertServerEnvironment(dangerouslyAllowBrowser: boolean | undefined, what: string): void {
  if (dangerouslyAllowBrowser === true || !isBrowserEnvironment()) return;
  throw new MembraneTokenError(
    'browser_environment',
    `${what} refused to run in a browser (window and document are defined): the workspace secret or private key ` +
      'must never reach one. Sign tokens on your backend and fetch them from the front end ' +
      "(see createTokenHandler). Pass `dangerouslyAllowBrowser: true` only for a local emulator's throwaway secret.",
  );
}
