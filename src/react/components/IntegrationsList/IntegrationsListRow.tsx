import type { MembraneIntegration } from '../../../core/api/types.js';
import { memo, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { getConnectionState, type ConnectionState } from '../../../core/state/getConnectionState.js';
import { IntegrationsListContext, IntegrationsListItemContext, type IntegrationsListContextValue, type IntegrationsListRowValue } from './IntegrationsListContext.js';
import { IntegrationsListItem } from './parts.js';
import { RowErrorBoundary } from './RowErrorBoundary.js';

/** Props of {@link IntegrationsListRow}. */
export interface IntegrationsListRowProps {
  integration: MembraneIntegration;
  renderItem: ((integration: MembraneIntegration, state: ConnectionState) => ReactNode) | undefined;
}

/**
 * One rendered row of the list. Its connection state comes from the row's own integration plus the
 * kit's pending-connect store (no query observer per row), and is given to `renderItem` and, through
 * context, to the compound parts. Memoised: a keystroke re-renders only rows that appear.
 *
 * @internal Rendered by `IntegrationsList`.
 * @example
 * ```tsx
 * <IntegrationsListRow integration={integration} renderItem={undefined} />
 * ```
 */
export const IntegrationsListRow = memo(function IntegrationsListRow({ integration, renderItem }: IntegrationsListRowProps) {
  const list = useContext(IntegrationsListContext);
  if (!list) throw new Error('membrane-react-kit: IntegrationsListRow must be rendered by <IntegrationsList>.');
  // One row that throws (its data, or the app's renderItem) shows a compact error row; the rest stay.
  return (
    <RowErrorBoundary integration={integration} kit={list.kit}>
      <IntegrationsListRowContent integration={integration} renderItem={renderItem} list={list} />
    </RowErrorBoundary>
  );
});

function IntegrationsListRowContent({ integration, renderItem, list }: IntegrationsListRowProps & { list: IntegrationsListContextValue }) {
  const { pending } = list.kit.kit;
  const isPending = useSyncExternalStore(
    pending.subscribe,
    useCallback(() => pending.isPending(integration.key), [pending, integration.key]),
    () => false,
  );
  const state = getConnectionState(integration, isPending);
  const row = useMemo<IntegrationsListRowValue>(() => ({ integration, state }), [integration, state]);
  return (
    <IntegrationsListItemContext.Provider value={row}>
      {renderItem ? renderItem(integration, state) : <IntegrationsListItem integration={integration} />}
    </IntegrationsListItemContext.Provider>
  );
}
