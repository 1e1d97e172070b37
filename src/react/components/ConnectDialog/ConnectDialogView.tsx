import * as Dialog from 'radix-ui/dialog';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { needsParameters, type AuthOption } from '../../../core/connect/getAuthOptions.js';
import type { ConnectInput } from '../../hooks/useConnect.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { themeRootProps } from '../../utils/themeRootProps.js';
import { Spinner } from '../shared/Spinner.js';
import { SchemaFields } from './SchemaFields.js';
import { initialValues, toParameters, validateParameters, type FormValues } from './validateParameters.js';
import type { ConnectDialogProps } from './ConnectDialog.js';

function optionTitle(option: AuthOption, name: string, labels: ResolvedKit['labels']): string {
  return option.title ?? formatLabel(labels.authOptionTypes[option.type] ?? labels.connect, { name });
}

/**
 * What {@link ConnectDialog} renders once its chunk is loaded (Radix Dialog, schema form):
 * split out so a page that never opens a dialog never downloads it.
 */
export function ConnectDialogView({ open, onOpenChange, connect, kit, lastInput, onStart, returnFocusTo }: Omit<ConnectDialogProps, 'onLoadError'>) {
  const { labels, unstyled } = kit;
  const name = connect.integration?.name ?? '';
  const idPrefix = useId();
  const options = connect.authOptions;
  const [selectedKey, setSelectedKey] = useState<string | undefined>(undefined);
  const selected = options.find((option) => option.key === selectedKey) ?? options[0];
  const [valuesByOption, setValuesByOption] = useState<Record<string, FormValues>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const formRef = useRef<HTMLFormElement>(null);

  const optionId = selected?.key ?? '__default';
  const values = valuesByOption[optionId] ?? initialValues(selected?.schema);

  const stage = !connect.isReady
    ? connect.loadError
      ? 'error'
      : 'loading'
    : connect.status === 'connecting'
      ? 'connecting'
      : connect.status === 'blocked'
        ? 'blocked'
        : connect.status === 'error'
          ? 'error'
          : 'form';

  const setValue = (field: string, value: string | boolean) => {
    const next = { ...values, [field]: value };
    setValuesByOption((all) => ({ ...all, [optionId]: next }));
    if (touched[field] || errors[field]) {
      const fieldErrors = validateParameters(selected?.schema, next, labels);
      setErrors((current) => {
        const copy = { ...current };
        if (fieldErrors[field]) copy[field] = fieldErrors[field];
        else delete copy[field];
        return copy;
      });
    }
  };
  const blur = (field: string) => {
    setTouched((current) => ({ ...current, [field]: true }));
    const fieldErrors = validateParameters(selected?.schema, values, labels);
    setErrors((current) => {
      const copy = { ...current };
      if (fieldErrors[field]) copy[field] = fieldErrors[field];
      else delete copy[field];
      return copy;
    });
  };

  const currentInput = (): ConnectInput => ({
    authOptionKey: selected?.key,
    parameters: needsParameters(selected) ? toParameters(selected?.schema, values) : undefined,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateParameters(selected?.schema, values, labels);
    setErrors(found);
    const firstInvalid = Object.keys(found)[0];
    if (firstInvalid) {
      formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(firstInvalid)}"]`)?.focus();
      return;
    }
    const input = currentInput();
    onStart?.(input);
    connect.connect(input); // synchronous: the popup opens inside this submit event
  };

  const retry = () => {
    const input = lastInput ?? currentInput();
    connect.reset();
    onStart?.(input);
    connect.connect(input);
  };

  const portal = kit.portalContainer;
  const themed = themeRootProps(kit, !portal);
  const button = () => cn(!unstyled && 'mk-Button');

  let body: ReactNode;
  if (stage === 'loading') {
    body = (
      <p className={cn(!unstyled && 'mk-Dialog-status')} data-slot="connect-dialog-status" role="status">
        <Spinner unstyled={unstyled} />
        {formatLabel(labels.dialogLoading, { name })}
      </p>
    );
  } else if (stage === 'connecting') {
    body = (
      <>
        <p className={cn(!unstyled && 'mk-Dialog-status')} data-slot="connect-dialog-status" role="status">
          <Spinner unstyled={unstyled} />
          {formatLabel(labels.waitingForPopup, { name })}
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
        <p>{formatLabel(labels.popupBlockedDescription, { name })}</p>
        <div className={cn(!unstyled && 'mk-Alert-actions')}>
          <button type="button" className={button()} onClick={() => connect.continueInThisTab(lastInput ?? currentInput())}>
            {labels.continueInThisTab}
          </button>
          <button type="button" className={button()} data-variant="secondary" onClick={retry}>
            {labels.retry}
          </button>
        </div>
      </div>
    );
  } else if (stage === 'error') {
    const error = connect.error ?? connect.loadError;
    body = (
      <div className={cn(!unstyled && 'mk-Alert')} role="alert" data-slot="connect-dialog-alert" data-error-code={error?.code}>
        <p className={cn(!unstyled && 'mk-Alert-title')}>{formatLabel(labels.errorTitle, { name })}</p>
        <p>{error ? labels.errors[error.code] : labels.errors.server}</p>
        <div className={cn(!unstyled && 'mk-Alert-actions')}>
          <button
            type="button"
            className={button()}
            onClick={() => {
              if (!connect.isReady) {
                connect.prefetch();
                connect.reset();
              } else if (needsParameters(selected) || options.length > 1) connect.reset();
              else retry();
            }}
          >
            {labels.retry}
          </button>
        </div>
      </div>
    );
  } else {
    body = (
      <form ref={formRef} className={cn(!unstyled && 'mk-Form')} data-slot="connect-dialog-form" noValidate onSubmit={submit}>
        {options.length > 1 ? (
          <fieldset className={cn(!unstyled && 'mk-AuthOptions')} data-slot="connect-dialog-auth-options">
            <legend className={cn(!unstyled && 'mk-AuthOptions-legend')}>{labels.authOptionsLegend}</legend>
            {options.map((option, index) => {
              const id = `${idPrefix}-option-${index}`;
              const checked = option === selected;
              return (
                <label key={option.key ?? index} htmlFor={id} className={cn(!unstyled && 'mk-AuthOptions-option')} data-state={checked ? 'checked' : 'unchecked'}>
                  <input
                    id={id}
                    type="radio"
                    name={`${idPrefix}-auth-option`}
                    value={option.key ?? ''}
                    checked={checked}
                    onChange={() => {
                      setSelectedKey(option.key);
                      setErrors({});
                      setTouched({});
                    }}
                  />
                  <span>
                    <span className={cn(!unstyled && 'mk-AuthOptions-title')}>{optionTitle(option, name, labels)}</span>
                    {option.description ? (
                      <span className={cn(!unstyled && 'mk-AuthOptions-description')}>{option.description}</span>
                    ) : null}
                  </span>
                </label>
              );
            })}
          </fieldset>
        ) : null}
        {selected?.schema && needsParameters(selected) ? (
          <SchemaFields
            schema={selected.schema}
            values={values}
            errors={errors}
            labels={labels}
            unstyled={unstyled}
            idPrefix={`${idPrefix}-field`}
            onChange={setValue}
            onBlur={blur}
          />
        ) : null}
        {selected?.helpUri ? (
          <a className={cn(!unstyled && 'mk-Form-help')} href={selected.helpUri} target="_blank" rel="noreferrer noopener">
            {labels.helpLink}
          </a>
        ) : null}
        <div className={cn(!unstyled && 'mk-Dialog-footer')}>
          <Dialog.Close asChild>
            <button type="button" className={button()} data-variant="secondary">
              {labels.cancel}
            </button>
          </Dialog.Close>
          <button type="submit" className={button()} data-slot="connect-dialog-submit">
            {labels.submit}
          </button>
        </div>
      </form>
    );
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={portal ?? undefined}>
        <Dialog.Overlay className={cn(themed.rootClass, !unstyled && 'mk-Dialog-overlay')} data-mk-theme={themed['data-mk-theme']} />
        <Dialog.Content
          className={cn(themed.rootClass, !unstyled && 'mk-Dialog-content')}
          data-mk-theme={themed['data-mk-theme']}
          data-slot="connect-dialog"
          data-stage={stage}
          aria-busy={stage === 'connecting' || stage === 'loading' ? true : undefined}
          onCloseAutoFocus={(event) => {
            if (returnFocusTo?.current) {
              event.preventDefault();
              returnFocusTo.current.focus();
            }
          }}
          onInteractOutside={(event) => {
            // A click back on the page while the popup is open must not abandon the flow silently.
            if (stage === 'connecting') event.preventDefault();
          }}
        >
          <div className={cn(!unstyled && 'mk-Dialog-header')}>
            {connect.integration?.logoUri ? (
              <img src={connect.integration.logoUri} alt="" className={cn(!unstyled && 'mk-IntegrationsList-logo')} />
            ) : null}
            <Dialog.Title className={cn(!unstyled && 'mk-Dialog-title')}>
              {formatLabel(connect.isReconnect ? labels.reconnectDialogTitle : labels.dialogTitle, { name })}
            </Dialog.Title>
          </div>
          <Dialog.Description className={cn(!unstyled && 'mk-Dialog-description')}>
            {formatLabel(labels.dialogDescription, { name })}
          </Dialog.Description>
          {body}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
