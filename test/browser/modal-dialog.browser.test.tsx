import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { useRef, useState } from 'react';
import { userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/styles/styles.css';
import { IntegrationsList, MembraneKitProvider, resetSharedKits, type MembraneKitTheme } from '../../src/index.ts';
import { ModalDialog } from '../../src/react/components/shared/ModalDialog.tsx';
import { ModalDialogClose } from '../../src/react/components/shared/ModalDialogClose.tsx';
import { ModalDialogDescription } from '../../src/react/components/shared/ModalDialogDescription.tsx';
import { ModalDialogTitle } from '../../src/react/components/shared/ModalDialogTitle.tsx';
import { emulator, getToken, resetEmulator } from './emulator.ts';

/** Same rule set as components-a11y: WCAG 2.x A/AA and 2.2 AA, violations listed readably. */
async function expectNoAxeViolations(context: Element = document.body) {
  const results = await axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  });
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
  );
  expect(summary).toEqual([]);
}

const center = (element: Element) => {
  const box = element.getBoundingClientRect();
  return [box.left + box.width / 2, box.top + box.height / 2] as const;
};

function Page({ role = 'dialog', theme = 'light', onBehind }: { role?: 'dialog' | 'alertdialog'; theme?: MembraneKitTheme; onBehind?: () => void }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <main className="mk-root" data-mk-theme={theme} style={{ background: 'var(--mk-color-bg)', padding: 16, minBlockSize: '300vh' }}>
      <h1 style={{ color: 'var(--mk-color-text)' }}>Settings</h1>
      <button type="button" className="mk-Button" onClick={onBehind}>
        Behind
      </button>
      <button ref={trigger} type="button" className="mk-Button" onClick={() => setOpen(true)}>
        Open
      </button>
      <ModalDialog
        role={role}
        open={open}
        onOpenChange={setOpen}
        kit={{ inProvider: true, unstyled: false, theme }}
        returnFocusTo={trigger}
        initialFocus={role === 'alertdialog' ? cancel : undefined}
        data-slot="test-dialog"
      >
        <ModalDialogTitle>Remove the webhook?</ModalDialogTitle>
        <ModalDialogDescription>Events stop arriving at once.</ModalDialogDescription>
        <label className="mk-Form-label">
          Reason <input className="mk-Input" />
        </label>
        <div className="mk-Dialog-footer">
          <ModalDialogClose asChild>
            <button ref={cancel} type="button" className="mk-Button" data-variant="secondary">
              Cancel
            </button>
          </ModalDialogClose>
          <button type="button" className="mk-Button" data-variant="danger">
            Remove
          </button>
        </div>
      </ModalDialog>
    </main>
  );
}

async function openPage(props: Parameters<typeof Page>[0] = {}) {
  render(<Page {...props} />);
  await userEvent.click(screen.getByRole('button', { name: 'Open' }));
  const dialog = await screen.findByRole(props.role ?? 'dialog', { name: 'Remove the webhook?' });
  return dialog as HTMLDialogElement;
}

beforeEach(() => {
  document.body.removeAttribute('style');
  window.scrollTo(0, 0);
});
afterEach(() => {
  cleanup();
  resetSharedKits();
});

