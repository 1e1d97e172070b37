import { useEffect, useId, useRef, useState } from 'react';
import type { ConnectionState } from '../../../core/state/getConnectionState.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { formatLabelNode } from '../../labels/formatLabelNode.js';
import { isolateBidi } from '../../labels/isolateBidi.js';
import { cn } from '../../utils/cn.js';
import { visuallyHidden } from '../../utils/visuallyHidden.js';
import { StatusTooltip } from './StatusTooltip.js';

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  state: ConnectionState | 'loading';
  name: string;
  /** Error text shown on hover and focus (the badge becomes focusable). */
  details: string | undefined;
  kit: ResolvedKit;
  className?: string;
}

/** A hover opens the tooltip after this pause (a pointer crossing a list flashes nothing). */
const HOVER_DELAY = 200;
/** Time to cross the gap from the badge to the tooltip before a pointer leave closes it. */
const LEAVE_DELAY = 100;

/**
 * The status pill, shared by `ConnectionStatus` and `IntegrationsList.Status`. With `details`
 * (error states) it is focusable, described by the always-rendered error text, and shows it in a
 * tooltip (`StatusTooltip`) on keyboard focus and on hover; Escape, blur and the pointer leaving
 * the badge and the tooltip close it.
 *
 * @example
 * ```tsx
 * <StatusBadge state="error" name="Slack" details="Token revoked" kit={kit} />
 * ```
 */
export function StatusBadge({ state, name, details, kit, className }: StatusBadgeProps) {
  const { labels, unstyled } = kit;
  const detailsId = useId();
  const [badgeElement, setBadgeElement] = useState<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const show = (next: boolean, delay = 0) => {
    clearTimeout(timer.current);
    if (delay === 0) setOpen(next);
    else timer.current = setTimeout(() => setOpen(next), delay);
  };
  const hover = (event: { pointerType: string }) => {
    // A tap is not a hover; touch users get the text through focus.
    if (event.pointerType !== 'touch') show(true, HOVER_DELAY);
  };
  const leave = () => show(false, LEAVE_DELAY);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!open) return;
    // On the document: Escape also closes a tooltip opened by hover, with focus elsewhere.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        clearTimeout(timer.current);
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  // Styled, the stylesheet's class hides it (one class instead of nine inline properties per row).
  const hiddenProps = unstyled ? { style: visuallyHidden } : { className: 'mk-VisuallyHidden' };
  // The message comes from Membrane (it may quote a name with a right-to-left override): isolated.
  const text = details ? formatLabel(labels.errorDetails, { message: isolateBidi(details, labels.errorDetails) }) : undefined;
  const badge = (
    <span
      data-slot="connection-status-badge"
      data-state={state}
      className={cn(!unstyled && 'mk-ConnectionStatus-badge', className)}
      {...(text
        ? {
            tabIndex: 0,
            'aria-describedby': detailsId,
            ref: setBadgeElement,
            onFocus: () => show(true),
            onBlur: () => show(false),
            onPointerEnter: hover,
            onPointerLeave: leave,
          }
        : undefined)}
    >
      <span {...hiddenProps}>{formatLabelNode(labels.statusOf, { name })} </span>
      {labels.status[state]}
    </span>
  );
  if (!text) return badge;
  return (
    <>
      {badge}
      {/* Outside the badge so its text is not read twice; always rendered, tooltip or not. */}
      <span id={detailsId} {...hiddenProps}>
        {text}
      </span>
      {open && badgeElement ? (
        <StatusTooltip anchor={badgeElement} text={text} kit={kit} onPointerEnter={() => show(true)} onPointerLeave={leave} />
      ) : null}
    </>
  );
}
