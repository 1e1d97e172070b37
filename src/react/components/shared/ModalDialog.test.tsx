import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useRef, useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ModalDialog, type ModalDialogProps } from './ModalDialog.js';
import { ModalDialogClose } from './ModalDialogClose.js';
import { ModalDialogDescription } from './ModalDialogDescription.js';
import { ModalDialogTitle } from './ModalDialogTitle.js';

type HarnessProps = Partial<Omit<ModalDialogProps, 'returnFocusTo' | 'initialFocus'>> & {
  focusCancel?: boolean;
  onChange?: (open: boolean) => void;
  children?: ReactNode;
};

/** A trigger that opens a dialog with a title, a description, a text field and two buttons. */
function Harness({ focusCancel, onChange, children, ...props }: HarnessProps) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={trigger} type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <ModalDialog
        open={open}
        onOpenChange={(next) => {
          onChange?.(next);
          setOpen(next);
        }}
        returnFocusTo={trigger}
        initialFocus={focusCancel ? cancel : undefined}
        {...props}
      >
        <ModalDialogTitle>Delete the file?</ModalDialogTitle>
        <ModalDialogDescription>It cannot be undone.</ModalDialogDescription>
        <input aria-label="Reason" />
        <ModalDialogClose asChild>
          <button ref={cancel} type="button">
            Cancel
          </button>
        </ModalDialogClose>
        <button type="button">Delete</button>
        {children}
      </ModalDialog>
    </>
  );
}

/** jsdom has no PointerEvent: a MouseEvent of that type carries the coordinates React reads. */
function press(target: Element, clientX: number, clientY: number) {
  fireEvent(target, new MouseEvent('pointerdown', { bubbles: true, cancelable: true, clientX, clientY }));
}

async function openHarness(props: HarnessProps = {}) {
  const user = userEvent.setup();
  const view = render(<Harness {...props} />);
  await user.click(screen.getByRole('button', { name: 'Open' }));
  return { user, view };
}

