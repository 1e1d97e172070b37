/** One keystroke in the search box, timed from its `input` event. */
export interface KeystrokeSample {
  value: string;
  /** Integrations matching this value (the list may render only the first of them). */
  matches: number;
  /** Rows in the DOM once the list showed this value's matches. */
  rows: number;
  /** Input event → the list's DOM shows the first matching rows, in order (React committed). */
  commitMs: number;
  /** Input event → the first frame painted after that commit. */
  paintMs: number;
}

/** The integrations the emulator serves, in the server's order (given to the page by the bench). */
export type ListBenchCatalogue = Array<{ key: string; name: string }>;

/** What the page exposes to the bench as `window.__listBench`. */
export interface ListBenchProbes {
  /** performance.now() (ms since navigation start) when the list first showed its rows. */
  rowsInDomAt: number | null;
  /** performance.now() after the first frame painted with those rows. */
  rowsPaintedAt: number | null;
  /** Rows in the DOM at first render (all of them, or the list's first batch). */
  firstRows: number | null;
  keystrokes: KeystrokeSample[];
  /** Keystrokes whose filtered list has not appeared yet. */
  pending: number;
}

declare global {
  interface Window {
    __listBench: ListBenchProbes;
    __listBenchCatalogue?: ListBenchCatalogue;
  }
}

const ROW = '[data-slot="integrations-list-item"]';
const SHOW_MORE = '[data-slot="integrations-list-show-more"]';

/** Runs `then` after the next frame has been painted (rAF runs before paint; the task after it, after). */
function afterNextPaint(then: (at: number) => void): void {
  requestAnimationFrame(() => setTimeout(() => then(performance.now()), 0));
}

/** Rows a user can see: rendered and not hidden (a list may hide rows instead of unmounting them). */
function renderedKeys(): string[] {
  const keys: string[] = [];
  for (const row of document.querySelectorAll<HTMLElement>(ROW)) {
    if (!row.hidden && row.closest('[hidden]') === null) keys.push(row.dataset.integrationKey ?? '');
  }
  return keys;
}

/**
 * Whether the list shows `wanted`: its rendered rows are exactly the first matches in order, and
 * either every match is rendered or the list offers to show more (it renders in batches).
 */
function shows(wanted: ListBenchCatalogue): boolean {
  const keys = renderedKeys();
  if (keys.length === 0 || keys.length > wanted.length) return wanted.length === 0 && keys.length === 0;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== wanted[i]!.key) return false;
  return keys.length === wanted.length || document.querySelector(SHOW_MORE) !== null;
}

/**
 * Installs the page's probes: when the list first shows its rows, and for every `input` in the
 * search box, how long until the list shows the rows matching the typed text (by name or key, as
 * the list filters) — committed to the DOM, and painted. Matches are computed from the catalogue
 * the bench injects (`window.__listBenchCatalogue`), not from the DOM, since a list may render
 * only its first rows.
 */
export function installListProbes(): void {
  const catalogue = window.__listBenchCatalogue;
  if (!catalogue || catalogue.length === 0) throw new Error('The bench must set window.__listBenchCatalogue before the page loads.');
  const probes: ListBenchProbes = { rowsInDomAt: null, rowsPaintedAt: null, firstRows: null, keystrokes: [], pending: 0 };
  window.__listBench = probes;
  let lastNeedle = '';

  const firstRender = new MutationObserver(() => {
    const at = performance.now();
    if (!shows(catalogue)) return;
    firstRender.disconnect();
    probes.rowsInDomAt = at;
    probes.firstRows = renderedKeys().length;
    afterNextPaint((at) => (probes.rowsPaintedAt = at));
  });
  firstRender.observe(document.body, { childList: true, subtree: true, attributes: true });

  document.addEventListener(
    'input',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.dataset.slot !== 'integrations-list-search') return;
      const startedAt = performance.now();
      const value = input.value;
      const needle = value.trim().toLowerCase();
      // Same filter as before (e.g. a trailing space): nothing to render, nothing to time.
      if (needle === lastNeedle) return;
      lastNeedle = needle;
      const wanted = catalogue.filter((item) => needle === '' || item.name.toLowerCase().includes(needle) || item.key.toLowerCase().includes(needle));
      probes.pending++;
      let finished = false;
      const done = (commitAt: number) => {
        if (finished) return;
        finished = true;
        observer.disconnect();
        const rows = renderedKeys().length;
        afterNextPaint((paintedAt) => {
          probes.keystrokes.push({ value, matches: wanted.length, rows, commitMs: commitAt - startedAt, paintMs: paintedAt - startedAt });
          probes.pending--;
        });
      };
      // Mutation records arrive right after React's commit, so this times the commit itself.
      const observer = new MutationObserver(() => {
        const at = performance.now();
        if (shows(wanted)) done(at);
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    },
    true,
  );
}
