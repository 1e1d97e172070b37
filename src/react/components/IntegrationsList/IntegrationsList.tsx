import type { MembraneConnection, MembraneIntegration } from '../../../core/api/types.js';
import { useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ComponentPropsWithRef, type KeyboardEvent, type ReactNode } from 'react';
import { membraneKeys } from '../../../core/query/membraneKeys.js';
import type { ConnectionState } from '../../../core/state/getConnectionState.js';
import type { ConnectMode } from '../../events/MembraneKitEvent.js';
import { useIntegrationsForKit } from '../../hooks/useIntegrations.js';
import { ThemeScopeContext } from '../../kit/KitContext.js';
import type { KitProps } from '../../kit/KitProps.js';
import { useKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { themeRootProps } from '../../utils/themeRootProps.js';
import { visuallyHidden } from '../../utils/visuallyHidden.js';
import { whenIdle } from '../../utils/whenIdle.js';
import { preloadConnectDialog } from '../ConnectDialog/ConnectDialog.js';
import { Spinner } from '../shared/Spinner.js';
import { IntegrationsListContext, type IntegrationsListContextValue } from './IntegrationsListContext.js';
import { IntegrationsListRow } from './IntegrationsListRow.js';
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
  onConnected?: (connection: MembraneConnection, integration: MembraneIntegration) => void;
  /** Called after an integration was disconnected. */
  onDisconnected?: (integration: MembraneIntegration) => void;
  /** Integrations per page (`limit`). Default 50. */
  pageSize?: number;
  /** Show the search box. Default `true`. */
  searchable?: boolean;
  /** Delay before the search goes to the server, in ms (local filtering is instant). Default 300. */
  searchDebounceMs?: number;
  /**
   * Rows rendered at first, and added each time the end of the list scrolls into view (or "Show
   * more" is pressed). Filtering and server paging work on all loaded integrations; this only
   * bounds what is in the DOM. Default 30 (more than a screenful of rows).
   */
  renderBatchSize?: number;
  /**
   * Custom row markup: usually `IntegrationsList.Item` with its parts, or your own `<li>` (the
   * parts work inside it too). `state` includes connect flows running on the page.
   */
  renderItem?: (integration: MembraneIntegration, state: ConnectionState) => ReactNode;
}

const SKELETON_ROWS = 4;
const DEFAULT_RENDER_BATCH = 30;
/** Screen readers hear the match count once typing pauses, not once per keystroke. */
const ANNOUNCE_DELAY_MS = 500;
/** Start rendering the next batch a little before the end of the list is on screen. */
const SENTINEL_MARGIN = '0px 0px 600px 0px';
const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** What a search matches: name or key, lower-cased once per loaded page, not once per keystroke. */
function searchText(integration: MembraneIntegration): string {
  return `${integration.name}\n${integration.key}`.toLowerCase();
}

function focusRow(row: Element | undefined): boolean {
  const target = row?.matches(FOCUSABLE) ? (row as HTMLElement) : row?.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return false;
  target.focus();
  return true;
}

