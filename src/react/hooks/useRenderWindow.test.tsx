import { act, render, renderHook } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRenderWindow } from './useRenderWindow.js';

const items = Array.from({ length: 25 }, (_, index) => index);

describe('useRenderWindow', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('renders one batch, then the next batch, at least a count, or all on request', () => {
    const { result } = renderHook(() => useRenderWindow(items, { batchSize: 10, resetKey: '' }));
    expect(result.current.rendered).toEqual(items.slice(0, 10));
    expect(result.current).toMatchObject({ total: 25, batchSize: 10, hasMore: true });
    act(() => result.current.showNextBatch());
    expect(result.current.rendered).toHaveLength(20);
    act(() => result.current.showMore(5));
    expect(result.current.rendered).toHaveLength(20);
    act(() => result.current.showAll());
    expect(result.current.rendered).toHaveLength(25);
    expect(result.current.hasMore).toBe(false);
  });

  it('goes back to one batch when the reset key (the search) changes', () => {
    const { result, rerender } = renderHook(({ key }) => useRenderWindow(items, { batchSize: 10, resetKey: key }), { initialProps: { key: '' } });
    act(() => result.current.showAll());
    expect(result.current.rendered).toHaveLength(25);
    rerender({ key: 'a' });
    expect(result.current.rendered).toHaveLength(10);
  });

  it('renders the next batch when the sentinel nears the viewport', () => {
    const observers: { callback: IntersectionObserverCallback; disconnected: boolean }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        record: { callback: IntersectionObserverCallback; disconnected: boolean };
        constructor(callback: IntersectionObserverCallback) {
          this.record = { callback, disconnected: false };
          observers.push(this.record);
        }
        observe() {}
        disconnect() {
          this.record.disconnected = true;
        }
      },
    );
    let rendered = 0;
    function List() {
      const sentinelRef = useRef<HTMLDivElement>(null);
      const batches = useRenderWindow(items, { batchSize: 10, resetKey: '', sentinelRef });
      rendered = batches.rendered.length;
      return batches.hasMore ? <div ref={sentinelRef} /> : null;
    }
    render(<List />);
    expect(rendered).toBe(10);
    const live = () => observers.filter((observer) => !observer.disconnected).at(-1)!;
    act(() => live().callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver));
    expect(rendered).toBe(20);
    act(() => live().callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver));
    expect(rendered).toBe(25);
    expect(observers.every((observer) => observer.disconnected)).toBe(true);
  });
});
