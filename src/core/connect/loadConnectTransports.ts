import { KitError } from '../errors/KitError.js';
import type * as TransportsModule from './connectTransports.js';

/** The custom flow's transports: `connectWithPopup`, `connectInIframe`, `connectWithRedirect`. */
export type Transports = typeof TransportsModule;

let transports: Promise<Transports> | undefined;
let loaded: Transports | undefined;

/**
 * The transports when already downloaded (synchronously), else `undefined`: a flow started after a
 * prefetch registers its listeners in the same tick, exactly as if they were in the main chunk.
 *
 * @example
 * ```ts
 * const transports = loadedConnectTransports() ?? (await loadConnectTransports());
 * ```
 */
export function loadedConnectTransports(): Transports | undefined {
  return loaded;
}

/**
 * The custom flow's transports (popup, iframe, redirect), as a chunk of their own: fetched once, on
 * a connect button's hover or focus (`flow.prefetch()`) or when a flow first needs them; a failed
 * download rejects with a `KitError` `network` and is tried again next time. The popup window itself
 * is opened synchronously in the click, before this resolves.
 *
 * @example
 * ```ts
 * await loadConnectTransports(); // e.g. warm it up in a test or on idle
 * ```
 */
export function loadConnectTransports(): Promise<Transports> {
  transports ??= import('./connectTransports.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      transports = undefined;
      throw new KitError('network', 'Could not download the connect flow of membrane-react-kit; check the network and try again.', {
        cause: error,
      });
    },
  );
  return transports;
}
