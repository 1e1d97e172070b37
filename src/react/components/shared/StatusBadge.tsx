import { Tooltip } from 'radix-ui';
import type { ConnectionState } from '../../../core/state/getConnectionState.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { themeRootProps } from '../../utils/themeRootProps.js';
import { visuallyHidden } from '../../utils/visuallyHidden.js';

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  state: ConnectionState | 'loading';
  name: string;
  /** Error text shown on hover and focus (the badge becomes focusable). */
  details: string | undefined;
  kit: ResolvedKit;
  className?: string;
}

/** The status pill with its Radix Tooltip; shared by `ConnectionStatus` and `IntegrationsList.Status`. */
export function StatusBadge({ state, name, details, kit, className }: StatusBadgeProps) {
  const { labels, unstyled } = kit;
  const text = labels.status[state];
  const badge = (
    <span
      data-slot="connection-status-badge"
      data-state={state}
      className={cn(!unstyled && 'mk-ConnectionStatus-badge', className)}
      tabIndex={details ? 0 : undefined}
    >
      <span style={visuallyHidden}>{formatLabel(labels.statusOf, { name })} </span>
      {text}
    </span>
  );
  if (!details) return badge;
  const themed = themeRootProps(kit, !kit.portalContainer);
  return (
    <Tooltip.Provider delayDuration={200}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>{badge}</Tooltip.Trigger>
        <Tooltip.Portal container={kit.portalContainer ?? undefined}>
          <Tooltip.Content
            data-slot="connection-status-tooltip"
            className={cn(themed.rootClass, !unstyled && 'mk-Tooltip')}
            data-mk-theme={themed['data-mk-theme']}
            sideOffset={6}
          >
            {formatLabel(labels.errorDetails, { message: details })}
            <Tooltip.Arrow className={cn(!unstyled && 'mk-Tooltip-arrow')} />
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
