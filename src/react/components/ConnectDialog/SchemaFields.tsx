import type { ParametersSchema } from '../../../core/connect/getAuthOptions.js';
import type { MembraneKitLabels } from '../../labels/defaultLabels.js';
import { cn } from '../../utils/cn.js';
import { enumOptions, fieldKind, fieldTitle, type FormValues } from './validateParameters.js';

/** Props of {@link SchemaFields}. */
export interface SchemaFieldsProps {
  schema: ParametersSchema;
  values: FormValues;
  errors: Record<string, string>;
  labels: MembraneKitLabels;
  unstyled: boolean;
  /** Prefix for element ids (unique per dialog). */
  idPrefix: string;
  onChange: (name: string, value: string | boolean) => void;
  onBlur: (name: string) => void;
  /** Prefilled fields shown read-only (text) or disabled (checkbox, select); their values are still submitted. */
  locked?: ReadonlySet<string>;
}

/**
 * The inputs generated from an auth option's `ui.schema`: text, secret (password), number,
 * boolean (checkbox) and enum (select), with required marks, descriptions and inline errors wired
 * through `aria-describedby` / `aria-invalid`.
 */
export function SchemaFields({ schema, values, errors, labels, unstyled, idPrefix, onChange, onBlur, locked }: SchemaFieldsProps) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, property]) => {
        const kind = fieldKind(property);
        const id = `${idPrefix}-${name}`;
        const descriptionId = property.description ? `${id}-description` : undefined;
        const errorId = errors[name] ? `${id}-error` : undefined;
        const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
        const isRequired = required.has(name);
        const value = values[name];
        const isLocked = locked?.has(name) === true;
        const common = {
          id,
          name,
          'aria-describedby': describedBy,
          'aria-invalid': errors[name] ? true : undefined,
          'aria-required': isRequired && kind !== 'boolean' ? true : undefined,
          className: cn(!unstyled && 'mk-Field-input'),
          'data-slot': 'connect-dialog-input',
          'data-locked': isLocked ? '' : undefined,
          onBlur: () => onBlur(name),
        } as const;
        const label = (
          <label htmlFor={id} className={cn(!unstyled && 'mk-Field-label')} data-slot="connect-dialog-label">
            {fieldTitle(name, property)}
            {isRequired && kind !== 'boolean' ? (
              <>
                <span aria-hidden="true" className={cn(!unstyled && 'mk-Field-required')}>
                  *
                </span>
                <span className={cn(!unstyled && 'mk-VisuallyHidden')}>
                  {` ${labels.requiredMark}`}
                </span>
              </>
            ) : null}
          </label>
        );
        let input;
        if (kind === 'boolean') {
          input = (
            <input {...common} type="checkbox" disabled={isLocked || undefined} checked={value === true} onChange={(event) => onChange(name, event.target.checked)} />
          );
        } else if (kind === 'enum') {
          input = (
            <select {...common} disabled={isLocked || undefined} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(name, event.target.value)}>
              <option value="">{labels.selectPlaceholder}</option>
              {enumOptions(property).map((option) => (
                <option key={String(option.value)} value={String(option.value)}>
                  {option.title}
                </option>
              ))}
            </select>
          );
        } else {
          input = (
            <input
              {...common}
              type={kind === 'secret' ? 'password' : 'text'}
              inputMode={kind === 'number' ? 'decimal' : kind === 'integer' ? 'numeric' : undefined}
              autoComplete={kind === 'secret' ? 'new-password' : 'off'}
              spellCheck={false}
              readOnly={isLocked || undefined}
              value={typeof value === 'string' ? value : ''}
              onChange={(event) => onChange(name, event.target.value)}
            />
          );
        }
        return (
          <div key={name} className={cn(!unstyled && 'mk-Field')} data-slot="connect-dialog-field" data-type={kind}>
            {kind === 'boolean' ? (
              <>
                {input}
                {label}
              </>
            ) : (
              <>
                {label}
                {input}
              </>
            )}
            {property.description ? (
              <span id={descriptionId} className={cn(!unstyled && 'mk-Field-description')}>
                {property.description}
              </span>
            ) : null}
            {errors[name] ? (
              <span id={errorId} className={cn(!unstyled && 'mk-Field-error')} data-slot="connect-dialog-field-error">
                {errors[name]}
              </span>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
