import { Component, Suspense, lazy, useState, type ComponentType, type ReactNode } from 'react';
import { KitError } from '../../core/errors/KitError.js';
import { whenIdle } from './whenIdle.js';

/** Extra prop of every {@link lazyWithPreload} component. */
export interface LazyLoadErrorProps {
  /**
   * Called with a `network` {@link KitError} when the component's chunk could not be loaded; the
   * component then renders nothing, and a later mount tries the download again.
   */
  onLoadError?: (error: KitError) => void;
}

/** A component whose code is downloaded on first render, or earlier through `preload`. */
export type PreloadableComponent<P extends object> = ComponentType<P & LazyLoadErrorProps> & {
  /** Starts the download (once; again after a failure) and resolves with the loaded component. */
  preload: () => Promise<ComponentType<P>>;
  /** The same, once the browser is idle (scheduled once however often it is called). */
  preloadWhenIdle: () => Promise<ComponentType<P>>;
};

/** Load failures, told apart from render errors of the loaded component (those propagate). */
const loadErrors = new WeakSet<object>();

class LoadBoundary extends Component<LazyLoadErrorProps & { children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    if (error instanceof KitError && loadErrors.has(error)) this.props.onLoadError?.(error);
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    if (error instanceof KitError && loadErrors.has(error)) return null;
    throw error;
  }
}

/**
 * `React.lazy` with prefetching: `preload()` on hover or focus of whatever opens the component,
 * `preloadWhenIdle()` after the page settled, so the chunk is usually there before it is needed.
 * Once loaded, new instances render the component directly (no Suspense round trip). Until then
 * an instance renders nothing; a failed download calls `onLoadError` instead of breaking the page.
 *
 * @example
 * ```tsx
 * const LazyDialog = lazyWithPreload(() => import('./Dialog.js').then((m) => m.Dialog), 'the dialog');
 * <button onPointerEnter={() => void LazyDialog.preload()} onClick={() => setOpen(true)} />
 * {open ? <LazyDialog onLoadError={report} /> : null}
 * ```
 */
export function lazyWithPreload<P extends object>(load: () => Promise<ComponentType<P>>, what: string): PreloadableComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  let idle: Promise<ComponentType<P>> | undefined;

  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (cause: unknown) => {
        // Forget the failure so the next attempt downloads again (React.lazy caches rejections).
        pending = undefined;
        idle = undefined;
        Lazy = createLazy();
        const error = new KitError(
          'network',
          `Could not load ${what} (a code-split chunk of membrane-react-kit). Check the network, and that your bundler or CDN serves the kit's chunk files.`,
          { cause },
        );
        loadErrors.add(error);
        throw error;
      },
    ));
  const createLazy = () => lazy(() => preload().then((component) => ({ default: component })));
  let Lazy = createLazy();

  function Preloadable({ onLoadError, ...props }: P & LazyLoadErrorProps) {
    // Chosen once per instance: switching from the lazy wrapper to the loaded component later
    // would change the element type and remount the subtree.
    const [Loaded] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return (
      <LoadBoundary onLoadError={onLoadError}>
        <Suspense fallback={null}>
          <Loaded {...(props as P)} />
        </Suspense>
      </LoadBoundary>
    );
  }
  const preloadWhenIdle = (): Promise<ComponentType<P>> =>
    (idle ??= new Promise<void>((resolve) => {
      whenIdle(resolve);
    }).then(preload));

  return Object.assign(Preloadable, { preload, preloadWhenIdle });
}
