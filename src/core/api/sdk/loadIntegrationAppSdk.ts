import type { LoadedSdk } from './types.js';

/**
 * The default `sdk` loader: `@integration-app/sdk`, imported only when the hosted UI first opens,
 * so bundlers put it in a chunk of its own that pages without the hosted UI never download.
 *
 * @example
 * ```ts
 * const Client = await resolveSdkClass(loadIntegrationAppSdk);
 * ```
 */
export const loadIntegrationAppSdk = (): Promise<LoadedSdk> => import('@integration-app/sdk') as Promise<LoadedSdk>;
