import type { EmulatorDataSchema } from '../types.js';

const SECRET_NAME = /secret|token|password|passwd|api[-_]?key|private/i;

/**
 * The parameters to show on a page, secrets masked: fields with `format: 'password'` or
 * `writeOnly: true` in the schema, and unknown fields whose name looks secret.
 */
export function maskParameters(
  schema: EmulatorDataSchema | undefined,
  parameters: Record<string, unknown>,
): Array<{ field: string; label: string; value: string }> {
  return Object.entries(parameters).map(([field, value]) => {
    const property = schema?.properties?.[field];
    const secret = property ? property.format === 'password' || property.writeOnly === true : SECRET_NAME.test(field);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return { field, label: property?.title ?? field, value: secret ? '•'.repeat(Math.min(12, Math.max(8, text.length))) : text };
  });
}
