// Unsigned-looking test JWTs: the kit never verifies signatures, only reads exp/iat.
export function base64UrlEncode(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

export function makeJwt(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  return `${base64UrlEncode(JSON.stringify(header))}.${base64UrlEncode(JSON.stringify(claims))}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}

/** A token issued at `issuedAtMs` (server clock) that lives `lifetimeMs`. */
export function makeTokenAt(issuedAtMs: number, lifetimeMs: number, extra: Record<string, unknown> = {}): string {
  return makeJwt({
    id: 'customer-1',
    iss: 'workspace-key',
    ...extra,
    iat: Math.floor(issuedAtMs / 1000),
    exp: Math.floor((issuedAtMs + lifetimeMs) / 1000),
  });
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The `g` (generation) claim of a `Bearer` header's JWT, for test servers that refuse old tokens. */
export function generationOf(authorization: string | undefined): number | undefined {
  const payload = authorization?.replace(/^Bearer /, '').split('.')[1];
  if (!payload) return undefined;
  return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { g?: number }).g;
}
