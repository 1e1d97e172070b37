import type { MembraneIntegration } from '../../core/api/types.js';
import { useMemo } from 'react';
import type { MembraneKit } from '../kit/createKit.js';
import { useIntegrationsForKit, type UseIntegrationsResult } from './useIntegrations.js';
import { useSearchState, type SearchState } from './useSearchState.js';

/** Options of {@link useListSearch}. */
export interface UseListSearchOptions {
  /** Integrations per page (`limit`). */
  pageSize?: number;
  /** Delay before a search goes to the server, in ms (local filtering is instant). */
  debounceMs: number;
}

/** What {@link useListSearch} returns. */
export interface ListSearch {
  /** The search box's state. */
  search: SearchState;
  /** The loaded pages of the workspace's integrations (the list itself). */
  query: UseIntegrationsResult;
  /** The server-side search: enabled only while the list has pages not loaded yet. */
  serverQuery: UseIntegrationsResult;
  /** Loaded integrations matching the search (all of them with no search), server results included. */
  matches: MembraneIntegration[];
}

/** What a search matches: name or key, lower-cased once per loaded page, not once per keystroke. */
function searchText(integration: MembraneIntegration): string {
  return `${integration.name}\n${integration.key}`.toLowerCase();
}

/**
 * Searching the workspace's integrations: the loaded pages are filtered as you type (deferred),
 * and, only when more pages exist on the server, the debounced search also goes to the server and
 * its extra results join the matches. Takes the kit the component already resolved.
 *
 * @example
 * ```tsx
 * const { kit } = useMembraneKit(); // or the kit your component resolved once
 * const { search, matches, query } = useListSearch(kit, { pageSize: 50, debounceMs: 300 });
 * <input type="search" value={search.value} onChange={(event) => search.setValue(event.target.value)} />
 * {matches.map((integration) => <Row key={integration.id} integration={integration} />)}
 * ```
 */
export function useListSearch(kit: MembraneKit, { pageSize, debounceMs }: UseListSearchOptions): ListSearch {
  const search = useSearchState(debounceMs);
  const { serverValue, needle } = search;
  const query = useIntegrationsForKit(kit, { limit: pageSize });
  const serverActive = serverValue !== '' && query.hasNextPage;
  const serverQuery = useIntegrationsForKit(kit, { search: serverValue, limit: pageSize }, { enabled: serverActive });
  const rows = useMemo(() => {
    if (!serverActive || serverQuery.integrations.length === 0) return query.integrations;
    const known = new Set(query.integrations.map((integration) => integration.id));
    return [...query.integrations, ...serverQuery.integrations.filter((integration) => !known.has(integration.id))];
  }, [query.integrations, serverQuery.integrations, serverActive]);
  const haystacks = useMemo(() => rows.map(searchText), [rows]);

  const serverMatches = serverActive && !serverQuery.isPlaceholderData ? serverQuery.integrations : undefined;
  const matches = useMemo(() => {
    if (needle === '') return rows;
    const fromServer = serverMatches ? new Set(serverMatches.map((integration) => integration.id)) : undefined;
    return rows.filter((integration, index) => haystacks[index]!.includes(needle) || fromServer?.has(integration.id));
  }, [rows, haystacks, needle, serverMatches]);

  return { search, query, serverQuery, matches };
}
