import { useMemo, useState, type FormEvent } from 'react';
import { needsParameters, type AuthOption } from '../../../core/connect/getAuthOptions.js';
import type { ConnectInput, UseConnectResult } from '../../hooks/useConnect.js';
import type { MembraneKitLabels } from '../../labels/defaultLabels.js';
import { initialValues, toParameters, validateParameters, type FormValues } from './validateParameters.js';

/** Options of {@link useParametersForm}. */
export interface UseParametersFormOptions {
  /** Input of the last attempt, reused by Retry and "Continue in this tab". */
  lastInput?: ConnectInput;
  /** Called with the input just before the flow starts. */
  onStart?: (input: ConnectInput) => void;
  /** Values the page prefills (`parameters` of the list or button), over the schema's defaults. */
  prefill?: Readonly<Record<string, unknown>>;
  /** Prefilled fields the user may not change (still submitted). */
  locked?: ReadonlySet<string>;
}

/** A prefilled value as the form keeps it (text, or a checkbox's boolean). */
function toFormValue(value: unknown): string | boolean | undefined {
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The schema's defaults with the page's prefill on top (only fields the schema has). */
function prefilledValues(schema: AuthOption['schema'], prefill: Readonly<Record<string, unknown>> | undefined): FormValues {
  const values = initialValues(schema);
  if (!prefill) return values;
  for (const name of Object.keys(schema?.properties ?? {})) {
    const value = Object.hasOwn(prefill, name) ? toFormValue(prefill[name]) : undefined;
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** What {@link useParametersForm} returns. */
export interface ParametersForm {
  /** The integration's auth options (a picker is shown when there are several). */
  options: AuthOption[];
  /** The chosen option (the first until one is picked). */
  selected: AuthOption | undefined;
  /** Picks an option; its errors and touched fields start afresh (its values are kept). */
  selectOption: (option: AuthOption) => void;
  /** The selected option's raw values (its schema's defaults at first). */
  values: FormValues;
  /** Messages by field name, for fields touched or submitted. */
  errors: Record<string, string>;
  setValue: (field: string, value: string | boolean) => void;
  /** Prefilled fields shown read-only: `setValue` leaves them as they are. */
  locked: ReadonlySet<string>;
  /** Marks a field touched and validates it. */
  blur: (field: string) => void;
  /**
   * The `<form>`'s `onSubmit`: validates, focuses the first invalid field, or, when valid, starts the
   * flow synchronously (the popup opens inside the submit event).
   */
  submit: (event: FormEvent<HTMLFormElement>) => void;
  /** Starts the last attempt (or the form's current input) again. */
  retry: () => void;
  /** The same-window fallback with the last attempt's (or the form's) input. */
  continueInThisTab: () => void;
  /** After an error: back to the form when there is something to choose or fill in, else a retry. */
  retryAfterError: () => void;
}

const NO_LOCKS: ReadonlySet<string> = new Set();

/** `current` with `field`'s message from `found`, or without it. */
function withFieldError(current: Record<string, string>, found: Record<string, string>, field: string): Record<string, string> {
  const copy = { ...current };
  if (found[field]) copy[field] = found[field];
  else delete copy[field];
  return copy;
}

/**
 * The custom connect dialog's form: the auth-option picker, the parameters' values per option,
 * inline validation (`validateParameters`) once a field is touched, and submit, which calls
 * `connect.connect({ authOptionKey, parameters })` synchronously so the popup is not blocked.
 * Takes the flow from `useConnect` and the labels of the kit the component already resolved.
 *
 * @example
 * ```tsx
 * const connect = useConnect('hubspot');
 * const { labels } = useMembraneKit();
 * const form = useParametersForm(connect, labels);
 * <form noValidate onSubmit={form.submit}>
 *   {form.selected?.schema ? <SchemaFields schema={form.selected.schema} values={form.values} errors={form.errors} onChange={form.setValue} onBlur={form.blur} … /> : null}
 * </form>
 * ```
 */
export function useParametersForm(
  connect: UseConnectResult,
  labels: MembraneKitLabels,
  { lastInput, onStart, prefill, locked = NO_LOCKS }: UseParametersFormOptions = {},
): ParametersForm {
  const options = connect.authOptions;
  const [selectedKey, setSelectedKey] = useState<string | undefined>(undefined);
  const selected = options.find((option) => option.key === selectedKey) ?? options[0];
  const [valuesByOption, setValuesByOption] = useState<Record<string, FormValues>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Record<string, boolean>>({});

  const optionId = selected?.key ?? '__default';
  const values = valuesByOption[optionId] ?? prefilledValues(selected?.schema, prefill);
  // Only a field the page prefilled can be locked (a lock on an empty field would block the form).
  const lockedFields = useMemo(
    () => new Set([...locked].filter((field) => prefill !== undefined && Object.hasOwn(prefill, field) && toFormValue(prefill[field]) !== undefined)),
    [locked, prefill],
  );

  const setValue = (field: string, value: string | boolean) => {
    if (lockedFields.has(field)) return;
    const next = { ...values, [field]: value };
    setValuesByOption((all) => ({ ...all, [optionId]: next }));
    if (touched[field] || errors[field]) {
      const found = validateParameters(selected?.schema, next, labels);
      setErrors((current) => withFieldError(current, found, field));
    }
  };
  const blur = (field: string) => {
    setTouched((current) => ({ ...current, [field]: true }));
    const found = validateParameters(selected?.schema, values, labels);
    setErrors((current) => withFieldError(current, found, field));
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
      event.currentTarget.querySelector<HTMLElement>(`[name="${CSS.escape(firstInvalid)}"]`)?.focus();
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

  return {
    options,
    selected,
    selectOption: (option) => {
      setSelectedKey(option.key);
      setErrors({});
      setTouched({});
    },
    values,
    errors,
    setValue,
    locked: lockedFields,
    blur,
    submit,
    retry,
    continueInThisTab: () => connect.continueInThisTab(lastInput ?? currentInput()),
    retryAfterError: () => {
      if (!connect.isReady) {
        connect.prefetch();
        connect.reset();
      } else if (needsParameters(selected) || options.length > 1) connect.reset();
      else retry();
    },
  };
}
