/** Timeouts of the 0.28 SDK's `openIframeWithPost` (membrane-sdk-0.28.md §2, mjs 14323-14325). */
export const SCREEN_SLOW_MS = 5_000;
/** See {@link SCREEN_SLOW_MS}. */
export const SCREEN_FAILED_MS = 30_000;
/** See {@link SCREEN_SLOW_MS}. */
export const SCREEN_HANDSHAKE_AFTER_LOAD_MS = 3_000;

/** The parent methods a screen may call (penpal v6 `synAck.methodNames`), as the SDK exposes them. */
const METHOD_NAMES = ['handshake', 'onSuccess', 'onClose', 'close'] as const;

/** Options of {@link openHostedScreen}. */
export interface OpenHostedScreenOptions {
  /** Absolute URL of the screen on the API origin, e.g. `https://api.getmembrane.com/screens/connect`. */
  url: string;
  /** Form fields posted to it (`token` included; `undefined` values are left out). */
  fields: Record<string, string | undefined>;
  /** Accessible name of the overlay. Default `Membrane`. */
  label?: string;
  /** Texts of the overlay's own notices. */
  texts?: { loading?: string; slow?: string; failed?: string; close?: string };
}

/** An open hosted screen. */
export interface HostedScreen {
  /** Settles when the overlay closes: the connection the screen reported (`onSuccess`), else `null`. Never rejects. */
  result: Promise<unknown>;
  /** Closes the overlay now (`result` settles as on Close). */
  close(): void;
}

// One overlay per document, as in the SDK; unlike the SDK, a replaced one resolves `null`.
const openScreens = new WeakMap<Document, () => void>();

const OVERLAY_STYLE =
  'position:fixed;inset:0;z-index:2147483000;display:flex;align-items:center;justify-content:center;background:rgba(15,18,26,.55)';
const FRAME_STYLE = 'position:absolute;inset:0;width:100%;height:100%;border:0;background:transparent';
const NOTICE_STYLE =
  'position:relative;z-index:1;max-width:320px;padding:16px 20px;border-radius:12px;background:#fff;color:#1d2230;font:15px/1.45 system-ui,sans-serif;box-shadow:0 8px 32px rgba(0,0,0,.3);text-align:center';

/**
 * Opens one of Membrane's 0.28 hosted screens without the SDK: a form POST (the token in the body)
 * into an iframe in a full-viewport overlay, and a hand-written penpal v6 **parent**
 * (docs/membrane-api.md §4): it answers `syn` with `synAck` listing `handshake`, `onSuccess`,
 * `onClose` and `close`, and takes calls only after `ack`, only from that iframe's window and
 * only from the screen's origin. Like the SDK (membrane-sdk-0.28.md §2) it shows "Taking longer than
 * expected" after 5 s and "Unable to connect" after 30 s or 3 s after a load without a handshake,
 * each with a Close button; unlike the SDK it always settles: Close, Escape, `close()`, the screen's
 * `close`/`onClose`, or opening another screen resolve `result`. Focus moves into the overlay,
 * stays there and returns to where it was; the page does not scroll meanwhile; the overlay is
 * removed from the DOM afterwards.
 *
 * @example
 * ```ts
 * const screen = openHostedScreen({
 *   url: 'https://api.getmembrane.com/screens/connect',
 *   fields: { token, integrationKey: 'hubspot', allowMultipleConnections: '' },
 * });
 * const connection = await screen.result; // null when the user closed it
 * ```
 */
