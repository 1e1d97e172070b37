import type { ComponentPropsWithoutRef } from 'react';
import { cn } from '../../utils/cn.js';
import { useModalDialogContext } from './ModalDialogContext.js';

/**
 * The dialog's accessible description: a `<p>` the enclosing {@link ModalDialog} points at with
 * `aria-describedby`. Class `mk-Dialog-description` when the dialog has a styled `kit`.
 *
 * @example
 * ```tsx
 * <ModalDialogDescription>You can reconnect it later.</ModalDialogDescription>
 * ```
 */
export function ModalDialogDescription({ className, ...rest }: ComponentPropsWithoutRef<'p'>) {
  const { descriptionId, styled } = useModalDialogContext('ModalDialogDescription');
  return <p id={descriptionId} {...rest} className={cn(styled && 'mk-Dialog-description', className)} />;
}
