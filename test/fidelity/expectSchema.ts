/**
 * Validation of emulator responses against `@membranehq/sdk` 0.28's own zod schemas: a failure
 * names the response and lists every zod issue with its path, so the emulator fix is obvious.
 */

interface ZodIssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
}

/** The part of a zod (v3 or v4) schema used here. */
export interface SchemaLike<T = unknown> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: ZodIssueLike[] } };
}

/** Issues as `path: message` lines (`(root)` for the top level). */
export function formatIssues(issues: ZodIssueLike[]): string {
  return issues.map((issue) => `  ${issue.path.length ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`).join('\n');
}

/**
 * Parses `value` with `schema`; throws with the zod issues when the SDK's schema rejects it.
 *
 * @example
 * ```ts
 * expectSchema(ConnectionApiResponse, await client.connection(id).get(), 'GET /connections/:id');
 * ```
 */
export function expectSchema<T>(schema: SchemaLike<T>, value: unknown, label: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`${label}: the response does not match @membranehq/sdk 0.28's schema:\n${formatIssues(result.error.issues)}\nresponse: ${JSON.stringify(value)}`);
  }
  return result.data;
}

/**
 * An array schema over an item schema, without importing zod here (zod is the SDK's dependency,
 * not the kit's): each item is parsed with `item`, issues prefixed by the index.
 *
 * @example
 * ```ts
 * expectSchema(arrayOf(GeneratedConnectorOption), options, 'POST /connection-options');
 * ```
 */
export function arrayOf<T>(item: SchemaLike<T>): SchemaLike<T[]> {
  return {
    safeParse(value) {
      if (!Array.isArray(value)) return { success: false, error: { issues: [{ path: [], message: `expected an array, got ${typeof value}` }] } };
      const data: T[] = [];
      const issues: ZodIssueLike[] = [];
      value.forEach((element, index) => {
        const result = item.safeParse(element);
        if (result.success) data.push(result.data);
        else issues.push(...result.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })));
      });
      return issues.length ? { success: false, error: { issues } } : { success: true, data };
    },
  };
}
