import { useRef } from 'react';
import type { KitError } from '../../../core/errors/KitError.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabelNode } from '../../labels/formatLabelNode.js';
import { cn } from '../../utils/cn.js';
import { ModalDialog } from './ModalDialog.js';
import { ModalDialogClose } from './ModalDialogClose.js';
import { ModalDialogDescription } from './ModalDialogDescription.js';
import { ModalDialogTitle } from './ModalDialogTitle.js';

/** Props of {@link DisconnectDialog}. */
export interface DisconnectDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Integration name, for the title and description. */
  name: string;
  kit: ResolvedKit;
  isDisconnecting: boolean;
  error: KitError | null | undefined;
  onConfirm: () => void;
  /** Focus goes back here when the dialog closes. */
  returnFocusTo: { current: HTMLElement | null };
}

/**
 * The disconnect confirmation (a native modal `alertdialog`, Cancel focused first), loaded on demand
 * by `DisconnectButton`.
 *
 * @example
 * ```tsx
 * <DisconnectDialog open={open} onOpenChange={setOpen} name="HubSpot" kit={kit}
 *   isDisconnecting={false} error={null} onConfirm={disconnect} returnFocusTo={triggerRef} />
 * ```
 */
export function DisconnectDialog({ open, onOpenChange, name, kit, isDisconnecting, error, onConfirm, returnFocusTo }: DisconnectDialogProps) {
  const { labels, unstyled } = kit;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const button = cn(!unstyled && 'mk-Button');
  return (
    <ModalDialog
      role="alertdialog"
      open={open}
      onOpenChange={onOpenChange}
      kit={kit}
      initialFocus={cancelRef}
      returnFocusTo={returnFocusTo}
      data-slot="disconnect-dialog"
      aria-busy={isDisconnecting ? true : undefined}
    >
      <ModalDialogTitle>{formatLabelNode(labels.confirmDisconnectTitle, { name })}</ModalDialogTitle>
      <ModalDialogDescription>{formatLabelNode(labels.confirmDisconnectDescription, { name })}</ModalDialogDescription>
      {error ? (
        <p role="alert" className={cn(!unstyled && 'mk-Alert')} data-error-code={error.code}>
          {labels.errors[error.code]}
        </p>
      ) : null}
      <div className={cn(!unstyled && 'mk-Dialog-footer')}>
        <ModalDialogClose asChild>
          <button ref={cancelRef} type="button" className={button} data-variant="secondary">
            {labels.cancel}
          </button>
        </ModalDialogClose>
        <button
          type="button"
          className={button}
          data-variant="danger"
          data-slot="disconnect-confirm"
          aria-busy={isDisconnecting ? true : undefined}
          onClick={() => {
            if (!isDisconnecting) onConfirm();
          }}
        >
          {isDisconnecting ? labels.disconnecting : labels.disconnect}
        </button>
      </div>
    </ModalDialog>
  );
}
