/** One keystroke in the search box, timed from its `input` event. */
export interface KeystrokeSample {
  value: string;
  /** Rows the filtered list must show for this value. */
  rows: number;
  /** Input event → the list's DOM shows exactly the filtered rows (React committed). */
  commitMs: number;
  /** Input event → the first frame painted after that commit. */
  paintMs: number;
}

/** What the page exposes to the bench as `window.__listBench`. */
export interface ListBenchProbes {
  /** performance.now() (ms since navigation start) when all rows were in the DOM. */
  rowsInDomAt: number | null;
  /** performance.now() after the first frame painted with all rows. */
  rowsPaintedAt: number | null;
  keystrokes: KeystrokeSample[];
  /** Keystrokes whose filtered list has not appeared yet. */
  pending: number;
}

declare global {
  interface Window {
    __listBench: ListBenchProbes;
  }
}

const ROW = '[data-slot="integrations-list-item"]';

/** Runs `then` after the next frame has been painted (rAF runs before paint; the task after it, after). */
function afterNextPaint(then: (at: number) => void): void {
  requestAnimationFrame(() => setTimeout(() => then(performance.now()), 0));
}

/**
 * Installs the page's probes: when the list first holds `expectedRows` rows, and for every
 * `input` in the search box, how long until the list shows exactly the rows matching the typed
 * text (by name or key, as the list filters) — committed to the DOM, and painted.
 */
export function installListProbes(expectedRows: number): void {
  const probes: ListBenchProbes = { rowsInDomAt: null, rowsPaintedAt: null, keystrokes: [], pending: 0 };
  window.__listBench = probes;
  let catalogue: Array<{ key: string; name: string }> = [];
  let lastNeedle = '';
  const rows = () => document.querySelectorAll<HTMLElement>(ROW);

  const firstRender = new MutationObserver(() => {
    if (rows().length < expectedRows) return;
    firstRender.disconnect();
    probes.rowsInDomAt = performance.now();
    catalogue = [...rows()].map((row) => ({
      key: row.dataset.integrationKey ?? '',
      name: row.querySelector('[data-slot="integrations-list-name"]')?.textContent ?? '',
    }));
    afterNextPaint((at) => (probes.rowsPaintedAt = at));
  });
  firstRender.observe(document.body, { childList: true, subtree: true });

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
      const shown = () => {
        const current = rows();
        if (current.length !== wanted.length) return false;
        return wanted.length === 0 || (current[0]?.dataset.integrationKey === wanted[0]?.key && current[current.length - 1]?.dataset.integrationKey === wanted[wanted.length - 1]?.key);
      };
      probes.pending++;
      let finished = false;
      const done = (commitAt: number) => {
        if (finished) return;
        finished = true;
        observer.disconnect();
        afterNextPaint((paintedAt) => {
          probes.keystrokes.push({ value, rows: wanted.length, commitMs: commitAt - startedAt, paintMs: paintedAt - startedAt });
          probes.pending--;
        });
      };
      // Mutation records arrive right after React's commit, so this times the commit itself.
      const observer = new MutationObserver(() => {
        if (shown()) done(performance.now());
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    },
    true,
  );
}
