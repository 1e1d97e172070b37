import { useContext, useMemo, useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../utils/useIsomorphicLayoutEffect.js';
import type { MembraneKitEvent } from '../events/MembraneKitEvent.js';
import { defaultLabels, mergeLabels, type MembraneKitLabels } from '../labels/defaultLabels.js';
import type { MembraneKit } from './createKit.js';
import { getSharedKit, retainSharedKit } from './getSharedKit.js';
import { useFetchToken } from './useFetchToken.js';
import { KitContext, ThemeScopeContext, type MembraneKitTheme } from './KitContext.js';
import type { KitProps } from './KitProps.js';

/** A component's resolved kit settings. */
export interface ResolvedKit {
  kit: MembraneKit;
  theme: MembraneKitTheme;
  unstyled: boolean;
  labels: MembraneKitLabels;
  portalContainer: HTMLElement | null;
  /** True when an outer element (provider or kit component) already carries this theme's tokens. */
  inProvider: boolean;
  /** Sends an event to the kit's subscribers (the provider) and the component's own `onEvent`. */
  emit(event: MembraneKitEvent): void;
}

/**
 * Resolves the kit a component uses: the provider's, or, without one (or with another `apiUri`),
 * the shared kit for `apiUri` fed by the component's own `fetchToken`. `componentName` names the
 * component in the error thrown when neither a provider nor `fetchToken` is there.
 *
 * @example
 * ```tsx
 * function MyWidget(props: KitProps) {
 *   const { kit, labels } = useKit(props, 'MyWidget');
 *   return <span>{labels.connect}</span>;
 * }
 * ```
 */
export function useKit(props: KitProps, componentName: string): ResolvedKit {
  const context = useContext(KitContext);
  const scopeTheme = useContext(ThemeScopeContext);
  const useProvider = !!context && (props.apiUri === undefined || props.apiUri === context.kit.apiUri);
  const fetchToken = useFetchToken(props.fetchToken, props.tokenUrl);
  if (!useProvider && !fetchToken) {
    throw new Error(
      `membrane-react-kit: <${componentName}> needs a tokenUrl (your token endpoint, e.g. tokenUrl="/api/membrane-token") or a fetchToken function, or must be rendered inside <MembraneKitProvider tokenUrl={…}>.`,
    );
  }
  const kit = useProvider && context ? context.kit : getSharedKit({ ...props, fetchToken });

  // Held while mounted: a shared kit nothing uses any more is released (see SHARED_KIT_RELEASE_DELAY_MS).
  useIsomorphicLayoutEffect(() => (useProvider ? undefined : retainSharedKit(kit)), [kit, useProvider]);

  const { sdk, live } = props;
  useIsomorphicLayoutEffect(() => {
    if (!useProvider && fetchToken) kit.setFetchToken(fetchToken);
    if (sdk) kit.setSdk(sdk);
    // Before any passive effect: a `live={false}` component never opens the stream.
    if (!useProvider && live !== undefined) kit.liveUpdates.setEnabled(live);
  });

  const onEventRef = useRef(props.onEvent);
  useIsomorphicLayoutEffect(() => {
    onEventRef.current = props.onEvent;
  });

  const baseLabels = context?.labels ?? defaultLabels;
  const labels = useMemo(() => mergeLabels(baseLabels, props.labels), [baseLabels, props.labels]);

  return {
    kit,
    theme: props.theme ?? scopeTheme ?? context?.theme ?? 'light',
    unstyled: props.unstyled ?? context?.unstyled ?? false,
    labels,
    portalContainer: useProvider ? (context?.portalContainer ?? null) : null,
    inProvider: scopeTheme !== null && (props.theme === undefined || props.theme === scopeTheme),
    emit: (event) => {
      kit.events.emit(event);
      onEventRef.current?.(event);
    },
  };
}
