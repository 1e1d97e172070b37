import { useId } from 'react';
import { needsParameters } from '../../../core/connect/getAuthOptions.js';
import { safeHttpUrl } from '../../../core/safeHttpUrl.js';
import type { MembraneKitLabels } from '../../labels/defaultLabels.js';
import { cn } from '../../utils/cn.js';
import { AuthOptionsFieldset } from './AuthOptionsFieldset.js';
import { SchemaFields } from './SchemaFields.js';
import type { ParametersForm } from './useParametersForm.js';
import { ModalDialogClose } from '../shared/ModalDialogClose.js';

/** Props of {@link ConnectDialogForm}. */
export interface ConnectDialogFormProps {
  /** The form's state and actions. */
  form: ParametersForm;
  /** The integration's name. */
  name: string;
  labels: MembraneKitLabels;
  unstyled: boolean;
}

/**
 * The connect dialog's form stage: the auth-option picker when there are several options, the
 * selected option's parameters, its help link, Cancel and Connect. Attributes:
 * `data-slot="connect-dialog-form"`, `data-slot="connect-dialog-submit"` on the submit button.
 * Rendered inside the dialog (its Cancel is a `ModalDialogClose`).
 *
 * @example
 * ```tsx
 * const form = useParametersForm(connect, labels);
 * <ConnectDialogForm form={form} name="HubSpot" labels={labels} unstyled={false} />
 * ```
 */
export function ConnectDialogForm({ form, name, labels, unstyled }: ConnectDialogFormProps) {
  const idPrefix = useId();
  const { options, selected, selectOption, values, errors, setValue, blur, submit, locked } = form;
  const button = cn(!unstyled && 'mk-Button');
  const helpHref = safeHttpUrl(selected?.helpUri);
  return (
    <form className={cn(!unstyled && 'mk-Form')} data-slot="connect-dialog-form" noValidate onSubmit={submit}>
      {options.length > 1 ? (
        <AuthOptionsFieldset
          options={options}
          selected={selected}
          onSelect={selectOption}
          name={name}
          labels={labels}
          unstyled={unstyled}
          idPrefix={idPrefix}
        />
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
          locked={locked}
        />
      ) : null}
      {helpHref ? (
        <a className={cn(!unstyled && 'mk-Form-help')} href={helpHref} target="_blank" rel="noreferrer noopener">
          {labels.helpLink}
        </a>
      ) : null}
      <div className={cn(!unstyled && 'mk-Dialog-footer')}>
        <ModalDialogClose asChild>
          <button type="button" className={button} data-variant="secondary">
            {labels.cancel}
          </button>
        </ModalDialogClose>
        <button type="submit" className={button} data-slot="connect-dialog-submit">
          {labels.submit}
        </button>
      </div>
    </form>
  );
}
