import * as Slot from 'radix-ui/slot';
import type { ComponentPropsWithoutRef } from 'react';
import { useModalDialogContext } from './ModalDialogContext.js';

/** Props of {@link ModalDialogClose}. */
export interface ModalDialogCloseProps extends ComponentPropsWithoutRef<'button'> {
  /** Render into your own element (its props and ref merged) instead of a `<button type="button">`. */
  asChild?: boolean;
}

/**
 * Closes the enclosing {@link ModalDialog} on click (`onOpenChange(false)`), unless your `onClick`
 * calls `preventDefault()`.
 *
 * @example
 * ```tsx
 * <ModalDialogClose asChild>
 *   <button ref={cancelRef} className="mk-Button" data-variant="secondary">Cancel</button>
 * </ModalDialogClose>
 * ```
 */
export function ModalDialogClose({ asChild, onClick, ...rest }: ModalDialogCloseProps) {
  const { close } = useModalDialogContext('ModalDialogClose');
  const Comp = asChild ? Slot.Root : 'button';
  // composeEventHandlers inlined: importing it here split a 60-byte chunk off the main entry.
  return (
    <Comp
      type={asChild ? undefined : 'button'}
      {...rest}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) close();
      }}
    />
  );
}
