import type { ReactNode } from 'react';
import { safeHttpUrl } from '../../../core/safeHttpUrl.js';
import { needsParameters } from '../../../core/connect/getAuthOptions.js';
import { formatLabelNode } from '../../labels/formatLabelNode.js';
import { cn } from '../../utils/cn.js';
import { ModalDialog } from '../shared/ModalDialog.js';
import { ModalDialogDescription } from '../shared/ModalDialogDescription.js';
import { ModalDialogTitle } from '../shared/ModalDialogTitle.js';
import { Spinner } from '../shared/Spinner.js';
import type { ConnectDialogProps } from './ConnectDialog.js';
import { ConnectDialogForm } from './ConnectDialogForm.js';
import { getDialogStage } from './getDialogStage.js';
import { consentLineOf, useConnectSetup } from './ConnectSetupContext.js';
import { useParametersForm } from './useParametersForm.js';

/**
 * What {@link ConnectDialog} renders once its chunk is loaded (the kit's native modal, schema form):
 * split out so a page that never opens a dialog never downloads it. Markup only: the form's state
 * is {@link useParametersForm}, the stage {@link getDialogStage}.
 *
 * @example
 * ```tsx
 * <ConnectDialogView open={open} onOpenChange={setOpen} connect={connect} kit={kit} />
 * ```
 */
export function ConnectDialogView({ open, onOpenChange, connect, kit, lastInput, onStart, returnFocusTo }: Omit<ConnectDialogProps, 'onLoadError'>) {
  const { labels, unstyled } = kit;
  const name = connect.integration?.name ?? '';
  const logo = safeHttpUrl(connect.integration?.logoUri, { allowDataImage: true });
  const setup = useConnectSetup(connect.integration);
  const form = useParametersForm(connect, labels, {
    lastInput,
    onStart,
    ...(setup.parameters ? { prefill: setup.parameters } : {}),
    locked: setup.locked,
  });
  const stage = getDialogStage(connect);
  const line = consentLineOf(setup, labels.consent);
  const consent = line?.fromLabel ? formatLabelNode(line.text, { name }) : line?.text;

  // Sign-in wording only where there is a sign-in (OAuth); API keys and tokens are just entered.
  const signsIn = !form.selected || form.selected.type === 'oauth2' || form.selected.type === 'oauth1';
  // Nothing to pick or fill in: the dialog is only there for the consent line before the sign-in.
  const signInOnly = signsIn && form.options.length <= 1 && !needsParameters(form.selected);
  const button = () => cn(!unstyled && 'mk-Button');

  let body: ReactNode;
  if (stage === 'loading') {
    body = (
      <p className={cn(!unstyled && 'mk-Dialog-status')} data-slot="connect-dialog-status" role="status">
        <Spinner unstyled={unstyled} />
        {formatLabelNode(labels.dialogLoading, { name })}
      </p>
    );
  } else if (stage === 'connecting') {
    body = (
      <>
        <p className={cn(!unstyled && 'mk-Dialog-status')} data-slot="connect-dialog-status" role="status">
          <Spinner unstyled={unstyled} />
          {formatLabelNode(labels.waitingForPopup, { name })}
        </p>
        <div className={cn(!unstyled && 'mk-Dialog-footer')}>
          <button type="button" className={button()} data-variant="secondary" onClick={connect.cancel}>
            {labels.cancel}
          </button>
        </div>
      </>
    );
  } else if (stage === 'blocked') {
    body = (
      <div className={cn(!unstyled && 'mk-Alert')} data-variant="warning" role="alert" data-slot="connect-dialog-alert">
        <p className={cn(!unstyled && 'mk-Alert-title')}>{labels.popupBlockedTitle}</p>
        <p>{formatLabelNode(labels.popupBlockedDescription, { name })}</p>
        <div className={cn(!unstyled && 'mk-Alert-actions')}>
          <button type="button" className={button()} onClick={form.continueInThisTab}>
            {labels.continueInThisTab}
          </button>
          <button type="button" className={button()} data-variant="secondary" onClick={form.retry}>
            {labels.retry}
          </button>
        </div>
      </div>
    );
  } else if (stage === 'error') {
    const error = connect.error ?? connect.loadError;
    body = (
      <div className={cn(!unstyled && 'mk-Alert')} role="alert" data-slot="connect-dialog-alert" data-error-code={error?.code}>
        <p className={cn(!unstyled && 'mk-Alert-title')}>{formatLabelNode(labels.errorTitle, { name })}</p>
        <p>{error ? labels.errors[error.code] : labels.errors.server}</p>
        <div className={cn(!unstyled && 'mk-Alert-actions')}>
          <button type="button" className={button()} onClick={form.retryAfterError}>
            {labels.retry}
          </button>
        </div>
      </div>
    );
  } else {
    body = <ConnectDialogForm form={form} name={name} labels={labels} unstyled={unstyled} />;
  }

  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      kit={kit}
      returnFocusTo={returnFocusTo}
      // A click back on the page while the popup is open must not abandon the flow silently.
      dismissOnBackdrop={stage !== 'connecting'}
      data-slot="connect-dialog"
      data-stage={stage}
      aria-busy={stage === 'connecting' || stage === 'loading' ? true : undefined}
    >
      <div className={cn(!unstyled && 'mk-Dialog-header')}>
        {logo ? (
          <img src={logo} alt="" className={cn(!unstyled && 'mk-IntegrationsList-logo')} />
        ) : null}
        <ModalDialogTitle>{formatLabelNode(connect.isReconnect ? labels.reconnectDialogTitle : labels.dialogTitle, { name })}</ModalDialogTitle>
      </div>
      <ModalDialogDescription>
        {formatLabelNode(signInOnly ? labels.dialogDescriptionSignInOnly : signsIn ? labels.dialogDescription : labels.dialogDescriptionNoSignIn, { name })}
      </ModalDialogDescription>
      {consent ? (
        // What the product will read and write, before the user continues.
        <p className={cn(!unstyled && 'mk-Dialog-consent')} data-slot="connect-dialog-consent">
          <span className={cn(!unstyled && 'mk-Dialog-consentTitle')}>{formatLabelNode(labels.consentTitle, { name })}</span>{' '}
          {consent}
        </p>
      ) : null}
      {body}
    </ModalDialog>
  );
}
