import type { Integration } from '@integration-app/sdk';
import { AlertDialog } from 'radix-ui';
import { useRef, useState } from 'react';
import { useDisconnect } from '../../hooks/useDisconnect.js';
import type { KitProps } from '../../kit/KitProps.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { themeRootProps } from '../../utils/themeRootProps.js';

/** Disconnect behind a Radix AlertDialog confirmation. */
export function DisconnectButton({
  integration,
  kit,
  kitProps,
  onDisconnected,
}: {
  integration: Integration;
  kit: ResolvedKit;
  kitProps: KitProps;
  onDisconnected?: (integration: Integration) => void;
}) {
  const { labels, unstyled } = kit;
  const [open, setOpen] = useState(false);
  // The AlertDialog tree is built on first use only (a list can have a thousand rows).
  const [mounted, setMounted] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const { disconnect, isDisconnecting, error } = useDisconnect(integration.key, {
    ...kitProps,
    onDisconnected: () => {
      setOpen(false);
      onDisconnected?.(integration);
    },
  });
  const name = integration.name;
  const themed = themeRootProps(kit, !kit.portalContainer);
  const trigger = (
    <button
      ref={triggerRef}
      type="button"
      className={cn(!unstyled && 'mk-Button')}
      data-variant="ghost"
      data-slot="disconnect-button"
      data-busy={dataFlag(isDisconnecting)}
      aria-label={formatLabel(labels.disconnectFrom, { name })}
      aria-haspopup="dialog"
      onClick={() => {
        setMounted(true);
        setOpen(true);
      }}
    >
      {labels.disconnect}
    </button>
  );
  if (!mounted) return trigger;
  return (
    <>
    {trigger}
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Portal container={kit.portalContainer ?? undefined}>
        <AlertDialog.Overlay className={cn(themed.rootClass, !unstyled && 'mk-Dialog-overlay')} data-mk-theme={themed['data-mk-theme']} />
        <AlertDialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            triggerRef.current?.focus();
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
              <button type="button" className={cn(!unstyled && 'mk-Button')} data-variant="secondary">
                {labels.cancel}
              </button>
            </AlertDialog.Cancel>
            <button
              type="button"
              className={cn(!unstyled && 'mk-Button')}
              data-variant="danger"
              data-slot="disconnect-confirm"
              aria-busy={isDisconnecting ? true : undefined}
              onClick={() => {
                if (!isDisconnecting) void disconnect();
              }}
            >
              {isDisconnecting ? labels.disconnecting : labels.disconnect}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
    </>
  );
}