/**
 * The workspace's integrations with logo, name, connection status and an action (Connect;
 * Reconnect; Disconnect behind a confirmation). A search box filters the loaded integrations as
 * you type and asks the server (`search`) after a short pause; the number of matches is announced
 * to screen readers. Rows are rendered in batches (`renderBatchSize`): more appear when the end of
 * the list scrolls into view, or with "Show more". "Load more" fetches the next page from the
 * server. Loading skeleton, empty state and an error state with retry. Arrow keys, Home and End
 * move between rows (End renders the remaining matches first).
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
    renderBatchSize = DEFAULT_RENDER_BATCH,
    renderItem,
    fetchToken,
    apiUri,
    uiUri,
    sdk,
    theme,
    unstyled: unstyledProp,
    labels: labelsProp,
    onEvent,
    className,
    ...divProps
  } = props;
  if (!Number.isInteger(renderBatchSize) || renderBatchSize < 1) {
    throw new RangeError(`membrane-react-kit: <IntegrationsList renderBatchSize> must be a whole number of at least 1; got ${String(renderBatchSize)}.`);
  }
  const kitProps: KitProps = { fetchToken, apiUri, uiUri, sdk, theme, unstyled: unstyledProp, labels: labelsProp, onEvent };
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
  const query = useIntegrationsForKit(kit, { limit: pageSize });
  const serverQuery = useIntegrationsForKit(kit, { search: serverSearch, limit: pageSize }, {
    enabled: serverSearch !== '' && query.hasNextPage,
  });
  const serverActive = serverSearch !== '' && query.hasNextPage;
  const rows = useMemo(() => {
    if (!serverActive || serverQuery.integrations.length === 0) return query.integrations;
    const known = new Set(query.integrations.map((integration) => integration.id));
    return [...query.integrations, ...serverQuery.integrations.filter((integration) => !known.has(integration.id))];
  }, [query.integrations, serverQuery.integrations, serverActive]);
  const haystacks = useMemo(() => rows.map(searchText), [rows]);

  // Typing stays responsive: the input updates at once, the matches follow in a deferred render
  // that React may interrupt for the next keystroke.
  const deferredSearch = useDeferredValue(search);
  const needle = deferredSearch.trim().toLowerCase();
  const serverMatches = serverActive && !serverQuery.isPlaceholderData ? serverQuery.integrations : undefined;
  const matches = useMemo(() => {
    if (needle === '') return rows;
    const fromServer = serverMatches ? new Set(serverMatches.map((integration) => integration.id)) : undefined;
    return rows.filter((integration, index) => haystacks[index]!.includes(needle) || fromServer?.has(integration.id));
  }, [rows, haystacks, needle, serverMatches]);

  // How many matches are rendered; back to one batch whenever the search changes (adjusted during
  // render, so the new matches never render with the old count).
  const [windowState, setWindowState] = useState({ needle, count: renderBatchSize });
  if (windowState.needle !== needle) setWindowState({ needle, count: renderBatchSize });
  const count = windowState.needle === needle ? Math.max(windowState.count, renderBatchSize) : renderBatchSize;
  const showMoreRows = (next: number) => setWindowState({ needle, count: Math.max(count, next) });
  const rendered = useMemo(() => (matches.length > count ? matches.slice(0, count) : matches), [matches, count]);
  const hasMoreRows = rendered.length < matches.length;
  const rowElements = useMemo(
    () => rendered.map((integration) => <IntegrationsListRow key={integration.id} integration={integration} renderItem={renderItem} />),
    [rendered, renderItem],
  );

  const listRef = useRef<HTMLUListElement>(null);
  // A row to focus once it is rendered (after ArrowDown or End past the rendered rows, or "Show more").
  const focusAfterRender = useRef<number | null>(null);
  useLayoutEffect(() => {
    const index = focusAfterRender.current;
    const row = index === null ? undefined : listRef.current?.children[index];
    if (!row) return;
    focusAfterRender.current = null;
    focusRow(row);
  });

  const sentinelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !hasMoreRows || typeof IntersectionObserver === 'undefined') return;
    // Recreated after every batch: a new observer reports at once if the end is still in view.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          setWindowState({ needle, count: count + renderBatchSize });
        }
      },
      { rootMargin: SENTINEL_MARGIN },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasMoreRows, needle, count, renderBatchSize]);

  // Rows build their connect flow on first use only; the dialog's code is still fetched once the
  // page is idle, as a mounted ConnectButton does, so a first click rarely waits for it.
  useEffect(() => (mode === 'custom' ? whenIdle(preloadConnectDialog) : undefined), [mode]);

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
    kit
      .hostedUi()
      .then((ui) => ui.manage())
      .catch(() => undefined)
      .finally(() => {
        setManaging(false);
        void kit.queryClient.invalidateQueries({ queryKey: membraneKeys.all });
      });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    // Rows are the list's own children, whatever renderItem renders.
    const items = Array.from(event.currentTarget.children);
    const current = items.findIndex((row) => row.contains(document.activeElement));
    if (items.length === 0 || current === -1) return;
    let next = current;
    if (event.key === 'ArrowDown') next = current + 1;
    else if (event.key === 'ArrowUp') next = Math.max(0, current - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = matches.length - 1;
    if (next === current) return;
    event.preventDefault();
    if (next < items.length) {
      focusRow(items[next]);
    } else if (next < matches.length) {
      focusAfterRender.current = next;
      showMoreRows(event.key === 'End' ? matches.length : count + renderBatchSize);
    }
  };

  const listState = query.isLoading
    ? 'loading'
    : query.error && query.integrations.length === 0
      ? 'error'
      : matches.length === 0
        ? 'empty'
        : 'ready';
  const { rootClass, 'data-mk-theme': dataTheme } = themeRootProps(resolved);

  // The polite live region: loading at once; the match count once typing pauses.
  const searched = deferredSearch.trim();
  const resultsMessage =
    searched !== '' && (listState === 'ready' || listState === 'empty')
      ? formatLabel(matches.length === 1 ? labels.searchResults.one : labels.searchResults.other, {
          count: matches.length.toLocaleString(),
          query: searched,
        })
      : '';
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(resultsMessage), resultsMessage === '' ? 0 : ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [resultsMessage]);
  const announcement = listState === 'loading' ? labels.loading : announced;

  let content: ReactNode;
  if (listState === 'loading') {
    content = (
      <ul className={cn(!unstyled && 'mk-IntegrationsList-items')} data-slot="integrations-list-skeleton" aria-hidden="true">
        {Array.from({ length: SKELETON_ROWS }, (_, index) => (
          <li key={index} className={cn(!unstyled && 'mk-IntegrationsList-item mk-IntegrationsList-skeleton')}>
            <span className={cn(!unstyled && 'mk-IntegrationsList-logo')} />
            <span className={cn(!unstyled && 'mk-IntegrationsList-name')} />
          </li>
        ))}
      </ul>
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
  } else if (listState === 'empty') {
    // With a search, the live region announces the (zero) matches; the text here is for the eyes.
    content = (
      <p role={searched === '' ? 'status' : undefined} className={cn(!unstyled && 'mk-IntegrationsList-empty')} data-slot="integrations-list-empty">
        {searched !== '' ? formatLabel(labels.emptySearch, { query: searched }) : labels.empty}
      </p>
    );
  } else {
    content = (
      <ul
        ref={listRef}
        id={listId}
        aria-label={labels.listLabel}
        className={cn(!unstyled && 'mk-IntegrationsList-items')}
        data-slot="integrations-list-items"
        onKeyDown={onKeyDown}
      >
        {rowElements}
      </ul>
    );
  }

  const showServerPaging = listState === 'ready' && !hasMoreRows && query.hasNextPage && needle === '';
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
          <p role="status" style={visuallyHidden} data-slot="integrations-list-announcement">
            {announcement}
          </p>
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
          {listState === 'ready' && hasMoreRows ? (
            <div className={cn(!unstyled && 'mk-IntegrationsList-footer')}>
              <div ref={sentinelRef} aria-hidden="true" data-slot="integrations-list-sentinel" />
              <button
                type="button"
                className={cn(!unstyled && 'mk-Button')}
                data-variant="secondary"
                data-slot="integrations-list-show-more"
                aria-controls={listId}
                onClick={() => {
                  focusAfterRender.current = rendered.length;
                  showMoreRows(count + renderBatchSize);
                }}
              >
                {formatLabel(labels.showMore, { shown: rendered.length.toLocaleString(), total: matches.length.toLocaleString() })}
              </button>
            </div>
          ) : null}
          {showServerPaging ? (
            <div className={cn(!unstyled && 'mk-IntegrationsList-footer')}>
              <button
                type="button"
                className={cn(!unstyled && 'mk-Button')}
                data-variant="secondary"
                data-slot="integrations-list-load-more"
                data-busy={dataFlag(query.isFetchingNextPage)}
                aria-busy={query.isFetchingNextPage ? true : undefined}
                onClick={() => {
                  if (query.isFetchingNextPage) return;
                  // The next page's rows are rendered as they arrive (one batch, then on scroll).
                  showMoreRows(matches.length + renderBatchSize);
                  query.fetchNextPage();
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

IntegrationsList.Item = IntegrationsListItem;
IntegrationsList.Logo = IntegrationsListLogo;
IntegrationsList.Name = IntegrationsListName;
IntegrationsList.Status = IntegrationsListStatus;
IntegrationsList.Action = IntegrationsListAction;
