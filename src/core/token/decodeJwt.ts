import { TokenError } from './TokenError.js';
import type { JwtClaims } from './types.js';

const SEGMENT_PATTERN = /^[A-Za-z0-9_\-+/]*={0,2}$/;

/**
 * Reads the claims of a JWT without verifying its signature (verification is the Membrane API's
 * job; the kit only needs `exp` and `iat` to schedule refreshes).
 *
 * Throws a {@link TokenError} with code `invalid_token` whose message explains which part is
 * malformed. The message never contains the token.
 *
 * @example
 * ```ts
 * const { exp, iat } = decodeJwt(token);
 * const lifetimeSeconds = exp !== undefined && iat !== undefined ? exp - iat : undefined;
 * ```
 */
export function decodeJwt(token: string): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw invalid(
      `expected 3 dot-separated parts (header.payload.signature) but found ${parts.length}`,
    );
  }
  const [header, payload] = parts as [string, string, string];
  decodeSegmentAsObject(header, 'header');
  const claims = decodeSegmentAsObject(payload, 'payload');

  for (const claim of ['exp', 'iat'] as const) {
    const value = claims[claim];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw invalid(`its "${claim}" claim must be a number of seconds since 1970, but it is a ${describeType(value)}`);
    }
  }
  return claims as JwtClaims;
}

function decodeSegmentAsObject(segment: string, name: 'header' | 'payload'): Record<string, unknown> {
  if (segment === '') throw invalid(`its ${name} part is empty`);
  if (!SEGMENT_PATTERN.test(segment) || segment.replace(/=+$/, '').length % 4 === 1) {
    throw invalid(`its ${name} part is not valid base64url`);
  }
  let text: string;
  try {
    text = base64UrlDecode(segment);
  } catch {
    throw invalid(`its ${name} part is not valid base64url`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(`its ${name} part decodes to text that is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`its ${name} part is JSON but not an object (it is ${describeType(value)})`);
  }
  return value as Record<string, unknown>;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function invalid(reason: string): TokenError {
  return new TokenError('invalid_token', `The token is not a valid JWT: ${reason}.`);
}
