import { forwardRef, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useListSearch } from '../../hooks/useListSearch.js';
import { useManageIntegrations } from '../../hooks/useManageIntegrations.js';
import { useMatchAnnouncement } from '../../hooks/useMatchAnnouncement.js';
import { useRenderWindow } from '../../hooks/useRenderWindow.js';
import { useRovingRows } from '../../hooks/useRovingRows.js';
import { ThemeScopeContext } from '../../kit/KitContext.js';
import { splitKitProps } from '../../kit/splitKitProps.js';
import { useKit } from '../../kit/useKit.js';
import { cn } from '../../utils/cn.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { themeRootProps } from '../../utils/themeRootProps.js';
import { visuallyHidden } from '../../utils/visuallyHidden.js';
import { whenIdle } from '../../utils/whenIdle.js';
import { preloadConnectDialog } from '../ConnectDialog/ConnectDialog.js';
import { IntegrationsListConnectionsContext, IntegrationsListContext, type IntegrationsListContextValue } from './IntegrationsListContext.js';
import {
  IntegrationsListAddAccount,
  IntegrationsListConnection,
  IntegrationsListConnectionActions,
  IntegrationsListConnectionName,
  IntegrationsListConnections,
  IntegrationsListConnectionStatus,
} from './connectionParts.js';
import { IntegrationsListConnectionsLoader } from './useConnectionsByIntegration.js';
import type { MembraneConnection } from '../../../core/api/types.js';
import { useScopedIntegrations } from './useScopedIntegrations.js';
import { ConnectSetupContext, type ConnectSetup } from '../ConnectDialog/ConnectSetupContext.js';
import { IntegrationsListFooter } from './IntegrationsListFooter.js';
import { IntegrationsListPlaceholder } from './IntegrationsListPlaceholder.js';
import type { IntegrationsListProps } from './IntegrationsListProps.js';
import { IntegrationsListRow } from './IntegrationsListRow.js';
import { IntegrationsListToolbar } from './IntegrationsListToolbar.js';
import { IntegrationsListAction, IntegrationsListItem, IntegrationsListLogo, IntegrationsListName, IntegrationsListStatus } from './parts.js';

export type { IntegrationsListProps } from './IntegrationsListProps.js';

const DEFAULT_RENDER_BATCH = 30;

const IntegrationsListRoot = forwardRef<HTMLDivElement, IntegrationsListProps>(function IntegrationsList(props, ref) {
  const [kitProps, ownProps] = splitKitProps(props);
  const {
    mode = 'custom',
    onConnected,
    onDisconnected,
    pageSize,
    searchable = true,
    searchDebounceMs = 300,
    renderBatchSize = DEFAULT_RENDER_BATCH,
    renderItem,
    allowMultipleConnections = false,
    integrations: scope,
    parameters,
    lockedParameters,
    consent,
    className,
    ...divProps
  } = ownProps;
  if (!Number.isInteger(renderBatchSize) || renderBatchSize < 1) {
    throw new RangeError(`membrane-react-kit: <IntegrationsList renderBatchSize> must be a whole number of at least 1; got ${String(renderBatchSize)}.`);
  }
  const resolved = useKit(kitProps, 'IntegrationsList');
  const { labels, unstyled, kit } = resolved;
  const listId = useId();

  const { search, query, serverQuery, matches: allMatches } = useListSearch(kit, { pageSize, debounceMs: searchDebounceMs });
  const matches = useScopedIntegrations(allMatches, scope, { complete: !query.isLoading && !query.hasNextPage, searching: search.needle !== '' });
  const connectSetup = useMemo<ConnectSetup>(
    () => ({ ...(parameters ? { parameters } : {}), ...(lockedParameters ? { lockedParameters } : {}), ...(consent ? { consent } : {}) }),
    [parameters, lockedParameters, consent],
  );
  const listRef = useRef<HTMLUListElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const batches = useRenderWindow(matches, { batchSize: renderBatchSize, resetKey: search.needle, sentinelRef });
  const roving = useRovingRows(listRef, batches);
  const manage = useManageIntegrations(kit);
  const [connectionsByIntegration, setConnectionsByIntegration] = useState<ReadonlyMap<string, readonly MembraneConnection[]> | null>(null);
  const rowElements = useMemo(
    () => batches.rendered.map((integration) => <IntegrationsListRow key={integration.id ?? integration.key} integration={integration} renderItem={renderItem} />),
    [batches.rendered, renderItem],
  );

  // Rows build their connect flow on first use only; the dialog's code is still fetched once the
  // page is idle, as a mounted ConnectButton does, so a first click rarely waits for it.
  useEffect(() => (mode === 'custom' ? whenIdle(preloadConnectDialog) : undefined), [mode]);

  const contextValue = useMemo<IntegrationsListContextValue>(
    () => ({ kit: resolved, kitProps, mode, onConnected, onDisconnected, allowMultipleConnections }),
    // kitProps and resolved are rebuilt each render; the parts only read their current values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [resolved.kit, resolved.labels, resolved.theme, resolved.unstyled, resolved.portalContainer, mode, onConnected, onDisconnected, allowMultipleConnections, kitProps.fetchToken, kitProps.tokenUrl],
  );

  const listState = query.isLoading ? 'loading' : query.error && query.integrations.length === 0 ? 'error' : matches.length === 0 ? 'empty' : 'ready';
  const announcement = useMatchAnnouncement(labels, {
    query: search.searched,
    matchCount: matches.length,
    settled: listState === 'ready' || listState === 'empty',
    loading: listState === 'loading',
  });
  const { rootClass, 'data-mk-theme': dataTheme } = themeRootProps(resolved);

  return (
    <div
      {...divProps}
      ref={ref}
      className={cn(rootClass, !unstyled && 'mk-IntegrationsList', className)}
      data-slot="integrations-list"
      data-state={listState}
      data-fetching={dataFlag((query.isFetching && !query.isLoading) || serverQuery.isFetching)}
      data-mk-theme={dataTheme}
      aria-busy={query.isLoading || query.isFetching || serverQuery.isFetching ? true : undefined}
    >
      <ThemeScopeContext.Provider value={resolved.theme}>
        <ConnectSetupContext.Provider value={connectSetup}>
        <IntegrationsListContext.Provider value={contextValue}>
          <IntegrationsListConnectionsContext.Provider value={allowMultipleConnections ? connectionsByIntegration : null}>
          {allowMultipleConnections ? <IntegrationsListConnectionsLoader kit={kit} onChange={setConnectionsByIntegration} /> : null}
          <p role="status" style={visuallyHidden} data-slot="integrations-list-announcement">
            {announcement}
          </p>
          <IntegrationsListToolbar
            kit={resolved}
            search={searchable ? search : undefined}
            controls={listState === 'ready' ? listId : undefined}
            manage={mode === 'prebuilt' && (kit.canManage() || kitProps.sdk !== undefined) ? manage : undefined}
          />
          {listState === 'ready' ? (
            <ul
              ref={listRef}
              id={listId}
              aria-label={labels.listLabel}
              className={cn(!unstyled && 'mk-IntegrationsList-items')}
              data-slot="integrations-list-items"
              onKeyDown={roving.onKeyDown}
            >
              {rowElements}
            </ul>
          ) : (
            <IntegrationsListPlaceholder state={listState} kit={resolved} searched={search.searched} error={query.error} onRetry={query.refetch} />
          )}
          {listState === 'ready' ? (
            <IntegrationsListFooter
              kit={resolved}
              listId={listId}
              batches={batches}
              sentinelRef={sentinelRef}
              query={query}
              showServerPaging={query.hasNextPage && search.needle === ''}
              onShowMore={roving.focusWhenRendered}
            />
          ) : null}
          </IntegrationsListConnectionsContext.Provider>
        </IntegrationsListContext.Provider>
        </ConnectSetupContext.Provider>
      </ThemeScopeContext.Provider>
    </div>
  );
});
IntegrationsListRoot.displayName = 'IntegrationsList';

