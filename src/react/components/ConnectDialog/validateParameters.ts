import type { ParametersSchema } from '../../../core/connect/getAuthOptions.js';
import type { MembraneKitLabels } from '../../labels/defaultLabels.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { isSafePattern, MAX_PATTERN_INPUT_LENGTH } from './isSafePattern.js';

/** Raw form values: strings from inputs, booleans from checkboxes. */
export type FormValues = Record<string, string | boolean>;

/** The kind of input a schema property becomes. */
export type FieldKind = 'string' | 'secret' | 'number' | 'integer' | 'boolean' | 'enum';

/** One choice of an enum field: the value sent and the title shown. */
export interface EnumOption {
  value: string | number;
  title: string;
}

/**
 * The choices of an enum field, with their titles: `oneOf`/`anyOf` of `{ const, title }`, or `enum`
 * with `enumNames`; a value without a title shows as itself.
 *
 * @example
 * ```ts
 * enumOptions({ oneOf: [{ const: 'us', title: 'United States' }] }); // [{ value: 'us', title: 'United States' }]
 * ```
 */
export function enumOptions(schema: ParametersSchema): EnumOption[] {
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices && choices.length > 0 && choices.every((choice) => typeof choice.const === 'string' || typeof choice.const === 'number')) {
    return choices.map((choice) => ({ value: choice.const as string | number, title: choice.title ?? String(choice.const) }));
  }
  return (schema.enum ?? []).map((value, index) => ({ value, title: schema.enumNames?.[index] ?? String(value) }));
}

/** How a schema property is rendered. */
export function fieldKind(schema: ParametersSchema): FieldKind {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (enumOptions(schema).length > 0) return 'enum';
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (schema.format === 'password' || schema.writeOnly) return 'secret';
  return 'string';
}

/** Field label: the schema title, else the property name. */
export function fieldTitle(name: string, schema: ParametersSchema): string {
  return schema.title ?? name;
}

/** Initial values from the schema's `default`s. */
export function initialValues(schema: ParametersSchema | undefined): FormValues {
  const values: FormValues = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const kind = fieldKind(property);
    if (kind === 'boolean') values[name] = property.default === true;
    else values[name] = property.default === undefined || property.default === null ? '' : String(property.default);
  }
  return values;
}

/**
 * Checks one value against its schema property; returns the message to show, or undefined.
 *
 * @example
 * ```ts
 * validateField('apiKey', { type: 'string', minLength: 8 }, 'abc', true, labels); // 'apiKey must have at least 8 characters.'
 * ```
 */
export function validateField(
  name: string,
  schema: ParametersSchema,
  value: string | boolean | undefined,
  required: boolean,
  labels: MembraneKitLabels,
): string | undefined {
  const field = fieldTitle(name, schema);
  const kind = fieldKind(schema);
  if (kind === 'boolean') return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return required ? formatLabel(labels.fieldRequired, { field }) : undefined;
  if (kind === 'number' || kind === 'integer') {
    const number = Number(text);
    if (!Number.isFinite(number)) return formatLabel(labels.fieldNumber, { field });
    if (kind === 'integer' && !Number.isInteger(number)) return formatLabel(labels.fieldInteger, { field });
    if (schema.minimum !== undefined && number < schema.minimum) return formatLabel(labels.fieldMin, { field, min: schema.minimum });
    if (schema.maximum !== undefined && number > schema.maximum) return formatLabel(labels.fieldMax, { field, max: schema.maximum });
    return undefined;
  }
  if (schema.minLength !== undefined && text.length < schema.minLength) {
    return formatLabel(labels.fieldMinLength, { field, min: schema.minLength });
  }
  if (schema.maxLength !== undefined && text.length > schema.maxLength) {
    return formatLabel(labels.fieldMaxLength, { field, max: schema.maxLength });
  }
  // A pattern that could freeze the tab, or a value too long to test safely, is left to Membrane.
  if (schema.pattern && text.length <= MAX_PATTERN_INPUT_LENGTH && isSafePattern(schema.pattern)) {
    try {
      if (!new RegExp(schema.pattern, 'u').test(text)) return formatLabel(labels.fieldPattern, { field });
    } catch {
      // An invalid pattern in the schema is the workspace's bug; do not block the user on it.
    }
  }
  return undefined;
}

/** Validates every field; returns the messages by property name (empty when valid). */
export function validateParameters(
  schema: ParametersSchema | undefined,
  values: FormValues,
  labels: MembraneKitLabels,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = new Set(schema?.required ?? []);
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const message = validateField(name, property, values[name], required.has(name), labels);
    if (message) errors[name] = message;
  }
  return errors;
}

/** Typed `connectionParameters` from the raw values: numbers as numbers, blanks left out. */
export function toParameters(schema: ParametersSchema | undefined, values: FormValues): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const value = values[name];
    const kind = fieldKind(property);
    if (kind === 'boolean') {
      parameters[name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') continue;
    if (kind === 'number' || kind === 'integer') parameters[name] = Number(text);
    else if (kind === 'enum') {
      const match = enumOptions(property).find((option) => String(option.value) === text);
      parameters[name] = match?.value ?? text;
    } else parameters[name] = kind === 'secret' ? (value as string) : text;
  }
  return parameters;
}
