import { describe, expect, it } from 'vitest';
import { defaultLabels } from '../../labels/defaultLabels.js';
import { enumOptions, fieldKind, toParameters, validateField } from './validateParameters.js';

describe('enum fields', () => {
  it('show the titles of oneOf / anyOf consts, not the raw values', () => {
    const region = { type: 'string', oneOf: [{ const: 'us', title: 'United States' }, { const: 'eu', title: 'European Union' }] };
    expect(fieldKind(region)).toBe('enum');
    expect(enumOptions(region)).toEqual([
      { value: 'us', title: 'United States' },
      { value: 'eu', title: 'European Union' },
    ]);
    expect(enumOptions({ anyOf: [{ const: 1, title: 'One' }, { const: 2 }] })).toEqual([
      { value: 1, title: 'One' },
      { value: 2, title: '2' },
    ]);
  });

  it('use enumNames beside enum, and the value itself when there is no title', () => {
    expect(enumOptions({ enum: ['us', 'eu'], enumNames: ['United States'] })).toEqual([
      { value: 'us', title: 'United States' },
      { value: 'eu', title: 'eu' },
    ]);
  });

  it('send the option value with its type (numbers stay numbers)', () => {
    const schema = {
      type: 'object',
      properties: { region: { oneOf: [{ const: 'us', title: 'United States' }] }, tier: { enum: [1, 2], enumNames: ['Basic', 'Pro'] } },
    };
    expect(toParameters(schema, { region: 'us', tier: '2' })).toEqual({ region: 'us', tier: 2 });
  });

  it('a oneOf that is not a list of consts is not an enum', () => {
    expect(fieldKind({ type: 'string', oneOf: [{ type: 'string', format: 'email' }] })).toBe('string');
    expect(validateField('email', { type: 'string', oneOf: [{ format: 'email' }] }, '', true, defaultLabels)).toMatch(/required/i);
  });
});
