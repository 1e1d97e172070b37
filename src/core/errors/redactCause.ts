// A JWT, a bearer credential, or a `token=` query parameter (Membrane's SSE and connect URLs).
const SECRET = /eyJ[\w-]*\.[\w-]+\.[\w-]*|Bearer\s+(?!\[redacted\])[^\s"',]+|[?&]token=(?!\[redacted\])[^&\s"']+/i;
const SECRETS = new RegExp(SECRET.source, 'gi');

/** Request details an HTTP client keeps on its errors (axios: `config.headers.Authorization`). */
const REQUEST_KEYS = new Set(['config', 'request', 'headers']);
const MAX_DEPTH = 5;

/** Replaces every token-shaped part of `text`, keeping the rest (no truncation). */
export function redactText(text: string): string {
  return text.replace(SECRETS, (match) => {
    if (/^bearer/i.test(match)) return 'Bearer [redacted]';
    if (/^[?&]/.test(match)) return `${match.slice(0, match.indexOf('=') + 1)}[redacted]`;
    return '[redacted token]';
  });
}

function containsSecret(value: unknown): boolean {
  if (typeof value === 'string') return SECRET.test(value);
  if (typeof value !== 'object' || value === null) return false;
  try {
    return SECRET.test(JSON.stringify(value) ?? '');
  } catch {
    return true;
  }
}

function needsRedaction(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return SECRET.test(value);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return false;
  const record = value as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(value)) {
    if (REQUEST_KEYS.has(key)) return true;
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !('value' in descriptor)) continue;
    if (key === 'cause' || key === 'response') {
      if (needsRedaction(record[key], depth + 1)) return true;
    } else if (typeof descriptor.value === 'string' ? SECRET.test(descriptor.value) : key === 'data' && containsSecret(descriptor.value)) {
      return true;
    }
  }
  return false;
}

function redactData(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  try {
    return JSON.parse(JSON.stringify(value), (_key, item: unknown) => (typeof item === 'string' ? redactText(item) : item)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The `cause` to keep on a kit error: the original when it carries nothing secret (identity is
 * kept), else a copy of the same class without the request (`config`, `request`, `headers`: axios
 * puts `Authorization: Bearer …` there), with tokens replaced in every text, and the same for its
 * own `cause` chain. `util.inspect(error, { depth: 10 })` then shows no token.
 *
 * @example
 * ```ts
 * const cause = redactCause(axiosError); // no cause.config.headers.Authorization
 * ```
 */
export function redactCause(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (!needsRedaction(value, depth)) return value;
  const source = value as Record<string, unknown>;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(source)) {
    if (REQUEST_KEYS.has(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(source, key);
    if (!descriptor || !('value' in descriptor) || typeof descriptor.value === 'function') continue;
    const item: unknown = descriptor.value;
    if (key === 'cause') descriptor.value = redactCause(item, depth + 1);
    else if (key === 'response') {
      const response = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      descriptor.value = { status: response.status, statusText: response.statusText, data: redactData(response.data) };
      if (typeof response.status === 'number' && !('status' in source)) copy.status = response.status;
    } else descriptor.value = redactData(item);
    Object.defineProperty(copy, key, descriptor);
  }
  return copy;
}
