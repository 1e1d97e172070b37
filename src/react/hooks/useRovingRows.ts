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

/**
 * Put on an element inside a row to make it a row of its own for the arrow keys (an account under
 * its app's row): ArrowDown goes from the row to its nested rows, then to the next row.
 */
export const NESTED_ROW_ATTRIBUTE = 'data-mk-subrow';

/** A place the arrow keys stop at: a row or a nested row (`box`), and the control they focus there. */
interface Stop {
  box: Element;
  target: HTMLElement;
}

const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

function firstFocusable(box: Element, skip: readonly Element[]): HTMLElement | undefined {
  if (box.matches(FOCUSABLE)) return box as HTMLElement;
  for (const element of box.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (!skip.some((nested) => nested.contains(element))) return element;
  }
  return undefined;
}

/**
 * The stops of one row, in document order of their controls: the row's own first control (outside
 * its nested rows; it may come after them, as "Add account" does) and each nested row's first control.
 */
function rowStops(row: Element | undefined): Stop[] {
  if (!row) return [];
  const nested = Array.from(row.querySelectorAll(`[${NESTED_ROW_ATTRIBUTE}]`));
  const stops: Stop[] = [];
  const own = firstFocusable(row, nested);
  if (own) stops.push({ box: row, target: own });
  for (const box of nested) {
    const target = firstFocusable(box, []);
    if (target) stops.push({ box, target });
  }
  return stops.sort((a, b) => (follows(a.target, b.target) ? -1 : 1));
}

function focusStop(stop: Stop | undefined): boolean {
  if (!stop) return false;
  stop.target.focus();
  return true;
}

/**
 * Keyboard movement between the rows of a list or table: ArrowUp / ArrowDown, Home and End move
 * focus to the first focusable element of the previous, next, first or last row. Rows are the
 * container's own children, whatever they render; an element inside a row marked
 * {@link NESTED_ROW_ATTRIBUTE} is a row of its own, visited after its row's first control and
 * before the next row (End goes to the last row's last nested row). Moving past the rendered rows
 * renders more first (the next batch, or all of them for End) and focuses the row once it is there.
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
  // A row to focus once it is rendered (after ArrowDown or End past the rendered rows, or "Show more"):
  // its first stop, or its last one (End).
  const focusAfterRender = useRef<{ index: number; last: boolean } | null>(null);
  useIsomorphicLayoutEffect(() => {
    const pending = focusAfterRender.current;
    const row = pending === null ? undefined : containerRef.current?.children[pending.index];
    if (!pending || !row) return;
    focusAfterRender.current = null;
    const stops = rowStops(row);
    focusStop(pending.last ? stops.at(-1) : stops[0]);
  });

  const onKeyDown = (event: KeyboardEvent<E>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const active = document.activeElement;
    const items = Array.from(event.currentTarget.children);
    const current = active ? items.findIndex((row) => row.contains(active)) : -1;
    if (!active || items.length === 0 || current === -1) return;
    const stops = rowStops(items[current]);
    let next: Stop | undefined;
    let renderRow: { index: number; last: boolean } | undefined;
    if (event.key === 'ArrowDown') {
      next = stops.find((stop) => follows(active, stop.target));
      if (!next) {
        if (current + 1 < items.length) next = rowStops(items[current + 1])[0];
        else if (current + 1 < total) renderRow = { index: current + 1, last: false };
      }
    } else if (event.key === 'ArrowUp') {
      // The stop the focus is in (its nested row, else the row), then the closest one before the focus.
      const here = stops.filter((stop) => stop.box.contains(active)).at(-1);
      next = stops.filter((stop) => stop !== here && stop.target !== active && follows(stop.target, active)).at(-1);
      if (!next && current > 0) next = rowStops(items[current - 1]).at(-1);
    } else if (event.key === 'Home') {
      next = rowStops(items[0])[0];
    } else if (items.length < total) {
      renderRow = { index: total - 1, last: true };
    } else {
      next = rowStops(items.at(-1)).at(-1);
    }
    if (renderRow) {
      event.preventDefault();
      focusAfterRender.current = renderRow;
      if (event.key === 'End') showAll();
      else showNextBatch();
      return;
    }
    if (!next || next.target === active) return;
    event.preventDefault();
    focusStop(next);
  };

  return {
    onKeyDown,
    focusWhenRendered: (index) => {
      focusAfterRender.current = { index, last: false };
    },
  };
}
