import type { KitProps } from './KitProps.js';

const KIT_PROP_NAMES = ['fetchToken', 'tokenUrl', 'apiUri', 'uiUri', 'sdk', 'theme', 'unstyled', 'labels', 'onEvent', 'live', 'customerKey'] as const;

/**
 * Splits a component's props into the kit props (`fetchToken`, `tokenUrl`, `apiUri`, `uiUri`, `sdk`,
 * `theme`, `unstyled`, `labels`, `onEvent`, `live`, `customerKey`) and the rest, so no kit prop reaches the DOM element.
 *
 * @example
 * ```tsx
 * const [kitProps, { integrationKey, ...buttonProps }] = splitKitProps(props);
 * const resolved = useKit(kitProps, 'ConnectButton');
 * ```
 */
export function splitKitProps<P extends KitProps>(props: P): [KitProps, Omit<P, keyof KitProps>] {
  const kitProps: Record<string, unknown> = {};
  const rest: Record<string, unknown> = { ...(props as Record<string, unknown>) };
  for (const name of KIT_PROP_NAMES) {
    if (name in rest) {
      kitProps[name] = rest[name];
      delete rest[name];
    }
  }
  return [kitProps as KitProps, rest as Omit<P, keyof KitProps>];
}