describe('ModalDialog in Chromium', () => {
  it('is a real modal: top layer, the page behind neither focusable nor clickable', async () => {
    const onBehind = vi.fn();
    const dialog = await openPage({ onBehind });
    expect(dialog.matches(':modal')).toBe(true);
    const behind = screen.getByRole('button', { name: 'Behind', hidden: true });
    behind.focus();
    expect(behind).not.toHaveFocus();
    // What a pointer would hit over the button behind: the dialog's backdrop, not the button.
    const hit = document.elementFromPoint(...center(behind));
    expect(hit).toBe(dialog);
    // A real click there (forced past Playwright's own "is it covered?" check) lands on the backdrop.
    await userEvent.click(behind, { force: true });
    expect(onBehind).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('moves focus in, keeps Tab inside, and Escape closes and returns focus to the trigger', async () => {
    const dialog = await openPage();
    expect(within(dialog).getByRole('textbox', { name: 'Reason' })).toHaveFocus();
    const visited: string[] = [];
    for (let step = 0; step < 7; step += 1) {
      await userEvent.keyboard('{Tab}');
      expect(dialog.contains(document.activeElement)).toBe(true);
      visited.push(document.activeElement?.textContent || document.activeElement?.tagName || '');
    }
    expect(visited).toEqual(['Cancel', 'Remove', 'INPUT', 'Cancel', 'Remove', 'INPUT', 'Cancel']);
    await userEvent.keyboard('{Shift>}{Tab}{Tab}{/Shift}');
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Remove' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('an alertdialog focuses its initialFocus and ignores the backdrop; Escape still closes it', async () => {
    const dialog = await openPage({ role: 'alertdialog' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Behind', hidden: true }), { force: true });
    expect(dialog.isConnected && dialog.open).toBe(true);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('a dialog closes on a backdrop click, not on a click inside it', async () => {
    const dialog = await openPage();
    await userEvent.click(within(dialog).getByText('Events stop arriving at once.'));
    await userEvent.click(dialog, { position: { x: 4, y: 4 } });
    expect(dialog.open).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Behind', hidden: true }), { force: true });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('locks the page scroll while open and restores the body exactly, scroll position kept', async () => {
    render(<Page />);
    document.body.style.setProperty('overflow', 'auto');
    const before = document.body.getAttribute('style');
    screen.getByRole('button', { name: 'Open' }).focus({ preventScroll: true });
    window.scrollTo(0, 40);
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('dialog');
    expect(getComputedStyle(document.body).overflow).toBe('hidden');
    expect(window.scrollY).toBe(40);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.getAttribute('style')).toBe(before);
    expect(window.scrollY).toBe(40);
  });

  describe.each<MembraneKitTheme>(['light', 'dark'])('in the %s theme', (theme) => {
    it('is centred, dims the page with its backdrop, and passes axe', async () => {
      const dialog = await openPage({ theme });
      // Let the open animation (a slight translate and scale) finish: final position and colours.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [x, y] = center(dialog);
      expect(Math.abs(x - window.innerWidth / 2)).toBeLessThan(2);
      expect(Math.abs(y - window.innerHeight / 2)).toBeLessThan(2);
      expect(getComputedStyle(dialog, '::backdrop').backgroundColor).toBe(theme === 'dark' ? 'rgba(0, 0, 0, 0.65)' : 'rgba(15, 18, 25, 0.5)');
      await expectNoAxeViolations();
    });
  });
});

describe('the disconnect confirmation in a list row (content-visibility, overflow hidden around it)', () => {
  beforeEach(() => resetEmulator());

  it('escapes the row: centred in the viewport, backdrop over the whole page, focus back on the row button', async () => {
    render(
      <MembraneKitProvider fetchToken={() => getToken()} apiUri={emulator().apiUri} theme="dark">
        <IntegrationsList />
      </MembraneKitProvider>,
    );
    const trigger = await screen.findByRole('button', { name: 'Disconnect HubSpot' }, { timeout: 10_000 });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('alertdialog', { name: 'Disconnect HubSpot?' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dialog.matches(':modal')).toBe(true);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    const [x, y] = center(dialog);
    expect(Math.abs(x - window.innerWidth / 2)).toBeLessThan(2);
    expect(Math.abs(y - window.innerHeight / 2)).toBeLessThan(2);
    expect(document.elementFromPoint(2, 2)).toBe(dialog);
    // The provider's dark tokens reach it by inheritance (no portal, no data-mk-theme of its own).
    expect(dialog).not.toHaveAttribute('data-mk-theme');
    expect(getComputedStyle(dialog).color).toBe('rgb(236, 238, 242)');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(trigger).toHaveFocus();
  });
});
