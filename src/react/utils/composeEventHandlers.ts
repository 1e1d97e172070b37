/**
 * Runs the consumer's handler first, then the kit's unless the consumer called `preventDefault()`.
 *
 * @example
 * ```tsx
 * <button onClick={composeEventHandlers(props.onClick, startConnect)} />
 * ```
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}
