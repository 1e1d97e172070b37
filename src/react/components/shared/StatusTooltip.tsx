import { useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { ResolvedKit } from '../../kit/useKit.js';
import { cn } from '../../utils/cn.js';
import { themeRootProps } from '../../utils/themeRootProps.js';

/** Props of {@link StatusTooltip}. */
export interface StatusTooltipProps {
  /** The element the tooltip points at (the badge). */
  anchor: HTMLElement;
  /** The error text shown in the tooltip. */
  text: string;
  kit: ResolvedKit;
  /** The pointer reached the tooltip (it stays open while hovered, WCAG 1.4.13). */
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}

/** Space between the badge and the tooltip, and the least space kept to the viewport's edges. */
const GAP = 6;
const EDGE = 8;

/**
 * Places `bubble` (`position: fixed`) above `anchor`, below when it does not fit above, and
 * clamped inside the viewport. Measured against the bubble's own origin first, so a transformed
 * ancestor of the portal container (which makes `fixed` relative to it) still lines up.
 */
function place(bubble: HTMLElement, anchor: HTMLElement) {
  bubble.style.left = bubble.style.top = '0px';
  const origin = bubble.getBoundingClientRect();
  const target = anchor.getBoundingClientRect();
  const viewWidth = document.documentElement.clientWidth;
  const fitsAbove = target.top - GAP - origin.height >= EDGE;
  const fitsBelow = target.bottom + GAP + origin.height <= window.innerHeight - EDGE;
  const side = fitsAbove || !fitsBelow ? 'top' : 'bottom';
  const center = target.left + target.width / 2;
  const left = Math.max(EDGE, Math.min(center - origin.width / 2, viewWidth - EDGE - origin.width));
  const top = side === 'top' ? target.top - GAP - origin.height : target.bottom + GAP;
  bubble.dataset.side = side;
  bubble.style.left = `${left - origin.left}px`;
  bubble.style.top = `${top - origin.top}px`;
  // The arrow stays under the badge's centre even when the bubble is clamped to an edge.
  bubble.style.setProperty('--mk-tooltip-arrow-x', `${Math.max(GAP * 2, Math.min(center - left, origin.width - GAP * 2))}px`);
}

/**
 * The error tooltip of a status badge: a small bubble in a portal (the provider's element, or
 * `document.body`), so no overflow clips it, placed with `getBoundingClientRect` and kept in place
 * on scroll and resize. Rendered only while open; the badge keeps its own always-present
 * accessible description, so this is the visible copy of the text.
 *
 * @example
 * ```tsx
 * {open && badge ? <StatusTooltip anchor={badge} text="Token revoked" kit={kit} /> : null}
 * ```
 */
export function StatusTooltip({ anchor, text, kit, onPointerEnter, onPointerLeave }: StatusTooltipProps) {
  const bubbleRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const bubble = bubbleRef.current;
    if (!bubble) return;
    const update = () => place(bubble, anchor);
    update();
    window.addEventListener('scroll', update, { capture: true, passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, { capture: true });
      window.removeEventListener('resize', update);
    };
  }, [anchor, text]);

  const { unstyled } = kit;
  const themed = themeRootProps(kit, !kit.portalContainer);
  return createPortal(
    <div
      ref={bubbleRef}
      data-slot="connection-status-tooltip"
      className={cn(themed.rootClass, !unstyled && 'mk-Tooltip')}
      data-mk-theme={themed['data-mk-theme']}
      style={{ position: 'fixed', left: 0, top: 0 }}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      <span role="tooltip">{text}</span>
      <span aria-hidden="true" className={cn(!unstyled && 'mk-Tooltip-arrow')} />
    </div>,
    kit.portalContainer ?? document.body,
  );
}
