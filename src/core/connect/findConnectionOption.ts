import type { MembraneConnectionOption } from '../api/types.js';

/**
 * The `POST /connection-options` element a connect uses: the one whose `key` is `authOptionKey`
 * (SDK 0.28 compares loosely, so with no `authOptionKey` an option without a key matches). The kit
 * adds one case: with no `authOptionKey` and a single option, that option is the one used.
 *
 * @example
 * ```ts
 * const option = findConnectionOption(await api.getConnectionOptions({ integrationId }), 'api-key');
 * if (option?.type === 'client-credentials') connectInIframe(request);
 * ```
 */
export function findConnectionOption(
  options: readonly MembraneConnectionOption[],
  authOptionKey: string | undefined,
): MembraneConnectionOption | undefined {
  const matched = options.find((option) => (option.key ?? undefined) === (authOptionKey ?? undefined));
  if (matched) return matched;
  return authOptionKey === undefined && options.length === 1 ? options[0] : undefined;
}
