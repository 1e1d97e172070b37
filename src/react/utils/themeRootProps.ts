import type { ResolvedKit } from '../kit/useKit.js';

/**
 * Attributes for a component's outermost element: outside a provider (or with its own `theme`)
 * it becomes a theme root carrying the tokens (`mk-root` + `data-mk-theme`).
 */
export function themeRootProps(resolved: Pick<ResolvedKit, 'inProvider' | 'unstyled' | 'theme'>, forceRoot = false) {
  const isRoot = forceRoot || !resolved.inProvider;
  return {
    rootClass: isRoot && !resolved.unstyled ? 'mk-root' : undefined,
    'data-mk-theme': isRoot ? resolved.theme : undefined,
  };
}
