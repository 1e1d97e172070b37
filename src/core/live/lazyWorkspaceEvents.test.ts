import { describe, expect, it, vi } from 'vitest';
import { lazyWorkspaceEvents } from './lazyWorkspaceEvents.js';
import type { WorkspaceEvent, WorkspaceEvents } from './types.js';

function fakeEvents() {
  const listeners = new Set<(event: WorkspaceEvent) => void>();
  const events: WorkspaceEvents = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getStatus: () => (listeners.size > 0 ? 'open' : 'idle'),
  };
  return { events, listeners, emit: (event: WorkspaceEvent) => listeners.forEach((l) => l(event)) };
}

const update: WorkspaceEvent = { type: 'element-update', elementType: 'connection', elementId: 'c1' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lazyWorkspaceEvents', () => {
  it('loads nothing until the first subscriber, then attaches everyone who subscribed meanwhile through one inner subscription', async () => {
    const fake = fakeEvents();
    const load = vi.fn(async () => fake.events);
    const events = lazyWorkspaceEvents(load);
    expect(load).not.toHaveBeenCalled();
    expect(events.getStatus()).toBe('idle');

    const a = vi.fn();
    const b = vi.fn();
    const stopA = events.subscribe(a);
    const stopB = events.subscribe(b);
    expect(events.getStatus()).toBe('connecting');
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
    expect(fake.listeners.size).toBe(1);
    fake.emit(update);
    expect(a).toHaveBeenCalledWith(update);
    expect(b).toHaveBeenCalledWith(update);

    stopA();
    expect(fake.listeners.size).toBe(1);
    stopB();
    expect(fake.listeners.size).toBe(0);

    events.subscribe(a);
    expect(fake.listeners.size).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not open the stream when everyone left before the code arrived', async () => {
    const fake = fakeEvents();
    const events = lazyWorkspaceEvents(async () => fake.events);
    events.subscribe(vi.fn())();
    await flush();
    expect(fake.listeners.size).toBe(0);
  });

  it('retries a failed download on the next first subscriber', async () => {
    const fake = fakeEvents();
    const load = vi.fn<() => Promise<WorkspaceEvents>>().mockRejectedValueOnce(new Error('chunk failed')).mockResolvedValue(fake.events);
    const events = lazyWorkspaceEvents(load);
    const stop = events.subscribe(vi.fn());
    await flush();
    expect(fake.listeners.size).toBe(0);
    stop();
    events.subscribe(vi.fn());
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    expect(fake.listeners.size).toBe(1);
  });
});
