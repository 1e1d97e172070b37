import type { KitProps } from '../kit/KitProps.js';
import { useKit, type ResolvedKit } from '../kit/useKit.js';

/**
 * The kit this component tree uses: `kit.client` (an `IntegrationAppClient` whose token comes from
 * the kit's token manager), `kit.queryClient`, `kit.tokenManager`, plus the resolved `theme`,
 * `labels` and `unstyled`. Inside a provider no props are needed.
 *
 * @example
 * ```tsx
 * const { kit } = useMembraneKit();
 * const flows = await kit.client.flows.find();
 * ```
 */
export function useMembraneKit(kitProps: KitProps = {}): ResolvedKit {
  return useKit(kitProps, 'useMembraneKit');
}
