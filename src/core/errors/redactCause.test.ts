import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KitError } from './KitError.js';
import { redactCause, redactText } from './redactCause.js';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjEifQ.c2lnbmF0dXJl';

describe('redactCause', () => {
  it('keeps a cause without secrets as the same object', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(redactCause(cause)).toBe(cause);
    expect(new KitError('network', 'x', { cause }).cause).toBe(cause);
  });

  it('copies an axios-shaped error without its request, keeping class, code, status and body', () => {
    class AxiosLikeError extends Error {}
    const cause = Object.assign(new AxiosLikeError(`GET /x?token=${TOKEN} failed`), {
      code: 'ERR_BAD_RESPONSE',
      config: { headers: { Authorization: `Bearer ${TOKEN}` } },
      request: { path: `/x?token=${TOKEN}` },
      response: { status: 502, headers: { 'set-cookie': 'sid=1' }, data: { message: `bad ${TOKEN}` } },
      cause: Object.assign(new Error('inner'), { config: { headers: { Authorization: `Bearer ${TOKEN}` } } }),
    });
    const error = new KitError('server', 'x', { cause });
    const printed = inspect(error, { depth: 10 });
    expect(printed).not.toContain('eyJ');
    expect(printed).not.toContain('sid=1');
    expect(error.cause).toBeInstanceOf(AxiosLikeError);
    expect(error.cause).toMatchObject({
      message: 'GET /x?token=[redacted] failed',
      code: 'ERR_BAD_RESPONSE',
      status: 502,
      response: { status: 502, data: { message: 'bad [redacted token]' } },
    });
    expect((error.cause as { cause: unknown }).cause).toMatchObject({ message: 'inner' });
  });

  it('redacts tokens and bearer credentials in text', () => {
    expect(redactText(`Authorization: Bearer abc.def and ${TOKEN}`)).toBe('Authorization: Bearer [redacted] and [redacted token]');
    expect(redactCause(`failed with ${TOKEN}`)).toBe('failed with [redacted token]');
  });
});
