import { describe, expect, it } from 'vitest';
import { defaultLabels } from '../../labels/defaultLabels.js';
import { validateField } from './validateParameters.js';

// Issue 11 item 8: a schema pattern from the API must never block the main thread for > 50 ms.
const labels = defaultLabels;
const check = (pattern: string, value: string) => validateField('key', { type: 'string', title: 'Key', pattern }, value, true, labels);

describe('schema pattern', () => {
  it('checks ^(a+)+$ on each of 29 typed characters within 50 ms per validation', () => {
    const typed = `${'a'.repeat(28)}!`;
    for (let length = 1; length <= typed.length; length++) {
      const started = performance.now();
      check('^(a+)+$', typed.slice(0, length));
      expect(performance.now() - started).toBeLessThan(50);
    }
  });

  it.each([
    '^(a|a)+$',
    '^(a*)*$',
    '^([a-z]+\\d*)+$',
    '^(\\w+\\s?)*$',
    '^(a|aa){2,}$',
    '^(x+x+)+y$',
    '^(.*)\\1$',
    '^(?<w>a+)\\k<w>$',
  ])('stays fast for the catastrophic or backtracking pattern %s', (pattern) => {
    const started = performance.now();
    check(pattern, `${'a'.repeat(40)}!`);
    check(pattern, `${'x'.repeat(40)}!`);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('still applies ordinary patterns', () => {
    expect(check('^sk_(test|live)_[A-Za-z0-9]{8,}$', 'sk_test_12345678')).toBeUndefined();
    expect(check('^sk_(test|live)_[A-Za-z0-9]{8,}$', 'pk_test_12345678')).toBe(labels.fieldPattern.replace('{field}', 'Key'));
    expect(check('^[a-z0-9-]+\\.example\\.com$', 'acme.example.com')).toBeUndefined();
    expect(check('^[a-z0-9-]+\\.example\\.com$', 'acme.example.org')).toBeDefined();
    expect(check('^\\d{4}$', '12a4')).toBeDefined();
  });
});