describe('ModalDialog', () => {
  it('renders nothing while closed, then a modal dialog named and described by its parts', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(document.querySelector('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the file?' });
    expect(dialog).toHaveAccessibleDescription('It cannot be undone.');
    expect(dialog).toHaveAttribute('open');
    expect(dialog.tagName).toBe('DIALOG');
    expect(screen.getByRole('heading', { level: 2, name: 'Delete the file?' })).toBeInTheDocument();
  });

  it('focuses the first tabbable element, or initialFocus when given', async () => {
    const { view } = await openHarness();
    expect(screen.getByRole('textbox', { name: 'Reason' })).toHaveFocus();
    view.unmount();
    await openHarness({ focusCancel: true });
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  });

  it('closes on Escape through the cancel event and returns focus to the trigger', async () => {
    const onChange = vi.fn();
    const { user } = await openHarness({ onChange });
    await user.keyboard('{Escape}');
    expect(onChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('keeps React state the source of truth: a cancel is prevented and only reported', () => {
    const onOpenChange = vi.fn();
    render(
      <ModalDialog open onOpenChange={onOpenChange}>
        <ModalDialogTitle>Still here</ModalDialogTitle>
      </ModalDialog>,
    );
    const dialog = screen.getByRole<HTMLDialogElement>('dialog', { name: 'Still here' });
    const notCancelled = dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(notCancelled).toBe(false);
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(dialog.open).toBe(true);
  });

  it('reports a close the browser made on its own (Escape without user activation)', () => {
    const onOpenChange = vi.fn();
    render(
      <ModalDialog open onOpenChange={onOpenChange}>
        <ModalDialogTitle>Closing</ModalDialogTitle>
      </ModalDialog>,
    );
    act(() => screen.getByRole<HTMLDialogElement>('dialog').close());
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('closes from ModalDialogClose, unless its onClick prevents the default', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    render(
      <ModalDialog open onOpenChange={onOpenChange}>
        <ModalDialogTitle>Parts</ModalDialogTitle>
        <ModalDialogClose>Close</ModalDialogClose>
        <ModalDialogClose onClick={(event) => event.preventDefault()}>Keep</ModalDialogClose>
      </ModalDialog>,
    );
    expect(screen.getByRole('button', { name: 'Close' })).toHaveAttribute('type', 'button');
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(onOpenChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each([
    ['dialog', true],
    ['alertdialog', false],
  ] as const)('role="%s": a backdrop click closes it: %s (a click inside never does)', async (role, closes) => {
    const onChange = vi.fn();
    await openHarness({ role, onChange });
    const dialog = screen.getByRole(role, { name: 'Delete the file?' });
    // jsdom lays nothing out (the dialog's box is 0×0 at 0,0): 400,400 is outside it, on the backdrop.
    press(screen.getByText('It cannot be undone.'), 400, 400);
    fireEvent.click(screen.getByText('It cannot be undone.'), { clientX: 400, clientY: 400 });
    expect(onChange).not.toHaveBeenCalled();
    // Pressed inside, released outside (a text selection dragged out): not a dismissal.
    press(dialog, 0, 0);
    fireEvent.click(dialog, { clientX: 400, clientY: 400 });
    expect(onChange).not.toHaveBeenCalled();
    press(dialog, 400, 400);
    fireEvent.click(dialog, { clientX: 400, clientY: 400 });
    expect(onChange).toHaveBeenCalledTimes(closes ? 1 : 0);
    expect(screen.queryByRole(role) === null).toBe(closes);
  });

  it('dismissOnBackdrop={false} keeps a plain dialog open on a backdrop click', async () => {
    const onChange = vi.fn();
    await openHarness({ dismissOnBackdrop: false, onChange });
    const dialog = screen.getByRole('dialog');
    press(dialog, 400, 400);
    fireEvent.click(dialog, { clientX: 400, clientY: 400 });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const { user } = await openHarness();
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    const remove = screen.getByRole('button', { name: 'Delete' });
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(remove).toHaveFocus();
    await user.tab();
    expect(reason).toHaveFocus();
    await user.tab({ shift: true });
    expect(remove).toHaveFocus();
  });

  it('skips disabled, hidden and unchecked grouped radios when cycling', async () => {
    const { user } = await openHarness({
      children: (
        <>
          <button type="button" disabled>
            Disabled
          </button>
          <div hidden>
            <button type="button">Hidden</button>
          </div>
          <input type="radio" name="plan" aria-label="Free" />
          <input type="radio" name="plan" aria-label="Pro" defaultChecked />
        </>
      ),
    });
    screen.getByRole('button', { name: 'Delete' }).focus();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Pro' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Reason' })).toHaveFocus();
  });

  it('locks the body scroll while open and restores the inline styles exactly', async () => {
    document.body.removeAttribute('style');
    const { user } = await openHarness();
    expect(document.body.style.getPropertyValue('overflow')).toBe('hidden');
    await user.keyboard('{Escape}');
    expect(document.body.hasAttribute('style')).toBe(false);

    document.body.style.setProperty('overflow', 'scroll');
    document.body.style.setProperty('padding-right', '3px', 'important');
    const before = document.body.getAttribute('style');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(document.body.style.getPropertyValue('overflow')).toBe('hidden');
    await user.keyboard('{Escape}');
    expect(document.body.getAttribute('style')).toBe(before);
    document.body.removeAttribute('style');
  });

  it('keeps the lock until the last of two overlapping dialogs closes', () => {
    document.body.removeAttribute('style');
    const dialogs = (first: boolean, second: boolean) => (
      <>
        <ModalDialog open={first} onOpenChange={() => undefined} aria-label="First" />
        <ModalDialog open={second} onOpenChange={() => undefined} aria-label="Second" />
      </>
    );
    const { rerender } = render(dialogs(true, false));
    rerender(dialogs(true, true));
    rerender(dialogs(false, true));
    expect(document.body.style.overflow).toBe('hidden');
    rerender(dialogs(false, false));
    expect(document.body.hasAttribute('style')).toBe(false);
  });

  it('works under StrictMode: open once, focus inside, no spurious onOpenChange, focus returned', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <StrictMode>
        <Harness onChange={onChange} focusCancel />
      </StrictMode>,
    );
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.getByRole('dialog')).toHaveAttribute('open');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(document.body.style.overflow).toBe('hidden');
    expect(onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
    expect(document.body.hasAttribute('style')).toBe(false);
  });

  it('returns focus to what had it before when there is no returnFocusTo', async () => {
    const user = userEvent.setup();
    function Uncontrolled() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Show
          </button>
          <ModalDialog open={open} onOpenChange={setOpen} aria-label="Plain">
            <ModalDialogClose>Done</ModalDialogClose>
          </ModalDialog>
        </>
      );
    }
    render(<Uncontrolled />);
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('button', { name: 'Show' })).toHaveFocus();
  });

  it('takes the theme from the kit and passes attributes through, className last', () => {
    render(
      <ModalDialog
        open
        onOpenChange={() => undefined}
        kit={{ inProvider: false, unstyled: false, theme: 'dark' }}
        className="mine"
        data-slot="my-dialog"
        aria-busy
      >
        <ModalDialogTitle className="title">Themed</ModalDialogTitle>
        <ModalDialogDescription>Text</ModalDialogDescription>
      </ModalDialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Themed' });
    expect(dialog).toHaveClass('mk-root', 'mk-Dialog-content', 'mine');
    expect(dialog.className.endsWith('mine')).toBe(true);
    expect(dialog).toHaveAttribute('data-mk-theme', 'dark');
    expect(dialog).toHaveAttribute('data-slot', 'my-dialog');
    expect(dialog).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('heading')).toHaveClass('mk-Dialog-title', 'title');
    expect(screen.getByText('Text')).toHaveClass('mk-Dialog-description');
  });

  it('inside a provider (tokens above it) and unstyled: no theme root, no kit classes', () => {
    const { rerender } = render(
      <ModalDialog open onOpenChange={() => undefined} kit={{ inProvider: true, unstyled: false, theme: 'dark' }} aria-label="In provider" />,
    );
    expect(screen.getByRole('dialog')).not.toHaveAttribute('data-mk-theme');
    expect(screen.getByRole('dialog')).toHaveClass('mk-Dialog-content', { exact: true });
    rerender(<ModalDialog open onOpenChange={() => undefined} kit={{ inProvider: false, unstyled: true, theme: 'dark' }} aria-label="Unstyled" />);
    expect(screen.getByRole('dialog')).not.toHaveAttribute('class');
    expect(screen.getByRole('dialog')).toHaveAttribute('data-mk-theme', 'dark');
  });

  it('names the part used outside a ModalDialog', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<ModalDialogTitle>Lost</ModalDialogTitle>)).toThrow('<ModalDialogTitle> must be rendered inside <ModalDialog>.');
    expect(() => render(<ModalDialogClose>Lost</ModalDialogClose>)).toThrow('<ModalDialogClose> must be rendered inside <ModalDialog>.');
  });
});
