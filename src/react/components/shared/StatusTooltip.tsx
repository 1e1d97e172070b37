import * as Tooltip from 'radix-ui/tooltip';
import type { ResolvedKit } from '../../kit/useKit.js';
import { cn } from '../../utils/cn.js';
import { themeRootProps } from '../../utils/themeRootProps.js';

/** Props of {@link StatusTooltip}. */
export interface StatusTooltipProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The error text shown in the tooltip. */
  text: string;
  kit: ResolvedKit;
}

// Covers the badge exactly (the badge is `position: relative`), so the tooltip is placed against
// the badge and hovering the badge is hovering this trigger.
const anchorStyle = { position: 'absolute', inset: 0 } as const;

/**
 * The Radix Tooltip of an error badge, loaded on demand by `StatusBadge`: Radix Tooltip brings
 * @floating-ui, which most pages never need. It renders inside the badge with an invisible trigger
 * covering it, so loading it never replaces (and never blurs) the badge itself; the badge keeps
 * its own focus handling and accessible description.
 *
 * @example
 * ```tsx
 * <span style={{ position: 'relative' }} tabIndex={0} onFocus={() => setOpen(true)}>
 *   Error
 *   <StatusTooltip open={open} onOpenChange={setOpen} text="Token revoked" kit={kit} />
 * </span>
 * ```
 */
export function StatusTooltip({ open, onOpenChange, text, kit }: StatusTooltipProps) {
  const { unstyled } = kit;
  const themed = themeRootProps(kit, !kit.portalContainer);
  return (
    <Tooltip.Provider delayDuration={200}>
      <Tooltip.Root open={open} onOpenChange={onOpenChange}>
        <Tooltip.Trigger asChild>
          <span aria-hidden="true" data-slot="connection-status-tooltip-trigger" style={anchorStyle} />
        </Tooltip.Trigger>
        <Tooltip.Portal container={kit.portalContainer ?? undefined}>
          <Tooltip.Content
            data-slot="connection-status-tooltip"
            className={cn(themed.rootClass, !unstyled && 'mk-Tooltip')}
            data-mk-theme={themed['data-mk-theme']}
            sideOffset={6}
          >
            {text}
            <Tooltip.Arrow className={cn(!unstyled && 'mk-Tooltip-arrow')} />
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
