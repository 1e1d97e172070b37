/**
 * Fills `{placeholders}` in a label; unknown placeholders are left as they are.
 *
 * @example
 * ```ts
 * formatLabel('Connect {name}', { name: 'HubSpot' }); // 'Connect HubSpot'
 * ```
 */
export function formatLabel(template: string, values: Record<string, string | number | undefined> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    return value === undefined ? match : String(value);
  });
}
