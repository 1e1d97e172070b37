import type { MembraneIntegration } from '../../../core/api/types.js';
import type { RefObject } from 'react';
import type { UseIntegrationsResult } from '../../hooks/useIntegrations.js';
import type { RenderWindow } from '../../hooks/useRenderWindow.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { Spinner } from '../shared/Spinner.js';
import { IntegrationsListButton } from './IntegrationsListButton.js';

/** Props of {@link IntegrationsListFooter}. */
export interface IntegrationsListFooterProps {
  kit: Pick<ResolvedKit, 'labels' | 'unstyled'>;
  /** The id of the rows' list. */
  listId: string;
  /** The rendered batches of matches. */
  batches: RenderWindow<MembraneIntegration>;
  /** The sentinel the render window watches. */
  sentinelRef: RefObject<HTMLDivElement | null>;
  /** The list's pages, for "Load more". */
  query: UseIntegrationsResult;
  /** Offer "Load more" (every match is rendered, more pages exist, no search). */
  showServerPaging: boolean;
  /** Called with the index of the first row "Show more" adds, to focus it. */
  onShowMore: (firstNewRow: number) => void;
}

/**
 * Below the rows: the scroll sentinel and "Show more" while matches are not all rendered, or
 * "Load more" (the next page from the server). Attributes: `data-slot` =
 * `integrations-list-sentinel | integrations-list-show-more | integrations-list-load-more`,
 * `data-busy` on "Load more" while the page loads.
 *
 * @internal Rendered by `IntegrationsList`.
 * @example
 * ```tsx
 * <IntegrationsListFooter kit={resolved} listId={listId} batches={batches} sentinelRef={sentinelRef} query={query} showServerPaging={false} onShowMore={focusRow} />
 * ```
 */
export function IntegrationsListFooter({ kit, listId, batches, sentinelRef, query, showServerPaging, onShowMore }: IntegrationsListFooterProps) {
  const { labels, unstyled } = kit;
  const { rendered, total, hasMore } = batches;
  if (hasMore) {
    return (
      <div className={cn(!unstyled && 'mk-IntegrationsList-footer')}>
        <div ref={sentinelRef} aria-hidden="true" data-slot="integrations-list-sentinel" />
        <IntegrationsListButton
          unstyled={unstyled}
          slot="integrations-list-show-more"
          controls={listId}
          onClick={() => {
            onShowMore(rendered.length);
            batches.showNextBatch();
          }}
        >
          {formatLabel(labels.showMore, { shown: rendered.length.toLocaleString(), total: total.toLocaleString() })}
        </IntegrationsListButton>
      </div>
    );
  }
  if (!showServerPaging) return null;
  return (
    <div className={cn(!unstyled && 'mk-IntegrationsList-footer')}>
      <IntegrationsListButton
        unstyled={unstyled}
        slot="integrations-list-load-more"
        busy={query.isFetchingNextPage}
        onClick={() => {
          if (query.isFetchingNextPage) return;
          // The next page's rows are rendered as they arrive (one batch, then on scroll).
          batches.showMore(total + batches.batchSize);
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
      </IntegrationsListButton>
    </div>
  );
}