export function openHostedScreen(options: OpenHostedScreenOptions): HostedScreen {
  const doc = document;
  const view = doc.defaultView ?? window;
  const childOrigin = new URL(options.url).origin;
  const texts = { loading: 'Loading…', slow: 'Taking longer than expected', failed: 'Unable to connect', close: 'Close', ...options.texts };
  openScreens.get(doc)?.();

  let resolve!: (value: unknown) => void;
  const result = new Promise<unknown>((done) => (resolve = done));
  let connection: unknown = null;
  let acked = false;
  let handshaken = false;
  let finished = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };
  const clearTimers = () => {
    timers.forEach(clearTimeout);
    timers.clear();
  };

  const returnFocus = doc.activeElement instanceof view.HTMLElement ? doc.activeElement : null;
  const overlay = doc.createElement('div');
  overlay.setAttribute('data-mk-hosted-screen', '');
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-label', options.label ?? 'Membrane');
  overlay.tabIndex = -1;
  overlay.style.cssText = OVERLAY_STYLE;
  const loader = doc.createElement('div');
  loader.setAttribute('role', 'status');
  loader.setAttribute('data-slot', 'loader');
  loader.style.cssText = `${NOTICE_STYLE};z-index:0`;
  loader.textContent = texts.loading;
  const name = `mk-hosted-screen-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const iframe = doc.createElement('iframe');
  iframe.name = name;
  iframe.title = options.label ?? 'Membrane';
  iframe.setAttribute('allow', 'clipboard-write *');
  iframe.style.cssText = FRAME_STYLE;
  overlay.append(loader, iframe);

  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimers();
    view.removeEventListener('message', onMessage);
    doc.removeEventListener('keydown', onKeyDown, true);
    doc.removeEventListener('focusin', onFocusIn, true);
    overlay.remove();
    doc.documentElement.style.overflow = previousOverflow;
    if (openScreens.get(doc) === finish) openScreens.delete(doc);
    if (returnFocus?.isConnected) returnFocus.focus();
    resolve(connection);
  };

  const showNotice = (text: string, failed: boolean) => {
    overlay.querySelector('[data-slot="notice"]')?.remove();
    const notice = doc.createElement('div');
    notice.setAttribute('data-slot', 'notice');
    notice.setAttribute('role', failed ? 'alert' : 'status');
    if (failed) notice.setAttribute('data-failed', '');
    notice.style.cssText = NOTICE_STYLE;
    const paragraph = doc.createElement('p');
    paragraph.style.margin = '0 0 12px';
    paragraph.textContent = text;
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = texts.close;
    button.addEventListener('click', finish);
    notice.append(paragraph, button);
    overlay.append(notice);
    if (failed) iframe.style.visibility = 'hidden';
    button.focus();
  };
  const fail = () => {
    clearTimers();
    showNotice(texts.failed, true);
  };

  const handlers: Record<(typeof METHOD_NAMES)[number], (...args: unknown[]) => void> = {
    handshake: () => {
      handshaken = true;
      clearTimers();
      loader.remove();
      overlay.querySelector('[data-slot="notice"]')?.remove();
      iframe.style.visibility = '';
    },
    onSuccess: (value) => {
      if (connection === null && value !== null && typeof value === 'object') connection = value;
    },
    onClose: finish,
    close: finish,
  };

  function onMessage(event: MessageEvent) {
    if (finished || event.source !== iframe.contentWindow || event.origin !== childOrigin) return;
    const data = event.data as { penpal?: unknown; id?: unknown; methodName?: unknown; args?: unknown } | null;
    if (!data || typeof data !== 'object') return;
    const source = event.source as Window;
    if (data.penpal === 'syn') {
      // A screen that navigates (another screen, a reload) handshakes again.
      acked = false;
      source.postMessage({ penpal: 'synAck', methodNames: [...METHOD_NAMES] }, childOrigin);
    } else if (data.penpal === 'ack') {
      acked = true;
    } else if (data.penpal === 'call' && acked && typeof data.methodName === 'string') {
      const method = (METHOD_NAMES as readonly string[]).includes(data.methodName) ? handlers[data.methodName as (typeof METHOD_NAMES)[number]] : undefined;
      const reply = method
        ? { penpal: 'reply', id: data.id, resolution: 'fulfilled', returnValue: undefined }
        : { penpal: 'reply', id: data.id, resolution: 'rejected', returnValue: `No method ${data.methodName}` };
      source.postMessage(reply, childOrigin);
      method?.(...(Array.isArray(data.args) ? (data.args as unknown[]) : []));
    }
  }

  // A modal overlay: focus that leaves it (Tab past the end, a script) comes back to it.
  function onFocusIn(event: FocusEvent) {
    if (event.target instanceof view.Node && !overlay.contains(event.target)) overlay.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    finish();
  }

  openScreens.set(doc, finish);
  view.addEventListener('message', onMessage);
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('focusin', onFocusIn, true);
  const previousOverflow = doc.documentElement.style.overflow;
  doc.documentElement.style.overflow = 'hidden';
  doc.body.append(overlay);
  overlay.focus();

  const form = doc.createElement('form');
  form.method = 'POST';
  form.action = options.url;
  form.target = name;
  form.hidden = true;
  for (const [field, value] of Object.entries(options.fields)) {
    if (value === undefined) continue;
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = field;
    input.value = value;
    form.append(input);
  }
  doc.body.append(form);
  form.submit();
  form.remove();

  iframe.addEventListener('load', () => {
    if (!handshaken && !finished) later(SCREEN_HANDSHAKE_AFTER_LOAD_MS, () => !handshaken && fail());
  });
  iframe.addEventListener('error', () => !finished && fail());
  later(SCREEN_SLOW_MS, () => showNotice(texts.slow, false));
  later(SCREEN_FAILED_MS, fail);

  return { result, close: finish };
}
