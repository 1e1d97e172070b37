import type { UseConnectResult } from '../../hooks/useConnect.js';

/** What the connect dialog shows; its `data-stage`. */
export type DialogStage = 'loading' | 'form' | 'connecting' | 'blocked' | 'error';

/**
 * The connect dialog's stage from its flow: loading until the integration and its auth options
 * are known (error if that failed), then the flow's own status, else the form.
 *
 * @example
 * ```ts
 * getDialogStage(useConnect('hubspot')); // 'loading', then 'form'
 * ```
 */
export function getDialogStage(connect: Pick<UseConnectResult, 'isReady' | 'loadError' | 'status'>): DialogStage {
  if (!connect.isReady) return connect.loadError ? 'error' : 'loading';
  if (connect.status === 'connecting' || connect.status === 'blocked' || connect.status === 'error') return connect.status;
  return 'form';
}
