import type { MembraneConnection, MembraneIntegration } from '../../../core/api/types.js';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useDisconnectForKit } from '../../hooks/useDisconnect.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { isolateBidi } from '../../labels/isolateBidi.js';
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
  /** One account of several: archive this connection, the others stay. */
  connection?: MembraneConnection;
  name: string;
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

/**
 * After one account of several is archived its row is gone: focus the next account's first button,
 * else the integration's "Add account" button, else the integration row.
 */
function focusAfterAccount(next: Element | null, accounts: Element | null, row: Element | null): void {
  setTimeout(() => {
    const target =
      (next?.isConnected ? next.querySelector<HTMLElement>('button') : null) ??
      (accounts?.isConnected ? accounts.querySelector<HTMLElement>('[data-slot="integrations-list-add-account"] button') : null);
    if (target) target.focus();
    else keepFocusInRow(row);
  }, 0);
}

/** The disconnect mutation and its confirmation, created when the confirmation first opens. */
function DisconnectFlow({ integration, connection, name, kit, onDisconnected, open, setOpen, setMounted, onBusyChange, returnFocusTo }: DisconnectFlowProps) {
  // The row outlives this flow (same integration, new buttons); found while the trigger still exists.
  const row = useRef<Element | null>(null);
  const account = useRef<{ next: Element | null; accounts: Element | null }>({ next: null, accounts: null });
  const { disconnect, isDisconnecting, error } = useDisconnectForKit(kit, integration.key, {
    ...(connection ? { connectionId: connection.id } : {}),
    onDisconnected: () => {
      setOpen(false);
      if (connection) focusAfterAccount(account.current.next, account.current.accounts, row.current);
      else keepFocusInRow(row.current);
      onDisconnected?.(integration);
    },
  });
  useLayoutEffect(() => onBusyChange(isDisconnecting), [isDisconnecting, onBusyChange]);
  return (
    <LazyDisconnectDialog
      open={open}
      onOpenChange={setOpen}
      name={name}
      kit={kit}
      isDisconnecting={isDisconnecting}
      error={error}
      onConfirm={() => {
        const trigger = returnFocusTo.current;
        row.current = trigger?.closest('[data-slot="integrations-list-item"], li') ?? null;
        if (connection) {
          const own = trigger?.closest('[data-slot="integrations-list-connection"]') ?? null;
          row.current = own?.parentElement?.closest('[data-slot="integrations-list-item"]') ?? row.current;
          account.current = { next: own?.nextElementSibling ?? null, accounts: own?.closest('[data-slot="integrations-list-connections"]') ?? null };
        }
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
  connection,
  label,
  kit,
  onDisconnected,
}: {
  integration: MembraneIntegration;
  /** One account of several: archive this connection (the integration's other connections stay). */
  connection?: MembraneConnection;
  /** The name in the button's accessible name and the confirmation. Default: the integration's name. */
  label?: string;
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
  const name = label ?? integration.name;
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className={cn(!unstyled && 'mk-Button')}
        data-variant="ghost"
        data-slot="disconnect-button"
        data-busy={dataFlag(isDisconnecting)}
        aria-label={formatLabel(labels.disconnectFrom, { name: isolateBidi(name, labels.disconnectFrom) })}
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
          connection={connection}
          name={name}
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
