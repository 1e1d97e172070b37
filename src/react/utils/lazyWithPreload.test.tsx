import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { isKitError } from '../../core/errors/KitError.js';
import { lazyWithPreload } from './lazyWithPreload.js';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('lazyWithPreload', () => {
  it('downloads once, renders through Suspense on first use and directly once loaded', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const LazyGreeting = lazyWithPreload(load, 'the greeting');
    const first = render(<LazyGreeting name="Ada" />);
    expect(screen.queryByText('Hello Ada')).toBeNull();
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    first.unmount();

    await LazyGreeting.preload();
    render(<LazyGreeting name="Grace" />);
    // Already loaded: rendered in the same commit, no Suspense round trip.
    expect(screen.getByText('Hello Grace')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('preloads when idle, once however often it is asked', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const LazyGreeting = lazyWithPreload(load, 'the greeting');
    const idle = LazyGreeting.preloadWhenIdle();
    expect(LazyGreeting.preloadWhenIdle()).toBe(idle);
    expect(load).not.toHaveBeenCalled();
    await expect(idle).resolves.toBe(Greeting);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports a failed download as a network KitError, renders nothing, and downloads again next time', async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(Greeting);
    const LazyGreeting = lazyWithPreload(load, 'the greeting');
    const onLoadError = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { container, unmount } = render(
      <div>
        <LazyGreeting name="Ada" onLoadError={onLoadError} />
        <p>Rest of the page</p>
      </div>,
    );
    await vi.waitFor(() => expect(onLoadError).toHaveBeenCalledTimes(1));
    const error: unknown = onLoadError.mock.calls[0]?.[0];
    expect(isKitError(error) && error.code).toBe('network');
    expect((error as Error).message).toMatch(/Could not load the greeting/);
    expect(container).toHaveTextContent('Rest of the page');
    expect(container).not.toHaveTextContent('Hello');
    unmount();

    render(<LazyGreeting name="Ada" />);
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('lets render errors of the loaded component through to the app’s error boundary', async () => {
    function Broken(): never {
      throw new Error('render bug');
    }
    const LazyBroken = lazyWithPreload(() => Promise.resolve(Broken), 'the broken part');
    await LazyBroken.preload();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onLoadError = vi.fn();
    expect(() =>
      act(() => {
        render(<LazyBroken onLoadError={onLoadError} />);
      }),
    ).toThrow('render bug');
    expect(onLoadError).not.toHaveBeenCalled();
  });
});
