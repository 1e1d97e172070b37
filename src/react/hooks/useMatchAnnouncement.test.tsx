import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultLabels } from '../labels/defaultLabels.js';
import { useMatchAnnouncement, type MatchAnnouncementInput } from './useMatchAnnouncement.js';

describe('useMatchAnnouncement', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says loading at once and the match count once typing has paused', () => {
    const { result, rerender } = renderHook((input: MatchAnnouncementInput) => useMatchAnnouncement(defaultLabels, input), {
      initialProps: { query: '', matchCount: 0, settled: false, loading: true },
    });
    expect(result.current).toBe(defaultLabels.loading);
    rerender({ query: 'git', matchCount: 1200, settled: true, loading: false });
    expect(result.current).toBe('');
    act(() => vi.advanceTimersByTime(499));
    expect(result.current).toBe('');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(`${(1200).toLocaleString()} integrations match “git”.`);
    rerender({ query: 'github', matchCount: 1, settled: true, loading: false });
    act(() => vi.advanceTimersByTime(500));
    expect(result.current).toBe('1 integration matches “github”.');
  });

  it('goes quiet at once when the search is cleared or the list is not settled', () => {
    const { result, rerender } = renderHook((input: MatchAnnouncementInput) => useMatchAnnouncement(defaultLabels, input), {
      initialProps: { query: 'git', matchCount: 2, settled: true, loading: false },
    });
    act(() => vi.advanceTimersByTime(500));
    expect(result.current).not.toBe('');
    rerender({ query: 'git', matchCount: 2, settled: false, loading: false });
    act(() => vi.advanceTimersByTime(0));
    expect(result.current).toBe('');
  });
});
