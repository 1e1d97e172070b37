import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSearchState } from './useSearchState.js';

describe('useSearchState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the typed value at once, filters on it trimmed and lower-cased, and sends it to the server once typing pauses', () => {
    const { result } = renderHook(() => useSearchState(300));
    act(() => result.current.setValue('  HubSp '));
    expect(result.current.value).toBe('  HubSp ');
    expect(result.current.searched).toBe('HubSp');
    expect(result.current.needle).toBe('hubsp');
    expect(result.current.serverValue).toBe('');
    act(() => vi.advanceTimersByTime(299));
    expect(result.current.serverValue).toBe('');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.serverValue).toBe('HubSp');
  });

  it('restarts the pause on each keystroke and clears the server search without waiting', () => {
    const { result } = renderHook(() => useSearchState(300));
    act(() => result.current.setValue('git'));
    act(() => vi.advanceTimersByTime(200));
    act(() => result.current.setValue('gith'));
    act(() => vi.advanceTimersByTime(200));
    expect(result.current.serverValue).toBe('');
    act(() => vi.advanceTimersByTime(100));
    expect(result.current.serverValue).toBe('gith');
    act(() => result.current.setValue(' '));
    act(() => vi.advanceTimersByTime(0));
    expect(result.current.serverValue).toBe('');
    expect(result.current.needle).toBe('');
  });
});
