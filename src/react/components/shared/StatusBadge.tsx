import { useEffect, useId, useRef, useState } from 'react';
import type { ConnectionState } from '../../../core/state/getConnectionState.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { lazyWithPreload } from '../../utils/lazyWithPreload.js';
import { visuallyHidden } from '../../utils/visuallyHidden.js';

const LazyStatusTooltip = lazyWithPreload(
  () => import('./StatusTooltip.js').then((module) => module.StatusTooltip),
  'the status tooltip',
);

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  state: ConnectionState | 'loading';
  name: string;
  /** Error text shown on hover and focus (the badge becomes focusable). */
  details: string | undefined;
  kit: ResolvedKit;
  className?: string;
}

/**
 * The status pill, shared by `ConnectionStatus` and `IntegrationsList.Status`. With `details`
 * (error states) it is focusable, described by the always-rendered error text, and shows it in a
 * Radix Tooltip on hover and focus. The tooltip's code is loaded when the browser is idle or on
 * the first hover or focus, whichever comes first; a hover or focus that came first opens it.
 *
 * @example
 * ```tsx
 * <StatusBadge state="error" name="Slack" details="Token revoked" kit={kit} />
 * ```
 */
export function StatusBadge({ state, name, details, kit, className }: StatusBadgeProps) {
  const { labels, unstyled } = kit;
  const detailsId = useId();
  const [open, setOpen] = useState(false);
  const [tooltipReady, setTooltipReady] = useState(false);
  const hovered = useRef(false);

  const showWhenReady = (loading: Promise<unknown>, isCurrent: () => boolean) => {
    loading.then(
      () => {
        if (!isCurrent()) return;
        setTooltipReady(true);
        // The pointer arrived before the tooltip did: Radix would wait for the next move.
        if (hovered.current) setOpen(true);
      },
      () => {
        // Without the tooltip the error text stays available through aria-describedby.
      },
    );
  };
  const load = () => {
    if (!tooltipReady) showWhenReady(LazyStatusTooltip.preload(), () => true);
  };
  useEffect(() => {
    if (!details) return;
    let current = true;
    LazyStatusTooltip.preloadWhenIdle().then(
      () => {
        if (current) setTooltipReady(true);
      },
      () => {
        // Retried on the first hover or focus.
      },
    );
    return () => {
      current = false;
    };
  }, [details]);

  // Styled, the stylesheet's class hides it (one class instead of nine inline properties per row).
  const hiddenProps = unstyled ? { style: visuallyHidden } : { className: 'mk-VisuallyHidden' };
  const text = details ? formatLabel(labels.errorDetails, { message: details }) : undefined;
  const badge = (
    <span
      data-slot="connection-status-badge"
      data-state={state}
      className={cn(!unstyled && 'mk-ConnectionStatus-badge', className)}
      {...(text
        ? {
            tabIndex: 0,
            'aria-describedby': detailsId,
            style: { position: 'relative' },
            onFocus: () => {
              load();
              setOpen(true);
            },
            onBlur: () => setOpen(false),
            onPointerEnter: () => {
              hovered.current = true;
              load();
            },
            onPointerLeave: () => {
              hovered.current = false;
            },
          }
        : undefined)}
    >
      <span {...hiddenProps}>{formatLabel(labels.statusOf, { name })} </span>
      {labels.status[state]}
      {text && tooltipReady ? <LazyStatusTooltip open={open} onOpenChange={setOpen} text={text} kit={kit} /> : null}
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
    </>
  );
}
