import { useRef, type KeyboardEvent, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../utils/useIsomorphicLayoutEffect.js';

/** The rows {@link useRovingRows} moves between; a {@link RenderWindow} is one. */
export interface RovingRowsSource {
  /** How many rows there are, rendered or not. */
  total: number;
  /** Renders the next batch of rows (ArrowDown past the last rendered row). */
  showNextBatch: () => void;
  /** Renders every row (End). */
  showAll: () => void;
}

/** What {@link useRovingRows} returns. */
export interface RovingRows<E extends HTMLElement> {
  /** Put on the element whose children are the rows (the one `containerRef` points to). */
  onKeyDown: (event: KeyboardEvent<E>) => void;
  /** Focuses the row at `index` once it has rendered (after "Show more"). */
  focusWhenRendered: (index: number) => void;
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

function focusRow(row: Element | undefined): boolean {
  const target = row?.matches(FOCUSABLE) ? (row as HTMLElement) : row?.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return false;
  target.focus();
  return true;
}

/**
 * Keyboard movement between the rows of a list or table: ArrowUp / ArrowDown, Home and End move
 * focus to the first focusable element of the previous, next, first or last row. Rows are the
 * container's own children, whatever they render. Moving past the rendered rows renders more
 * first (the next batch, or all of them for End) and focuses the row once it is there.
 *
 * @example
 * ```tsx
 * const listRef = useRef<HTMLUListElement>(null);
 * const batches = useRenderWindow(matches, { batchSize: 30, resetKey: search.needle });
 * const { onKeyDown } = useRovingRows(listRef, batches);
 * <ul ref={listRef} onKeyDown={onKeyDown}>{rows}</ul>
 * ```
 */
export function useRovingRows<E extends HTMLElement>(containerRef: RefObject<E | null>, { total, showNextBatch, showAll }: RovingRowsSource): RovingRows<E> {
  // A row to focus once it is rendered (after ArrowDown or End past the rendered rows, or "Show more").
  const focusAfterRender = useRef<number | null>(null);
  useIsomorphicLayoutEffect(() => {
    const index = focusAfterRender.current;
    const row = index === null ? undefined : containerRef.current?.children[index];
    if (!row) return;
    focusAfterRender.current = null;
    focusRow(row);
  });

  const onKeyDown = (event: KeyboardEvent<E>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const items = Array.from(event.currentTarget.children);
    const current = items.findIndex((row) => row.contains(document.activeElement));
    if (items.length === 0 || current === -1) return;
    let next = current;
    if (event.key === 'ArrowDown') next = current + 1;
    else if (event.key === 'ArrowUp') next = Math.max(0, current - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = total - 1;
    if (next === current) return;
    event.preventDefault();
    if (next < items.length) {
      focusRow(items[next]);
    } else if (next < total) {
      focusAfterRender.current = next;
      if (event.key === 'End') showAll();
      else showNextBatch();
    }
  };

  return {
    onKeyDown,
    focusWhenRendered: (index) => {
      focusAfterRender.current = index;
    },
  };
}