/**
 * The workspace's integrations with logo, name, connection status and an action (Connect;
 * Reconnect; Disconnect behind a confirmation). A search box filters the loaded integrations as
 * you type and asks the server (`search`) after a short pause; the number of matches is announced
 * to screen readers. Rows are rendered in batches (`renderBatchSize`): more appear when the end of
 * the list scrolls into view, or with "Show more". "Load more" fetches the next page from the
 * server. Loading skeleton, empty state and an error state with retry. Arrow keys, Home and End
 * move between rows (End renders the remaining matches first). Its `ref` is the root `<div>`.
 *
 * Built from hooks another component can reuse: `useListSearch`, `useRenderWindow`,
 * `useRovingRows`, `useMatchAnnouncement`, `useManageIntegrations`.
 *
 * Attributes: `data-slot="integrations-list"`, `data-state` = `loading | error | empty | ready`,
 * `data-fetching` while refreshing.
 *
 * With `allowMultipleConnections`, each integration's connections (several accounts of one app)
 * are rows of their own inside its row: each with its label, status, Reconnect, Rename and
 * Disconnect, then "Add account" (`IntegrationsList.Connections`, `.Connection`, `.ConnectionName`,
 * `.ConnectionStatus`, `.ConnectionActions`, `.AddAccount`).
 *
 * @example
 * ```tsx
 * <IntegrationsList
 *   fetchToken={() => fetch('/api/membrane-token').then((r) => r.json())}
 *   onConnected={(connection, integration) => toast(`${integration.name} connected`)}
 * />
 * // several accounts per app, each renamable and disconnectable on its own:
 * <IntegrationsList fetchToken={fetchToken} allowMultipleConnections />
 * ```
 */
export const IntegrationsList = Object.assign(IntegrationsListRoot, {
  Item: IntegrationsListItem,
  Logo: IntegrationsListLogo,
  Name: IntegrationsListName,
  Status: IntegrationsListStatus,
  Action: IntegrationsListAction,
  Connections: IntegrationsListConnections,
  Connection: IntegrationsListConnection,
  ConnectionName: IntegrationsListConnectionName,
  ConnectionStatus: IntegrationsListConnectionStatus,
  ConnectionActions: IntegrationsListConnectionActions,
  AddAccount: IntegrationsListAddAccount,
});
