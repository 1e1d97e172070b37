// Installed by bench/soak.bench.ts with Playwright's addInitScript, before any script of the page:
// counts what stays alive (pending timeouts, intervals, open EventSources, event listeners on
// page-wide targets, open popups) so the bench can compare the page after the kit is unmounted
// with the page before it was mounted. Plain JavaScript on purpose: it is injected as source text.
// Stored stacks are formatted at once and only for timers of a second or more (the suspects for a
// leak), so the probes hold no references that would keep the kit's objects alive.
(() => {
  const pendingTimeouts = new Map();
  const activeIntervals = new Map();
  const eventSources = [];
  const popups = [];
  const listenerTargets = new Set();
  const listenersOf = new WeakMap();
  const totals = { timeoutsSet: 0, intervalsSet: 0, eventSourcesOpened: 0, listenersAdded: 0, popupsOpened: 0 };

  const where = () => {
    const lines = String(new Error().stack ?? '').split('\n').slice(3, 12);
    return lines.map((line) => line.trim().replace(/https?:\/\/[^/]+\//g, '/')).join(' < ');
  };

  const nativeSetTimeout = window.setTimeout.bind(window);
  const nativeClearTimeout = window.clearTimeout.bind(window);
  const nativeSetInterval = window.setInterval.bind(window);
  const nativeClearInterval = window.clearInterval.bind(window);
  window.setTimeout = function setTimeout(handler, delay, ...args) {
    totals.timeoutsSet++;
    const ms = Number(delay) || 0;
    let id;
    const run =
      typeof handler === 'function'
        ? function (...callArgs) {
            pendingTimeouts.delete(id);
            return handler.apply(this, callArgs);
          }
        : handler;
    id = nativeSetTimeout(run, delay, ...args);
    pendingTimeouts.set(id, { delay: ms, at: ms >= 1000 ? where() : '' });
    return id;
  };
  window.setInterval = function setInterval(handler, delay, ...args) {
    totals.intervalsSet++;
    const id = nativeSetInterval(handler, delay, ...args);
    activeIntervals.set(id, { delay: Number(delay) || 0, at: where() });
    return id;
  };
  // Either clear function clears either kind of timer.
  window.clearTimeout = function clearTimeout(id) {
    pendingTimeouts.delete(id);
    activeIntervals.delete(id);
    return nativeClearTimeout(id);
  };
  window.clearInterval = function clearInterval(id) {
    pendingTimeouts.delete(id);
    activeIntervals.delete(id);
    return nativeClearInterval(id);
  };

  const NativeEventSource = window.EventSource;
  if (NativeEventSource) {
    window.EventSource = class EventSource extends NativeEventSource {
      constructor(url, init) {
        super(url, init);
        totals.eventSourcesOpened++;
        // The path only: the workspace stream carries the token in its query string.
        eventSources.push({ ref: new WeakRef(this), path: new URL(String(url), location.href).pathname });
      }
    };
  }

  const nativeOpen = window.open.bind(window);
  window.open = function open(...args) {
    const popup = nativeOpen(...args);
    totals.popupsOpened++;
    if (popup) popups.push(new WeakRef(popup));
    return popup;
  };

  const isPageWide = (target) =>
    target === window ||
    target === document ||
    target === document.documentElement ||
    target === document.body ||
    !(target instanceof Node);
  const label = (target) => {
    if (target === window) return 'window';
    if (target === document) return 'document';
    if (target === document.documentElement) return 'html';
    if (target === document.body) return 'body';
    return target?.constructor?.name ?? 'EventTarget';
  };
  const nativeAdd = EventTarget.prototype.addEventListener;
  const nativeRemove = EventTarget.prototype.removeEventListener;
  const keyOf = (type, options) => `${type}|${typeof options === 'boolean' ? options : !!options?.capture}`;
  EventTarget.prototype.addEventListener = function addEventListener(type, listener, options) {
    if (listener && isPageWide(this)) {
      let byKey = listenersOf.get(this);
      if (!byKey) {
        byKey = new Map();
        listenersOf.set(this, byKey);
        listenerTargets.add(this === window || this === document || this === document.documentElement || this === document.body ? { deref: () => this } : new WeakRef(this));
      }
      const key = keyOf(type, options);
      const set = byKey.get(key) ?? new Set();
      if (!set.has(listener)) totals.listenersAdded++;
      set.add(listener);
      byKey.set(key, set);
      if (typeof options === 'object' && options?.once) {
        // A `once` listener is gone after it ran; the signal option removes it too.
        const forget = () => set.delete(listener);
        nativeAdd.call(this, type, forget, { once: true, capture: !!options.capture });
      }
      if (typeof options === 'object' && options?.signal) {
        options.signal.addEventListener('abort', () => set.delete(listener), { once: true });
      }
    }
    return nativeAdd.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function removeEventListener(type, listener, options) {
    listenersOf.get(this)?.get(keyOf(type, options))?.delete(listener);
    return nativeRemove.call(this, type, listener, options);
  };

  window.__soakProbes = {
    totals,
    /** What is alive now. */
    snapshot() {
      const listeners = {};
      let listenerCount = 0;
      for (const ref of listenerTargets) {
        const target = ref.deref();
        if (!target) {
          listenerTargets.delete(ref);
          continue;
        }
        // A closed EventSource's listeners go with it.
        if (typeof NativeEventSource === 'function' && target instanceof NativeEventSource && target.readyState === 2) continue;
        for (const [key, set] of listenersOf.get(target) ?? []) {
          if (set.size === 0) continue;
          const name = `${label(target)} ${key.split('|')[0]}`;
          listeners[name] = (listeners[name] ?? 0) + set.size;
          listenerCount += set.size;
        }
      }
      const openSources = eventSources
        .map((entry) => ({ source: entry.ref.deref(), path: entry.path }))
        .filter((entry) => entry.source && entry.source.readyState !== 2)
        .map((entry) => entry.path);
      return {
        timeouts: [...pendingTimeouts.values()].map((timer) => ({ ...timer })),
        intervals: [...activeIntervals.values()].map((timer) => ({ ...timer })),
        listenerCount,
        listeners,
        eventSources: openSources,
        // Lazy chunks add <link rel="modulepreload"> / stylesheet elements (with load and error
        // listeners) to <head>: the bundler's, kept for the page's life, not a leak of the kit.
        headElements: [...document.head.children].map((element) => element.tagName.toLowerCase() + (element.getAttribute('rel') ? `[${element.getAttribute('rel')}]` : '')),
        popupsOpen: popups.map((ref) => ref.deref()).filter((popup) => popup && !popup.closed).length,
        totals: { ...totals },
      };
    },
  };
})();
