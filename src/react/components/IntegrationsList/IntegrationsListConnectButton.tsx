import type { Connection, Integration } from '@integration-app/sdk';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { ConnectionState } from '../../../core/state/getConnectionState.js';
import { useKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { dataFlag } from '../../utils/dataFlag.js';
import { useConnectButtonFlow } from '../ConnectButton/useConnectButtonFlow.js';
import { Spinner } from '../shared/Spinner.js';
import type { IntegrationsListContextValue } from './IntegrationsListContext.js';

/** What a row's connect flow offers its button once it exists. */
interface RowConnectHandle {
  start: () => void;
  prefetch: () => void;
}

interface RowConnectFlowProps {
  integration: Integration;
  list: IntegrationsListContextValue;
  onConnected: (connection: Connection) => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
  ref: Ref<RowConnectHandle>;
  onBusyChange: (busy: boolean) => void;
}

/** The connect machinery of one row (query observers, dialog), mounted on the row's first use. */
function RowConnectFlow({ integration, list, onConnected, buttonRef, ref, onBusyChange }: RowConnectFlowProps) {
  const resolved = useKit(list.kitProps, 'IntegrationsList');
  const flow = useConnectButtonFlow(integration.key, { ...list.kitProps, mode: list.mode, integration, onConnected }, resolved, buttonRef);
  // Set during commit, so a click that mounted this flow with flushSync can call start() right after.
  useImperativeHandle(ref, () => ({ start: flow.start, prefetch: flow.prefetch }));
  useLayoutEffect(() => onBusyChange(flow.busy), [flow.busy, onBusyChange]);
  // Mounted by a hover, focus or click: warm what the flow needs, as ConnectButton does on hover.
  const { prefetch } = flow;
  const prefetchOnMount = useRef(prefetch);
  useEffect(() => prefetchOnMount.current(), []);
  return flow.dialog;
}

/** Props of {@link IntegrationsListConnectButton}. */
export interface IntegrationsListConnectButtonProps {
  integration: Integration;
  state: ConnectionState;
  list: IntegrationsListContextValue;
  variant: 'secondary' | undefined;
  onConnected: (connection: Connection) => void;
}

/**
 * A row's Connect / Reconnect button: the same markup and behaviour as `ConnectButton`, but the
 * connect machinery (query observers, spec prefetch, dialog) is created only on the first hover,
 * focus or click of this button, so mounting a batch of rows stays cheap. Its state comes from the
 * row. A click on a button not yet used mounts the machinery synchronously (flushSync) and starts
 * the flow inside the same click, so the popup still opens without being blocked.
 *
 * @internal Rendered by `IntegrationsList.Action`.
 * @example
 * ```tsx
 * <IntegrationsListConnectButton integration={integration} state="not-connected" list={list} variant={undefined} onConnected={done} />
 * ```
 */
export function IntegrationsListConnectButton({ integration, state, list, variant, onConnected }: IntegrationsListConnectButtonProps) {
  const { labels, unstyled } = list.kit;
  const [engaged, setEngaged] = useState(false);
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const handle = useRef<RowConnectHandle | null>(null);

  const isReconnect = (state === 'disconnected' || state === 'error') && !!integration.connection?.id;
  const label = busy ? labels.connecting : isReconnect ? labels.reconnect : labels.connect;
  const accessibleName = busy ? undefined : formatLabel(isReconnect ? labels.reconnectTo : labels.connectTo, { name: integration.name });

  const engage = () => {
    if (handle.current) handle.current.prefetch();
    else setEngaged(true);
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={cn(!unstyled && 'mk-Button mk-ConnectButton')}
        data-variant={variant}
        data-slot="connect-button"
        data-state={state}
        data-busy={dataFlag(busy)}
        data-reconnect={dataFlag(isReconnect)}
        aria-busy={busy ? true : undefined}
        aria-label={accessibleName}
        onClick={() => {
          // Not hovered or focused first (a script, an assistive technology): build the flow now.
          if (!handle.current) flushSync(() => setEngaged(true));
          handle.current?.start();
        }}
        onPointerEnter={engage}
        onFocus={engage}
      >
        {busy ? <Spinner unstyled={unstyled} /> : null}
        {label}
      </button>
      {engaged ? (
        <RowConnectFlow integration={integration} list={list} onConnected={onConnected} buttonRef={buttonRef} ref={handle} onBusyChange={setBusy} />
      ) : null}
    </>
  );
}
