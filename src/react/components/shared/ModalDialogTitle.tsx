import type { ComponentPropsWithoutRef } from 'react';
import { cn } from '../../utils/cn.js';
import { useModalDialogContext } from './ModalDialogContext.js';

/**
 * The dialog's accessible name: an `<h2>` the enclosing {@link ModalDialog} points at with
 * `aria-labelledby`. Class `mk-Dialog-title` when the dialog has a styled `kit`.
 *
 * @example
 * ```tsx
 * <ModalDialogTitle>Disconnect HubSpot?</ModalDialogTitle>
 * ```
 */
export function ModalDialogTitle({ className, ...rest }: ComponentPropsWithoutRef<'h2'>) {
  const { titleId, styled } = useModalDialogContext('ModalDialogTitle');
  return <h2 id={titleId} {...rest} className={cn(styled && 'mk-Dialog-title', className)} />;
}
