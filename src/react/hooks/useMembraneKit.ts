import type { KitProps } from '../kit/KitProps.js';
import { useKit, type ResolvedKit } from '../kit/useKit.js';

/**
 * The kit this component tree uses: `kit.api` (the kit's typed Membrane client: any REST call with
 * the kit's token, refresh and 401 retry), `kit.queryClient`, `kit.tokenManager`, `kit.hostedUi()`,
 * plus the resolved `theme`, `labels` and `unstyled`. Inside a provider no props are needed. For the
 * SDK's other accessors on the kit's token, `createKitClient(MembraneClient, { tokenManager: kit.tokenManager })`
 * from `membrane-react-kit/core`.
 *
 * @example
 * ```tsx
 * const { kit } = useMembraneKit();
 * const self = await kit.api.getSelf();
 * const flows = await kit.api.request('GET', '/flows');
 * ```
 */
export function useMembraneKit(kitProps: KitProps = {}): ResolvedKit {
  return useKit(kitProps, 'useMembraneKit');
}
