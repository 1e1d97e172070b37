// @vitest-environment node
// Server rendering of ModalDialog, in a Node environment (no `window`, as on a real server) on React
// 19 (`dom`) and 18.3 (`dom-react18`). Not in ModalDialog.test.tsx: under jsdom `window` exists, so
// useIsomorphicLayoutEffect picks useLayoutEffect and React 18's renderToString warns
// "useLayoutEffect does nothing on the server", which no real server render would print.
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ModalDialog } from './ModalDialog.js';
import { ModalDialogTitle } from './ModalDialogTitle.js';

describe('ModalDialog on the server', () => {
  it('renders without touching the DOM (shown only once hydrated) and without a React warning', () => {
    expect(typeof window).toBe('undefined');
    const consoleError = vi.spyOn(console, 'error');
    const html = renderToString(
      <ModalDialog open onOpenChange={() => undefined} role="alertdialog">
        <ModalDialogTitle>Server</ModalDialogTitle>
      </ModalDialog>,
    );
    expect(html).toContain('<dialog');
    expect(html).toContain('role="alertdialog"');
    expect(html).not.toMatch(/<dialog[^>]* open/);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
