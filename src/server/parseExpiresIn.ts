import { MembraneTokenError } from './MembraneTokenError.js';
import type { ExpiresIn } from './types.js';

/** Membrane's docs use 7200 seconds. */
export const DEFAULT_EXPIRES_IN_SECONDS = 2 * 60 * 60;
/** Above this a token is "long-lived" and needs `allowLongLived: true`. */
export const MAX_EXPIRES_IN_SECONDS = 24 * 60 * 60;

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
};

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i;

const FORMATS = "a number of seconds (7200) or a string with a unit ('2h', '15m', '90s', '1d')";

/**
 * Turns `expiresIn` into whole seconds and enforces the bounds: at least 1 second, at most
 * 24 hours unless `allowLongLived`.
 */
export function parseExpiresIn(expiresIn: ExpiresIn | undefined, allowLongLived = false): number {
  if (expiresIn === undefined) return DEFAULT_EXPIRES_IN_SECONDS;
  let seconds: number;
  if (typeof expiresIn === 'number') {
    if (!Number.isFinite(expiresIn)) {
      throw new MembraneTokenError('invalid_expires_in', `expiresIn must be a finite number of seconds, got ${String(expiresIn)}.`);
    }
    seconds = expiresIn;
  } else if (typeof expiresIn === 'string') {
    const match = DURATION.exec(expiresIn);
    const unit = match?.[2] === undefined ? undefined : UNIT_SECONDS[match[2].toLowerCase()];
    if (!match?.[1] || unit === undefined) {
      const hint = /^\s*\d+(?:\.\d+)?\s*$/.test(expiresIn)
        ? ' A string without a unit is ambiguous (jsonwebtoken reads it as milliseconds): pass a number of seconds or add a unit.'
        : '';
      throw new MembraneTokenError(
        'invalid_expires_in',
        `expiresIn ${JSON.stringify(expiresIn)} is not a duration: use ${FORMATS}.${hint}`,
      );
    }
    seconds = Number(match[1]) * unit;
  } else {
    throw new MembraneTokenError('invalid_expires_in', `expiresIn must be ${FORMATS}, got ${typeof expiresIn}.`);
  }
  seconds = Math.floor(seconds);
  if (seconds < 1) {
    throw new MembraneTokenError(
      'invalid_expires_in',
      `expiresIn must be at least 1 second, got ${JSON.stringify(expiresIn)}: a token that is already expired is useless.`,
    );
  }
  if (seconds > MAX_EXPIRES_IN_SECONDS && !allowLongLived) {
    throw new MembraneTokenError(
      'expires_in_too_long',
      `expiresIn ${JSON.stringify(expiresIn)} is more than 24 hours: a leaked token would stay usable that long. ` +
        'Use a short lifetime (the front end refreshes tokens on its own), or pass `allowLongLived: true` if you really need it.',
    );
  }
  return seconds;
}
