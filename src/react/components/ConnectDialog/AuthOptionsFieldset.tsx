import type { AuthOption } from '../../../core/connect/getAuthOptions.js';
import type { MembraneKitLabels } from '../../labels/defaultLabels.js';
import type { ReactNode } from 'react';
import { formatLabelNode } from '../../labels/formatLabelNode.js';
import { cn } from '../../utils/cn.js';

/** Props of {@link AuthOptionsFieldset}. */
export interface AuthOptionsFieldsetProps {
  options: AuthOption[];
  selected: AuthOption | undefined;
  onSelect: (option: AuthOption) => void;
  /** The integration's name, for options without a title. */
  name: string;
  labels: MembraneKitLabels;
  unstyled: boolean;
  /** Prefix for element ids (unique per dialog). */
  idPrefix: string;
}

function optionTitle(option: AuthOption, name: string, labels: MembraneKitLabels): ReactNode {
  return option.title ?? formatLabelNode(labels.authOptionTypes[option.type] ?? labels.connect, { name });
}

/**
 * The auth-option picker of the connect dialog: one radio per option, with its title (or a title
 * from its type) and description. Attributes: `data-slot="connect-dialog-auth-options"`, and
 * `data-state` = `checked | unchecked` on each option's label.
 *
 * @example
 * ```tsx
 * <AuthOptionsFieldset options={form.options} selected={form.selected} onSelect={form.selectOption} name="HubSpot" labels={labels} unstyled={false} idPrefix={id} />
 * ```
 */
export function AuthOptionsFieldset({ options, selected, onSelect, name, labels, unstyled, idPrefix }: AuthOptionsFieldsetProps) {
  return (
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
              onChange={() => onSelect(option)}
            />
            <span>
              <span className={cn(!unstyled && 'mk-AuthOptions-title')}>{optionTitle(option, name, labels)}</span>
              {option.description ? <span className={cn(!unstyled && 'mk-AuthOptions-description')}>{option.description}</span> : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
