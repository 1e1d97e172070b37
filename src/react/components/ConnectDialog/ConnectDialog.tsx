import { useEffect, useState } from 'react';
import type { KitError } from '../../../core/errors/KitError.js';
import type { ConnectInput, UseConnectResult } from '../../hooks/useConnect.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { lazyWithPreload } from '../../utils/lazyWithPreload.js';

/** Props of {@link ConnectDialog}. */
export interface ConnectDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The flow to drive (from `useConnect`). */
  connect: UseConnectResult;
  /** Resolved kit settings (from `useMembraneKit()`), for labels, theme and portals. */
  kit: ResolvedKit;
  /** Input of the last attempt, used by Retry and "Continue in this tab". */
  lastInput?: ConnectInput;
  /** Called with the input just before the flow starts (so Retry can reuse it). */
  onStart?: (input: ConnectInput) => void;
  /** Where focus goes when the dialog closes (the button that opened it). */
  returnFocusTo?: { current: HTMLElement | null };
  /**
   * Called with a `network` error when the dialog's code (loaded on first open) could not be
   * downloaded; the dialog then reports itself closed through `onOpenChange(false)`.
   */
  onLoadError?: (error: KitError) => void;
}

const LazyConnectDialog = lazyWithPreload(
  () => import('./ConnectDialogView.js').then((module) => module.ConnectDialogView),
  'the connect dialog',
);

/**
 * Starts downloading the connect dialog's code (it is split from the main entry). Call it when
 * the dialog is likely to open soon, e.g. on hover or focus of what opens it. Never rejects.
 */
export function preloadConnectDialog(): void {
  LazyConnectDialog.preload().catch(() => {
    // Reported through `onLoadError` if the dialog is opened while the chunk is still missing.
  });
}

/**
 * The custom connect flow's dialog (the kit's modal on the native `<dialog>`): an auth-option picker when the integration has
 * several, a parameters form generated from the option's `ui.schema` with inline validation, a
 * waiting state while the popup is open, plain-language errors with Retry, and a "Continue in this
 * tab" fallback when the browser blocked the popup. The popup opens synchronously on submit.
 *
 * Its code is a separate chunk, downloaded when the browser is idle after the dialog mounts, or on
 * first open at the latest; nothing is rendered before the first open.
 *
 * Attributes: `data-slot="connect-dialog"` on the content, `data-stage` = `loading | form |
 * connecting | blocked | error`.
 *
 * @example
 * ```tsx
 * const connect = useConnect('hubspot');
 * const kit = useMembraneKit();
 * <button onClick={() => setOpen(true)}>Connect</button>
 * <ConnectDialog open={open} onOpenChange={setOpen} connect={connect} kit={kit} />
 * ```
 */
export function ConnectDialog({ onLoadError, ...props }: ConnectDialogProps) {
  const { open, onOpenChange } = props;
  // The dialog tree is built on first open only (a list of a thousand rows has a thousand buttons),
  // and stays mounted afterwards so closing animates and the form keeps its values.
  const [mounted, setMounted] = useState(open);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setMounted(true);
  }
  useEffect(() => {
    LazyConnectDialog.preloadWhenIdle().catch(() => {
      // Retried on first open, where a failure is reported.
    });
  }, []);
  if (!mounted) return null;
  return (
    <LazyConnectDialog
      {...props}
      onLoadError={(error) => {
        setMounted(false);
        onOpenChange(false);
        onLoadError?.(error);
      }}
    />
  );
}
