// Field coercions shared by normalizeIntegration and normalizeConnection.

/** Membrane's `WorkspaceElementState` values (membrane-sdk-0.28.md §3); any other `state` is dropped. */
export const KNOWN_ELEMENT_STATES: ReadonlySet<string> = new Set([
  'BUILDING',
  'CLIENT_ACTION_REQUIRED',
  'CONFIGURATION_ERROR',
  'SETUP_FAILED',
  'READY',
  'DISCONNECTING',
]);

/** A plain object (not an array, not `null`), or `undefined`. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A string, or a finite number as a string; anything else `undefined`. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A non-empty identifier (string, or a number as a string), else `undefined`. */
export function asIdentifier(value: unknown): string | undefined {
  const text = asText(value);
  return text === undefined || text.trim() === '' ? undefined : text;
}

/** Keeps `record[field]` only when it has the given `typeof`; otherwise deletes it. */
export function keepTyped(record: Record<string, unknown>, type: 'string' | 'boolean', ...fields: string[]): void {
  for (const field of fields) {
    if (field in record && typeof record[field] !== type) delete record[field];
  }
}
