import type { MembraneIntegration } from '../../../core/api/types.js';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useDisconnectForKit } from '../../hooks/useDisconnect.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { lazyWithPreload } from '../../utils/lazyWithPreload.js';

// The confirmation (a native modal <dialog>) is a separate chunk: most visits never
// disconnect anything.
const LazyDisconnectDialog = lazyWithPreload(
  () => import('../shared/DisconnectDialog.js').then((module) => module.DisconnectDialog),
  'the disconnect confirmation',
);
const preload = () => {
  LazyDisconnectDialog.preload().catch(() => {
    // Reported by `onLoadError` if the dialog is opened while the chunk is still missing.
  });
};

interface DisconnectFlowProps {
  integration: MembraneIntegration;
  kit: ResolvedKit;
  onDisconnected?: (integration: MembraneIntegration) => void;
  open: boolean;
  setOpen: (open: boolean) => void;
  setMounted: (mounted: boolean) => void;
  onBusyChange: (busy: boolean) => void;
  returnFocusTo: RefObject<HTMLButtonElement | null>;
}

/**
 * After a disconnect the row swaps its Disconnect button for Connect, and the dialog's trigger is
 * gone: keep the keyboard user in the row, on its new first button, instead of on `<body>`.
 */
function keepFocusInRow(row: Element | null): void {
  setTimeout(() => {
    const active = document.activeElement;
    if (!row?.isConnected || (active && active !== document.body && active.isConnected)) return;
    row.querySelector<HTMLElement>('[data-slot="connect-button"], [data-slot="disconnect-button"], button')?.focus();
  }, 0);
}

/** The disconnect mutation and its confirmation, created when the confirmation first opens. */
function DisconnectFlow({ integration, kit, onDisconnected, open, setOpen, setMounted, onBusyChange, returnFocusTo }: DisconnectFlowProps) {
  // The row outlives this flow (same integration, new buttons); found while the trigger still exists.
  const row = useRef<Element | null>(null);
  const { disconnect, isDisconnecting, error } = useDisconnectForKit(kit, integration.key, {
    onDisconnected: () => {
      setOpen(false);
      keepFocusInRow(row.current);
      onDisconnected?.(integration);
    },
  });
  useLayoutEffect(() => onBusyChange(isDisconnecting), [isDisconnecting, onBusyChange]);
  return (
    <LazyDisconnectDialog
      open={open}
      onOpenChange={setOpen}
      name={integration.name}
      kit={kit}
      isDisconnecting={isDisconnecting}
      error={error}
      onConfirm={() => {
        row.current = returnFocusTo.current?.closest('[data-slot="integrations-list-item"], li') ?? null;
        void disconnect();
      }}
      returnFocusTo={returnFocusTo}
      onLoadError={(loadError) => {
        setMounted(false);
        setOpen(false);
        // No callback to hand it to here: tell the developer; the next click downloads again.
        console.error(loadError);
      }}
    />
  );
}

/**
 * Disconnect behind a confirmation (an alert dialog, loaded on demand). A list has many of these:
 * the mutation observer and the dialog exist only once the confirmation was opened.
 */
export function DisconnectButton({
  integration,
  kit,
  onDisconnected,
}: {
  integration: MembraneIntegration;
  kit: ResolvedKit;
  onDisconnected?: (integration: MembraneIntegration) => void;
}) {
  const { labels, unstyled } = kit;
  const [open, setOpen] = useState(false);
  // The flow (mutation observer, AlertDialog tree) is built on first use only (a list can have a thousand rows).
  const [mounted, setMounted] = useState(false);
  const [isDisconnecting, setDisconnecting] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    LazyDisconnectDialog.preloadWhenIdle().catch(() => {
      // Retried on first open, where a failure is reported.
    });
  }, []);
  const name = integration.name;
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className={cn(!unstyled && 'mk-Button')}
        data-variant="ghost"
        data-slot="disconnect-button"
        data-busy={dataFlag(isDisconnecting)}
        aria-label={formatLabel(labels.disconnectFrom, { name })}
        aria-haspopup="dialog"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          setMounted(true);
          setOpen(true);
        }}
      >
        {labels.disconnect}
      </button>
      {mounted ? (
        <DisconnectFlow
          integration={integration}
          kit={kit}
          onDisconnected={onDisconnected}
          open={open}
          setOpen={setOpen}
          setMounted={setMounted}
          onBusyChange={setDisconnecting}
          returnFocusTo={triggerRef}
        />
      ) : null}
    </>
  );
}
