/**
 * Joins class names, skipping falsy ones; the consumer's `className` goes last so it wins ties.
 *
 * @example
 * ```ts
 * cn('mk-Button', busy && 'is-busy', props.className);
 * ```
 */
export function cn(...classes: Array<string | false | null | undefined>): string | undefined {
  const joined = classes.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}
