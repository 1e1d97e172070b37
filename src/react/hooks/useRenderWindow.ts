import { useEffect, useMemo, useState, type RefObject } from 'react';

/** What {@link useRenderWindow} returns. */
export interface RenderWindow<T> {
  /** The first items, one batch or more: what to put in the DOM. */
  rendered: T[];
  /** How many items there are in all. */
  total: number;
  /** Items added per batch. */
  batchSize: number;
  /** Some items are not rendered yet. */
  hasMore: boolean;
  /** Renders at least `count` items. */
  showMore: (count: number) => void;
  /** Renders one more batch (the "Show more" button). */
  showNextBatch: () => void;
  /** Renders every item. */
  showAll: () => void;
}

/** Options of {@link useRenderWindow}. */
export interface UseRenderWindowOptions {
  /** Items rendered at first and added per batch (a whole number, at least 1). */
  batchSize: number;
  /** Back to one batch whenever this changes (the search). */
  resetKey: string;
  /** An empty element after the last row: when it nears the viewport, the next batch renders. */
  sentinelRef?: RefObject<Element | null>;
}

/** Start rendering the next batch a little before the end of the list is on screen. */
const SENTINEL_MARGIN = '0px 0px 600px 0px';

/**
 * Bounds how many of a long list's items are in the DOM: one batch at first, the next when the
 * sentinel after the last row scrolls near the viewport (IntersectionObserver) or when asked, and
 * back to one batch whenever `resetKey` (the search) changes. Filtering and paging still work on
 * every item; this only decides what renders.
 *
 * @example
 * ```tsx
 * const sentinelRef = useRef<HTMLDivElement>(null);
 * const batches = useRenderWindow(matches, { batchSize: 30, resetKey: search.needle, sentinelRef });
 * <ul>{batches.rendered.map((item) => <Row key={item.id} item={item} />)}</ul>
 * {batches.hasMore ? <div ref={sentinelRef} aria-hidden="true" /> : null}
 * ```
 */
export function useRenderWindow<T>(items: T[], { batchSize, resetKey, sentinelRef }: UseRenderWindowOptions): RenderWindow<T> {
  // Adjusted during render, so items after a new search never render with the old count.
  const [state, setState] = useState({ resetKey, count: batchSize });
  if (state.resetKey !== resetKey) setState({ resetKey, count: batchSize });
  const count = state.resetKey === resetKey ? Math.max(state.count, batchSize) : batchSize;
  const showMore = (next: number) => setState({ resetKey, count: Math.max(count, next) });
  const rendered = useMemo(() => (items.length > count ? items.slice(0, count) : items), [items, count]);
  const hasMore = rendered.length < items.length;

  useEffect(() => {
    const sentinel = sentinelRef?.current;
    if (!sentinel || !hasMore || typeof IntersectionObserver === 'undefined') return;
    // Recreated after every batch: a new observer reports at once if the end is still in view.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          setState({ resetKey, count: count + batchSize });
        }
      },
      { rootMargin: SENTINEL_MARGIN },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasMore, resetKey, count, batchSize, sentinelRef]);

  return {
    rendered,
    total: items.length,
    batchSize,
    hasMore,
    showMore,
    showNextBatch: () => showMore(count + batchSize),
    showAll: () => showMore(items.length),
  };
}
