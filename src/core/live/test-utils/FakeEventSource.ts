// Test helper (excluded from the build: tsconfig.build.json leaves out src/**/test-utils/**).
import type { EventSourceLike } from '../types.js';

type Listener = (event: { data?: unknown }) => void;

/**
 * A stand-in for the browser's `EventSource` (jsdom and Node have none): records every instance
 * it creates and lets the test open, fail and send messages by hand. Pass it as
 * `createWorkspaceEvents({ EventSource: FakeEventSource })` or `vi.stubGlobal('EventSource', FakeEventSource)`,
 * and call `FakeEventSource.reset()` before each test.
 *
 * @example
 * ```ts
 * beforeEach(() => FakeEventSource.reset());
 * const events = createWorkspaceEvents({ apiUri, tokenManager, EventSource: FakeEventSource });
 * events.subscribe(listener);
 * FakeEventSource.last().send({ type: 'element-update', elementType: 'connection', elementId: 'c1' });
 * ```
 */
export class FakeEventSource implements EventSourceLike {
  /** Every instance created since the last {@link FakeEventSource.reset}, oldest first. */
  static instances: FakeEventSource[] = [];

  /** Forgets every instance. */
  static reset(): void {
    FakeEventSource.instances = [];
  }

  /** The instances not closed yet. */
  static openInstances(): FakeEventSource[] {
    return FakeEventSource.instances.filter((source) => !source.closed);
  }

  /** The newest instance; throws when none was created. */
  static last(): FakeEventSource {
    const source = FakeEventSource.instances.at(-1);
    if (!source) throw new Error('no EventSource was created');
    return source;
  }

  readonly url: string;
  closed = false;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  /** Fires `open` (nothing once closed). */
  open(): void {
    this.dispatch('open');
  }

  /** Fires `message` with `data` (a string as is, anything else as JSON; nothing once closed). */
  send(data: unknown): void {
    this.dispatch('message', { data: typeof data === 'string' ? data : JSON.stringify(data) });
  }

  /** Fires `error` (nothing once closed). */
  fail(): void {
    this.dispatch('error');
  }

  /** The `token` query parameter of the stream's URL. */
  get token(): string | null {
    return new URL(this.url).searchParams.get('token');
  }

  private dispatch(type: string, event: { data?: unknown } = {}): void {
    if (this.closed) return;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}
