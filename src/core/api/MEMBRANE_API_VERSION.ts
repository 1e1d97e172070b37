/**
 * The `membrane-api-version` header the kit sends on every REST call: the version Membrane's current
 * SDK (`@membranehq/sdk` 0.28) sends (docs/membrane-sdk-0.28.md §6). The kit reads both generations'
 * response fields, so the answers of this version and of `legacy` both work.
 *
 * @example
 * ```ts
 * fetch(url, { headers: { 'membrane-api-version': MEMBRANE_API_VERSION } });
 * ```
 */
export const MEMBRANE_API_VERSION = '2025-10-21';
