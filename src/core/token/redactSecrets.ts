// Anything shaped like a JWT (three base64url segments, the first starting like a JSON header) or a
// bearer credential is replaced, so a message built from a third-party error can be shown or logged.
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const BEARER_PATTERN = /(Bearer\s+)[^\s"',]+/gi;
const MAX_LENGTH = 300;

/** Removes JWTs and bearer credentials from text taken from an error we did not create. */
export function redactSecrets(text: string): string {
  const redacted = text.replace(JWT_PATTERN, '[redacted token]').replace(BEARER_PATTERN, '$1[redacted]');
  return redacted.length > MAX_LENGTH ? `${redacted.slice(0, MAX_LENGTH)}…` : redacted;
}

/** A short, secret-free description of a rejection reason for use inside an error message. */
export function describeReason(reason: unknown): string {
  if (reason instanceof Error) {
    const message = redactSecrets(reason.message).trim();
    return message ? `${reason.name}: ${message}` : reason.name;
  }
  if (typeof reason === 'string') return redactSecrets(reason).trim() || 'an empty string';
  if (reason === undefined) return 'undefined';
  if (reason === null) return 'null';
  return `a value of type ${typeof reason}`;
}
