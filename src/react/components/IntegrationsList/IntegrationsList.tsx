import type { Connection, Integration } from '@integration-app/sdk';
import { memo, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ComponentPropsWithRef, type KeyboardEvent, type ReactNode } from 'react';
import { membraneKeys } from '../../../core/query/membraneKeys.js';
import { getConnectionState, type ConnectionState } from '../../../core/state/getConnectionState.js';
import type { ConnectMode } from '../../events/MembraneKitEvent.js';
import { useIntegrations } from '../../hooks/useIntegrations.js';
import { ThemeScopeContext } from '../../kit/KitContext.js';
import type { KitProps } from '../../kit/KitProps.js';
import { useKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { themeRootProps } from '../../utils/themeRootProps.js';
import { Spinner } from '../shared/Spinner.js';
import { IntegrationsListContext, type IntegrationsListContextValue } from './IntegrationsListContext.js';
import {
  IntegrationsListAction,
  IntegrationsListItem,
  IntegrationsListLogo,
  IntegrationsListName,
  IntegrationsListStatus,
} from './parts.js';

/** Props of {@link IntegrationsList}. */
export interface IntegrationsListProps extends KitProps, Omit<ComponentPropsWithRef<'div'>, 'children'> {
  /** `custom` (default): the kit's connect dialog. `prebuilt`: Membrane's hosted UI, plus "Manage integrations". */
  mode?: ConnectMode;
  /** Called after a connection was created or repaired (confirmed with the API). */
  onConnected?: (connection: Connection, integration: Integration) => void;
  /** Called after an integration was disconnected. */
  onDisconnected?: (integration: Integration) => void;
  /** Integrations per page (`limit`). Default 50. */
  pageSize?: number;
  /** Show the search box. Default `true`. */
  searchable?: boolean;
  /** Delay before the search goes to the server, in ms (local filtering is instant). Default 300. */
  searchDebounceMs?: number;
  /** Custom row markup, built from `IntegrationsList.Item` (which the search filter relies on) and its parts. */
  renderItem?: (integration: Integration, state: ConnectionState) => ReactNode;
}

function matchesSearch(integration: Integration, needle: string): boolean {
  return integration.name.toLowerCase().includes(needle) || integration.key.toLowerCase().includes(needle);
}

const SKELETON_ROWS = 4;

/**
 * The workspace's integrations with logo, name, connection status and an action (Connect;
 * Reconnect; Disconnect behind a confirmation). A search box filters instantly on the page and
 * asks the server (`search`) after a short pause; "Load more" fetches the next page. Loading
 * skeleton, empty state and an error state with retry. Arrow keys, Home and End move between rows.
 *
 * Attributes: `data-slot="integrations-list"`, `data-state` = `loading | error | empty | ready`,
 * `data-fetching` while refreshing.
 *
 * @example
 * ```tsx
 * <IntegrationsList
 *   fetchToken={() => fetch('/api/membrane-token').then((r) => r.json())}
 *   onConnected={(connection, integration) => toast(`${integration.name} connected`)}
 * />
 * ```
 */
export function IntegrationsList(props: IntegrationsListProps) {
  const {
    mode = 'custom',
    onConnected,
    onDisconnected,
    pageSize,
    searchable = true,
    searchDebounceMs = 300,
    renderItem,
    fetchToken,
    apiUri,
    uiUri,
    theme,
    unstyled: unstyledProp,
    labels: labelsProp,
    onEvent,
    className,
    ...divProps
  } = props;
  const kitProps: KitProps = { fetchToken, apiUri, uiUri, theme, unstyled: unstyledProp, labels: labelsProp, onEvent };
  const resolved = useKit(kitProps, 'IntegrationsList');
  const { labels, unstyled, kit } = resolved;
  const listId = useId();

  const [search, setSearch] = useState('');
  const [serverSearch, setServerSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setServerSearch(search.trim()), search.trim() === '' ? 0 : searchDebounceMs);
    return () => clearTimeout(timer);
  }, [search, searchDebounceMs]);

  // The first pages are the list. The server is asked only for what is not loaded yet: when more
  // pages exist, a search also goes to the server and its extra results join the rows.
  const query = useIntegrations({ limit: pageSize }, kitProps);
  const serverQuery = useIntegrations({ search: serverSearch, limit: pageSize }, kitProps, {
    enabled: serverSearch !== '' && query.hasNextPage,
  });
  const serverActive = serverSearch !== '' && query.hasNextPage;
  const rows = useMemo(() => {
    if (!serverActive || serverQuery.integrations.length === 0) return query.integrations;
    const known = new Set(query.integrations.map((integration) => integration.id));
    return [...query.integrations, ...serverQuery.integrations.filter((integration) => !known.has(integration.id))];
  }, [query.integrations, serverQuery.integrations, serverActive]);
  const deferredSearch = useDeferredValue(search);
  const needle = deferredSearch.trim().toLowerCase();
  const visibleIds = useMemo(() => {
    const ids = new Set<string>();
    const fromServer = serverActive && !serverQuery.isPlaceholderData ? new Set(serverQuery.integrations.map((i) => i.id)) : undefined;
    for (const integration of rows) {
      if (needle === '' || matchesSearch(integration, needle) || fromServer?.has(integration.id)) ids.add(integration.id);
    }
    return ids;
  }, [rows, needle, serverActive, serverQuery.integrations, serverQuery.isPlaceholderData]);

  // Filtering hides rows instead of unmounting them: a keystroke touches one attribute per row,
  // not a thousand component trees.
  const listRef = useRef<HTMLUListElement>(null);
  const listMounted = !query.isLoading && !(query.error && query.integrations.length === 0);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    for (const row of list.querySelectorAll<HTMLElement>(':scope > [data-integration-id]')) {
      const hide = !visibleIds.has(row.dataset.integrationId ?? '');
      if (row.hidden !== hide) row.hidden = hide;
    }
  }, [visibleIds, rows, listMounted]);
  // The same elements on every keystroke, so React skips the rows entirely.
  const rowElements = useMemo(
    () => rows.map((integration) => <ListRow key={integration.id} integration={integration} renderItem={renderItem} />),
    [rows, renderItem],
  );

  const contextValue = useMemo<IntegrationsListContextValue>(
    () => ({ kit: resolved, kitProps, mode, onConnected, onDisconnected }),
    // kitProps and resolved are rebuilt each render; the parts only read their current values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [resolved.kit, resolved.labels, resolved.theme, resolved.unstyled, resolved.portalContainer, mode, onConnected, onDisconnected, fetchToken],
  );

  const [managing, setManaging] = useState(false);
  const manage = () => {
    if (managing) return;
    setManaging(true);
    kit.client
      .open()
      .catch(() => undefined)
      .finally(() => {
        setManaging(false);
        void kit.queryClient.invalidateQueries({ queryKey: membraneKeys.all });
      });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const rows = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-slot="integrations-list-item"]')).filter(
      (row) => !row.hidden,
    );
    if (rows.length === 0) return;
    const current = rows.findIndex((row) => row.contains(document.activeElement));
    let next = current;
    if (event.key === 'ArrowDown') next = Math.min(rows.length - 1, current + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, current - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = rows.length - 1;
    const target = rows[next]?.querySelector<HTMLElement>('button, a[href], [tabindex="0"]');
    if (target && next !== current) {
      event.preventDefault();
      target.focus();
    }
  };

  const listState = query.isLoading
    ? 'loading'
    : query.error && query.integrations.length === 0
      ? 'error'
      : visibleIds.size === 0
        ? 'empty'
        : 'ready';
  const { rootClass, 'data-mk-theme': dataTheme } = themeRootProps(resolved);

  let content: ReactNode;
  if (listState === 'loading') {
    content = (
      <>
        <p role="status" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0,0,0,0)' }}>
          {labels.loading}
        </p>
        <ul className={cn(!unstyled && 'mk-IntegrationsList-items')} data-slot="integrations-list-skeleton" aria-hidden="true">
          {Array.from({ length: SKELETON_ROWS }, (_, index) => (
            <li key={index} className={cn(!unstyled && 'mk-IntegrationsList-item mk-IntegrationsList-skeleton')}>
              <span className={cn(!unstyled && 'mk-IntegrationsList-logo')} />
              <span className={cn(!unstyled && 'mk-IntegrationsList-name')} />
            </li>
          ))}
        </ul>
      </>
    );
  } else if (listState === 'error') {
    content = (
      <div role="alert" className={cn(!unstyled && 'mk-IntegrationsList-error')} data-slot="integrations-list-error" data-error-code={query.error?.code}>
        <p>{labels.loadError}</p>
        {query.error ? <p>{labels.errors[query.error.code]}</p> : null}
        <button type="button" className={cn(!unstyled && 'mk-Button')} data-variant="secondary" onClick={query.refetch}>
          {labels.retry}
        </button>
      </div>
    );
  } else {
    content = (
      <>
        {listState === 'empty' ? (
          <p role="status" className={cn(!unstyled && 'mk-IntegrationsList-empty')} data-slot="integrations-list-empty">
            {search.trim() ? formatLabel(labels.emptySearch, { query: search.trim() }) : labels.empty}
          </p>
        ) : null}
        <ul
          ref={listRef}
          id={listId}
          hidden={listState === 'empty'}
          aria-label={labels.listLabel}
          className={cn(!unstyled && 'mk-IntegrationsList-items')}
          data-slot="integrations-list-items"
          onKeyDown={onKeyDown}
        >
          {rowElements}
        </ul>
      </>
    );
  }

  return (
    <div
      {...divProps}
      className={cn(rootClass, !unstyled && 'mk-IntegrationsList', className)}
      data-slot="integrations-list"
      data-state={listState}
      data-fetching={dataFlag((query.isFetching && !query.isLoading) || serverQuery.isFetching)}
      data-mk-theme={dataTheme}
      aria-busy={query.isLoading || query.isFetching || serverQuery.isFetching ? true : undefined}
    >
      <ThemeScopeContext.Provider value={resolved.theme}>
        <IntegrationsListContext.Provider value={contextValue}>
          {searchable || mode === 'prebuilt' ? (
            <div className={cn(!unstyled && 'mk-IntegrationsList-toolbar')} data-slot="integrations-list-toolbar">
              {searchable ? (
                <input
                  type="search"
                  value={search}
                  onChange={(event) => setSearch(event.target.value)}
                  aria-label={labels.searchLabel}
                  aria-controls={listState === 'ready' ? listId : undefined}
                  placeholder={labels.searchPlaceholder}
                  autoComplete="off"
                  spellCheck={false}
                  className={cn(!unstyled && 'mk-IntegrationsList-search')}
                  data-slot="integrations-list-search"
                />
              ) : null}
              {mode === 'prebuilt' ? (
                <button
                  type="button"
                  className={cn(!unstyled && 'mk-Button')}
                  data-variant="secondary"
                  data-slot="integrations-list-manage"
                  data-busy={dataFlag(managing)}
                  aria-busy={managing ? true : undefined}
                  onClick={manage}
                >
                  {labels.manageIntegrations}
                </button>
              ) : null}
            </div>
          ) : null}
          {content}
          {listState === 'ready' && query.hasNextPage && needle === '' ? (
            <div className={cn(!unstyled && 'mk-IntegrationsList-footer')}>
              <button
                type="button"
                className={cn(!unstyled && 'mk-Button')}
                data-variant="secondary"
                data-slot="integrations-list-load-more"
                data-busy={dataFlag(query.isFetchingNextPage)}
                aria-busy={query.isFetchingNextPage ? true : undefined}
                onClick={() => {
                  if (!query.isFetchingNextPage) query.fetchNextPage();
                }}
              >
                {query.isFetchingNextPage ? (
                  <>
                    <Spinner unstyled={unstyled} />
                    {labels.loadingMore}
                  </>
                ) : (
                  labels.loadMore
                )}
              </button>
            </div>
          ) : null}
        </IntegrationsListContext.Provider>
      </ThemeScopeContext.Provider>
    </div>
  );
}

/** Memoised so that typing in the search box re-renders only the rows that appear or disappear. */
const ListRow = memo(function ListRow({
  integration,
  renderItem,
}: {
  integration: Integration;
  renderItem: IntegrationsListProps['renderItem'];
}) {
  if (renderItem) return <>{renderItem(integration, getConnectionState(integration))}</>;
  return <IntegrationsListItem integration={integration} />;
});

IntegrationsList.Item = IntegrationsListItem;
IntegrationsList.Logo = IntegrationsListLogo;
IntegrationsList.Name = IntegrationsListName;
IntegrationsList.Status = IntegrationsListStatus;
IntegrationsList.Action = IntegrationsListAction;
