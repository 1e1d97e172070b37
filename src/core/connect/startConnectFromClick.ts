import type { ConnectFlow, ConnectInput } from './createConnectFlow.js';
import type { ConnectMode } from './ConnectFlowEvent.js';

/**
 * What a connect button does in its click, framework-free: in `prebuilt` mode, or in `custom` mode
 * when nothing has to be asked (one auth option, no parameters), it starts the flow right away, so
 * the popup opens inside the click. Otherwise it starts nothing and returns `started: false`: show
 * the connect dialog. A click while the flow runs does nothing (`started: true`).
 *
 * @example
 * ```ts
 * button.addEventListener('click', () => {
 *   if (!startConnectFromClick(flow, 'custom').started) openDialog();
 * });
 * ```
 */
export function startConnectFromClick(flow: ConnectFlow, mode: ConnectMode): { started: boolean; input?: ConnectInput } {
  if (flow.getSnapshot().status === 'connecting') return { started: true };
  if (mode === 'prebuilt') {
    flow.start();
    return { started: true };
  }
  if (flow.needsInput()) return { started: false };
  const input: ConnectInput = { authOptionKey: flow.getAuthOptions()[0]?.key };
  flow.start(input);
  return { started: true, input };
}
