import { useId, useMemo, useRef, type ComponentPropsWithoutRef, type MouseEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { ResolvedKit } from '../../kit/useKit.js';
import { cn } from '../../utils/cn.js';
import { themeRootProps } from '../../utils/themeRootProps.js';
import { useIsomorphicLayoutEffect } from '../../utils/useIsomorphicLayoutEffect.js';
import { getTabbables } from './getTabbables.js';
import { lockBodyScroll } from './lockBodyScroll.js';
import { ModalDialogContext, type ModalDialogContextValue } from './ModalDialogContext.js';

/** Props of {@link ModalDialog}. Any other `<dialog>` attribute (`data-slot`, `aria-busy`, `data-*`…) is passed through. */
export interface ModalDialogProps extends Omit<ComponentPropsWithoutRef<'dialog'>, 'open' | 'role'> {
  /**
   * Controlled: the dialog is shown (`showModal()`, top layer, the rest of the page inert) while
   * `true`, and not rendered at all while `false`.
   * @example <ModalDialog open={open} onOpenChange={setOpen}>…</ModalDialog>
   */
  open: boolean;
  /**
   * Called with `false` when the user asks to close: Escape (the native `cancel` event, whose own
   * closing is prevented so `open` stays the source of truth), a backdrop click (when
   * `dismissOnBackdrop`), or a `ModalDialogClose`.
   * @example <ModalDialog open={open} onOpenChange={setOpen}>…</ModalDialog>
   */
  onOpenChange: (open: boolean) => void;
  /**
   * `'alertdialog'` for a confirmation that interrupts the user (no backdrop dismissal by default).
   * @default 'dialog'
   * @example <ModalDialog role="alertdialog" open={open} onOpenChange={setOpen}>…</ModalDialog>
   */
  role?: 'dialog' | 'alertdialog';
  /**
   * Focus goes here when the dialog closes or unmounts; without it, to whatever had focus when it opened.
   * @example <ModalDialog returnFocusTo={triggerRef} open={open} onOpenChange={setOpen}>…</ModalDialog>
   */
  returnFocusTo?: RefObject<HTMLElement | null>;
  /**
   * Focused when the dialog opens. Without it: an element with the `autofocus` attribute, else the
   * first tabbable element, else the dialog itself. (React's `autoFocus` prop runs before the dialog
   * is shown, so it cannot work here: use this.)
   * @example <ModalDialog initialFocus={cancelRef} open={open} onOpenChange={setOpen}>…</ModalDialog>
   */
  initialFocus?: RefObject<HTMLElement | null>;
  /**
   * Whether a click on the backdrop closes the dialog.
   * @default true for `role="dialog"`, false for `role="alertdialog"`
   * @example <ModalDialog dismissOnBackdrop={!busy} open={open} onOpenChange={setOpen}>…</ModalDialog>
   */
  dismissOnBackdrop?: boolean;
  /**
   * The resolved kit (or its theme settings): adds `mk-Dialog-content` (and `mk-Dialog-title` /
   * `mk-Dialog-description` on the parts) unless `unstyled`, and makes the dialog a theme root
   * (`mk-root` + `data-mk-theme`) when no kit element above it carries the tokens. Without it the
   * dialog is headless: only your `className`.
   * @example <ModalDialog kit={kit} open={open} onOpenChange={setOpen}>…</ModalDialog>
   */
  kit?: Pick<ResolvedKit, 'inProvider' | 'unstyled' | 'theme'>;
  children?: ReactNode;
}

/** The pointer went down on the backdrop: the dialog itself is the target, outside its own box. */
function isOnBackdrop(event: MouseEvent<HTMLDialogElement>): boolean {
  if (event.target !== event.currentTarget) return false;
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
}

function focusInitial(dialog: HTMLDialogElement, initial: HTMLElement | null | undefined) {
  const target = initial ?? dialog.querySelector<HTMLElement>('[autofocus]') ?? getTabbables(dialog)[0] ?? dialog;
  target.focus();
}

/**
 * An accessible modal on the native `<dialog>` element: `showModal()` puts it in the top layer and
 * makes the rest of the page inert, Escape arrives as `cancel`. Rendered in place (no portal), so it
 * inherits the tokens of the kit element around it. Adds a Tab cycle inside, initial focus, focus
 * return, a body scroll lock and backdrop dismissal. Label it with {@link ModalDialogTitle} and
 * {@link ModalDialogDescription}; close it with {@link ModalDialogClose} or by setting `open`.
 *
 * @example
 * ```tsx
 * <ModalDialog role="alertdialog" open={open} onOpenChange={setOpen} kit={kit}
 *   returnFocusTo={triggerRef} initialFocus={cancelRef} data-slot="disconnect-dialog">
 *   <ModalDialogTitle>Disconnect HubSpot?</ModalDialogTitle>
 *   <ModalDialogDescription>You can reconnect it later.</ModalDialogDescription>
 *   <ModalDialogClose asChild><button ref={cancelRef}>Cancel</button></ModalDialogClose>
 *   <button onClick={disconnect}>Disconnect</button>
 * </ModalDialog>
 * ```
 */
export function ModalDialog({
  open,
  onOpenChange,
  role = 'dialog',
  returnFocusTo,
  initialFocus,
  dismissOnBackdrop = role !== 'alertdialog',
  kit,
  className,
  children,
  onPointerDown,
  onClick,
  onKeyDown,
  ...rest
}: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const latest = useRef({ onOpenChange, returnFocusTo, initialFocus });
  useIsomorphicLayoutEffect(() => {
    latest.current = { onOpenChange, returnFocusTo, initialFocus };
  });
  const pressedBackdrop = useRef(false);
  const styled = !!kit && !kit.unstyled;

  const context = useMemo<ModalDialogContextValue>(
    () => ({ titleId, descriptionId, styled, close: () => latest.current.onOpenChange(false) }),
    [titleId, descriptionId, styled],
  );

  useIsomorphicLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!open || !dialog) return;
    const previous = dialog.ownerDocument.activeElement as HTMLElement | null;
    let asked = false;
    const requestClose = () => {
      if (asked) return;
      asked = true;
      latest.current.onOpenChange(false);
    };
    const onCancel = (event: Event) => {
      event.preventDefault();
      requestClose();
    };
    // Without recent user activation the browser may close on Escape despite preventDefault().
    const onClose = () => {
      if (!dialog.open) requestClose();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onClose);
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    const unlock = lockBodyScroll(dialog.ownerDocument);
    focusInitial(dialog, latest.current.initialFocus?.current);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onClose);
      unlock();
      if (dialog.open) {
        if (typeof dialog.close === 'function') dialog.close();
        else dialog.removeAttribute('open');
      }
      const target = latest.current.returnFocusTo?.current ?? previous;
      if (target?.isConnected) target.focus();
    };
  }, [open]);

  if (!open) return null;
  const themed = kit ? themeRootProps(kit) : undefined;
  return (
    <ModalDialogContext.Provider value={context}>
      <dialog
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        data-mk-theme={themed?.['data-mk-theme']}
        {...rest}
        ref={dialogRef}
        role={role === 'alertdialog' ? 'alertdialog' : undefined}
        tabIndex={-1}
        className={cn(themed?.rootClass, styled && 'mk-Dialog-content', className)}
        onPointerDown={(event) => {
          onPointerDown?.(event);
          pressedBackdrop.current = isOnBackdrop(event);
        }}
        onClick={(event) => {
          onClick?.(event);
          // Both ends on the backdrop: a text selection dragged out of the dialog is not a dismissal.
          if (!event.defaultPrevented && dismissOnBackdrop && pressedBackdrop.current && isOnBackdrop(event)) {
            latest.current.onOpenChange(false);
          }
          pressedBackdrop.current = false;
        }}
        onKeyDown={(event: KeyboardEvent<HTMLDialogElement>) => {
          onKeyDown?.(event);
          if (event.defaultPrevented || event.key !== 'Tab') return;
          const dialog = event.currentTarget;
          if ((event.target as Element).closest('dialog') !== dialog) return;
          // The page behind is inert, but Tab would still leave for the browser's own UI (or a parent frame).
          const tabbables = getTabbables(dialog);
          const first = tabbables[0];
          const last = tabbables[tabbables.length - 1];
          const active = dialog.ownerDocument.activeElement;
          if (!first || !last) event.preventDefault();
          else if (event.shiftKey && (active === first || active === dialog)) {
            event.preventDefault();
            last.focus();
          } else if (!event.shiftKey && active === last) {
            event.preventDefault();
            first.focus();
          }
        }}
      >
        {children}
      </dialog>
    </ModalDialogContext.Provider>
  );
}
