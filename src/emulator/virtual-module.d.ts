/**
 * Types of `virtual:membrane-emulator`, the module the `membraneEmulator()` Vite plugin serves.
 * Reference it once, e.g. in `src/vite-env.d.ts`:
 *
 * @example
 * ```ts
 * /// <reference types="membrane-react-kit/emulator/virtual-module" />
 * import { apiUri, uiUri, tokenUrl } from 'virtual:membrane-emulator';
 * ```
 */
declare module 'virtual:membrane-emulator' {
  /** The emulator's API base URL on the dev server, e.g. `http://localhost:5173/__membrane`. */
  export const apiUri: string;
  /** The prebuilt UI base URL (`apiUri + '/ui'`). */
  export const uiUri: string;
  /** `POST` here (JSON `{ customerId?, name?, fields?, expiresIn? }`) for `{ token, expiresAt }`. */
  export const tokenUrl: string;
  /** The emulator's dev-only workspace key. */
  export const workspaceKey: string;
}
