import type { MembraneIntegration } from '../../core/api/types.js';
import { skipToken, useInfiniteQuery, useQuery, type InfiniteData, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { KitError } from '../../core/errors/KitError.js';
import type { MembranePage } from '../../core/api/types.js';
import { integrationQueryOptions, integrationsQueryOptions } from '../../core/query/queryOptions.js';
import type { MembraneKit } from '../kit/createKit.js';
import type { KitProps } from '../kit/KitProps.js';
import { useKit } from '../kit/useKit.js';
import { useLiveUpdates } from '../kit/useLiveUpdates.js';

/** What {@link useIntegration} returns. */
export interface UseIntegrationResult {
  integration: MembraneIntegration | undefined;
  isLoading: boolean;
  error: KitError | null;
  refetch: () => void;
}

/** Key of the placeholder query hooks use while they need no data (never fetched). */
export const IDLE_QUERY_KEY = ['membrane', 'idle'] as const;
/** The same for an infinite (paged) query: a separate entry, since the two kinds cannot share one. */
const IDLE_LIST_QUERY_KEY = ['membrane', 'idle', 'list'] as const;

function matches(integration: MembraneIntegration, keyOrId: string): boolean {
  return integration.key === keyOrId || integration.id === keyOrId;
}

/**
 * One integration by key (or id), read from the shared integrations list, so fifty status badges
 * cost no extra request. Only when the list is loaded and does not contain it (a later page, or an
 * unknown key) does it ask for `GET /integrations/{key}`.
 *
 * @example
 * ```tsx
 * const { integration } = useIntegration('hubspot');
 * ```
 */
export function useIntegration(
  integrationKey: string,
  kitProps: KitProps = {},
  /** An integration already loaded by the caller (e.g. a list row): no lookup, no request. */
  known?: MembraneIntegration,
): UseIntegrationResult {
  return useIntegrationForKit(useKit(kitProps, 'useIntegration').kit, integrationKey, known);
}

/**
 * {@link useIntegration} on a kit the caller already resolved (components resolve theirs once).
 *
 * @example
 * ```tsx
 * const { integration } = useIntegrationForKit(resolved.kit, 'hubspot');
 * ```
 */
export function useIntegrationForKit(kit: MembraneKit, integrationKey: string, known?: MembraneIntegration): UseIntegrationResult {
  useLiveUpdates(kit);
  const select = useCallback(
    (data: InfiniteData<MembranePage<MembraneIntegration>, string | undefined>) => {
      for (const page of data.pages) {
        const found = page.items.find((item) => matches(item, integrationKey));
        if (found) return found;
      }
      return undefined;
    },
    [integrationKey],
  );
  // With a known integration (a list row) the observer watches an idle key: a disabled observer of
  // the real list would still run `select` over every page, once per row, on every list update.
  const listOptions = integrationsQueryOptions(kit.api);
  const list = useInfiniteQuery(
    known
      ? { ...listOptions, queryKey: IDLE_LIST_QUERY_KEY as unknown as typeof listOptions.queryKey, queryFn: skipToken, select }
      : { ...listOptions, select },
    kit.queryClient,
  );
  const missingFromList = !known && list.isSuccess && list.data === undefined;
  // While the list has it, every instance shares one idle key: a thousand rows create no cache entries.
  const single = useQuery(
    (missingFromList
      ? integrationQueryOptions(kit.api, integrationKey)
      : { queryKey: IDLE_QUERY_KEY, queryFn: skipToken }) as UseQueryOptions<MembraneIntegration>,
    kit.queryClient,
  );

  const integration = known ?? list.data ?? (missingFromList ? single.data : undefined);
  const error = (known ? null : list.error ?? (missingFromList ? single.error : null)) as KitError | null;
  const { refetch: refetchList } = list;
  const { refetch: refetchSingle } = single;
  return {
    integration,
    isLoading: !integration && !error && (list.isPending || (missingFromList && single.isPending)),
    error: integration ? null : error,
    refetch: useCallback(() => {
      void refetchList();
      if (missingFromList) void refetchSingle();
    }, [refetchList, refetchSingle, missingFromList]),
  };
}
