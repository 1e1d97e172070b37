import type { ReactNode } from 'react';
import { cn } from '../../utils/cn.js';
import { dataFlag } from '../../utils/dataFlag.js';

/** Props of {@link IntegrationsListButton}. */
export interface IntegrationsListButtonProps {
  unstyled: boolean;
  /** Its `data-slot`. */
  slot?: string;
  /** Sets `data-busy` and `aria-busy` while true. */
  busy?: boolean;
  /** `aria-controls`: the id of what it changes. */
  controls?: string;
  onClick: () => void;
  children: ReactNode;
}

/**
 * The list's own secondary buttons (Retry, Manage integrations, Show more, Load more).
 * Attributes: `data-variant="secondary"`, `data-slot` when given, `data-busy` while busy.
 *
 * @internal Rendered by `IntegrationsList`'s parts.
 * @example
 * ```tsx
 * <IntegrationsListButton unstyled={false} slot="integrations-list-load-more" busy={loading} onClick={loadMore}>Load more</IntegrationsListButton>
 * ```
 */
export function IntegrationsListButton({ unstyled, slot, busy, controls, onClick, children }: IntegrationsListButtonProps) {
  return (
    <button
      type="button"
      className={cn(!unstyled && 'mk-Button')}
      data-variant="secondary"
      data-slot={slot}
      data-busy={dataFlag(busy)}
      aria-busy={busy ? true : undefined}
      aria-controls={controls}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
