const CANDIDATES =
  'a[href], area[href], button, input, select, textarea, iframe, summary, audio[controls], video[controls], [tabindex], [contenteditable]:not([contenteditable="false"])';

/** A radio is reached by Tab only as its group's checked one, or the group's first when none is. */
function isTabbableRadio(radio: HTMLInputElement, container: HTMLElement): boolean {
  if (!radio.name || radio.checked) return true;
  const group = Array.from(container.querySelectorAll<HTMLInputElement>('input[type="radio"]')).filter((other) => other.name === radio.name);
  return !group.some((other) => other.checked) && group[0] === radio;
}

/**
 * The elements inside `container` that Tab visits, in document order (positive `tabindex`
 * ordering is not modelled): enabled, not `tabindex="-1"`, not hidden or inert, rendered.
 *
 * @example
 * ```ts
 * const [first] = getTabbables(dialog);
 * first?.focus();
 * ```
 */
export function getTabbables(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(CANDIDATES)).filter((element) => {
    if (element.tabIndex < 0 || element.matches(':disabled') || element.closest('[hidden], [inert]')) return false;
    if (element instanceof HTMLInputElement) {
      if (element.type === 'hidden') return false;
      if (element.type === 'radio' && !isTabbableRadio(element, container)) return false;
    }
    // checkVisibility: display:none / content-visibility:hidden ancestors (absent in jsdom, which lays nothing out).
    return typeof element.checkVisibility !== 'function' || element.checkVisibility({ visibilityProperty: true });
  });
}
