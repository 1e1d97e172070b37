import type { EmulatorDataSchema } from './types.js';

/** One problem with one parameter. */
export interface ParameterProblem {
  field: string;
  message: string;
}

/** Result of {@link validateParameters}: the parameters with defaults applied, or the problems. */
export type ParameterValidation =
  | { ok: true; parameters: Record<string, unknown> }
  | { ok: false; problems: ParameterProblem[] };

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkFormat(value: string, format: string | undefined): string | undefined {
  if (format === 'email' && !EMAIL.test(value)) return 'must be an email address';
  if (format === 'uri') {
    try {
      const url = new URL(value);
      if (!/^https?:$/.test(url.protocol)) return 'must be an http(s) URL';
    } catch {
      return 'must be a URL such as https://example.com';
    }
  }
  return undefined;
}

/**
 * Checks connection parameters against an auth option's `ui.schema` the way Membrane's connect
 * form does: required fields, types (string, number, integer, boolean), `enum`, string length,
 * number range and the `email`/`uri` formats. Empty strings count as missing.
 *
 * @example
 * ```ts
 * validateParameters(schema, { apiToken: '' });
 * // { ok: false, problems: [{ field: 'apiToken', message: 'is required' }] }
 * ```
 */
export function validateParameters(schema: EmulatorDataSchema | undefined, input: unknown): ParameterValidation {
  if (input !== undefined && input !== null && typeOf(input) !== 'object') {
    return { ok: false, problems: [{ field: '', message: 'parameters must be an object' }] };
  }
  const given = (input ?? {}) as Record<string, unknown>;
  const properties = schema?.properties ?? {};
  const problems: ParameterProblem[] = [];
  const parameters: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(given)) {
    if (value !== undefined && value !== null && value !== '') parameters[field] = value;
  }
  for (const field of schema?.required ?? []) {
    if (!(field in parameters)) problems.push({ field, message: 'is required' });
  }
  for (const [field, property] of Object.entries(properties)) {
    const value = parameters[field];
    if (value === undefined) {
      if (property.default !== undefined) parameters[field] = property.default;
      continue;
    }
    const types = property.type === undefined ? [] : Array.isArray(property.type) ? property.type : [property.type];
    if (types.length > 0 && !types.some((type) => matchesType(value, type))) {
      problems.push({ field, message: `must be of type ${types.join(' or ')}, got ${typeOf(value)}` });
      continue;
    }
    const allowed = property.oneOf?.map((choice) => choice.const) ?? property.enum;
    if (allowed && !allowed.includes(value as string)) {
      problems.push({ field, message: `must be one of ${allowed.join(', ')}` });
      continue;
    }
    if (typeof value === 'string') {
      if (property.minLength !== undefined && value.length < property.minLength) {
        problems.push({ field, message: `must be at least ${property.minLength} characters` });
      } else if (property.maxLength !== undefined && value.length > property.maxLength) {
        problems.push({ field, message: `must be at most ${property.maxLength} characters` });
      } else {
        const formatProblem = checkFormat(value, property.format);
        if (formatProblem) problems.push({ field, message: formatProblem });
      }
    }
    if (typeof value === 'number') {
      if (property.minimum !== undefined && value < property.minimum) problems.push({ field, message: `must be ≥ ${property.minimum}` });
      if (property.maximum !== undefined && value > property.maximum) problems.push({ field, message: `must be ≤ ${property.maximum}` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, parameters };
}
