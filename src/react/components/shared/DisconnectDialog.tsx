import * as AlertDialog from 'radix-ui/alert-dialog';
import type { KitError } from '../../../core/errors/KitError.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { themeRootProps } from '../../utils/themeRootProps.js';

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
 * The disconnect confirmation (Radix AlertDialog), loaded on demand by `DisconnectButton`.
 *
 * @example
 * ```tsx
 * <DisconnectDialog open={open} onOpenChange={setOpen} name="HubSpot" kit={kit}
 *   isDisconnecting={false} error={null} onConfirm={disconnect} returnFocusTo={triggerRef} />
 * ```
 */
export function DisconnectDialog({ open, onOpenChange, name, kit, isDisconnecting, error, onConfirm, returnFocusTo }: DisconnectDialogProps) {
  const { labels, unstyled } = kit;
  const themed = themeRootProps(kit, !kit.portalContainer);
  const button = cn(!unstyled && 'mk-Button');
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal container={kit.portalContainer ?? undefined}>
        <AlertDialog.Overlay className={cn(themed.rootClass, !unstyled && 'mk-Dialog-overlay')} data-mk-theme={themed['data-mk-theme']} />
        <AlertDialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
          className={cn(themed.rootClass, !unstyled && 'mk-Dialog-content')}
          data-mk-theme={themed['data-mk-theme']}
          data-slot="disconnect-dialog"
          aria-busy={isDisconnecting ? true : undefined}
        >
          <AlertDialog.Title className={cn(!unstyled && 'mk-Dialog-title')}>
            {formatLabel(labels.confirmDisconnectTitle, { name })}
          </AlertDialog.Title>
          <AlertDialog.Description className={cn(!unstyled && 'mk-Dialog-description')}>
            {formatLabel(labels.confirmDisconnectDescription, { name })}
          </AlertDialog.Description>
          {error ? (
            <p role="alert" className={cn(!unstyled && 'mk-Alert')} data-error-code={error.code}>
              {labels.errors[error.code]}
            </p>
          ) : null}
          <div className={cn(!unstyled && 'mk-Dialog-footer')}>
            <AlertDialog.Cancel asChild>
              <button type="button" className={button} data-variant="secondary">
                {labels.cancel}
              </button>
            </AlertDialog.Cancel>
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
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
