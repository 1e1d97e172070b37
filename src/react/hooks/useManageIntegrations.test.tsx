import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { membraneKeys } from '../../core/query/membraneKeys.js';
import type { MembraneKit } from '../kit/createKit.js';
import { useManageIntegrations } from './useManageIntegrations.js';

function fakeKit(manage: () => Promise<unknown>) {
  const invalidateQueries = vi.fn(() => Promise.resolve());
  const hostedUi = vi.fn(() => Promise.resolve({ manage }));
  const kit = { hostedUi, queryClient: { invalidateQueries } } as unknown as MembraneKit;
  return { kit, hostedUi, invalidateQueries };
}

describe('useManageIntegrations', () => {
  it('opens the hosted UI once at a time and refetches every kit query when it closes', async () => {
    let close!: () => void;
    const { kit, hostedUi, invalidateQueries } = fakeKit(() => new Promise<void>((resolve) => (close = resolve)));
    const { result } = renderHook(() => useManageIntegrations(kit));
    expect(result.current.managing).toBe(false);
    act(() => result.current.manage());
    expect(result.current.managing).toBe(true);
    act(() => result.current.manage());
    expect(hostedUi).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(close).toBeTypeOf('function'));
    await act(async () => close());
    await waitFor(() => expect(result.current.managing).toBe(false));
    expect(invalidateQueries).toHaveBeenCalledWith({ queryKey: membraneKeys.all });
  });

  it('ends the busy state and refetches when the hosted UI fails', async () => {
    const { kit, invalidateQueries } = fakeKit(() => Promise.reject(new Error('no sdk')));
    const { result } = renderHook(() => useManageIntegrations(kit));
    act(() => result.current.manage());
    await waitFor(() => expect(result.current.managing).toBe(false));
    expect(invalidateQueries).toHaveBeenCalledTimes(1);
  });
});
