import { describe, expect, it } from 'vitest';
import { isSafePattern } from './isSafePattern.js';

describe('isSafePattern', () => {
  it.each([
    '^(a+)+$',
    '^(a*)*$',
    '(a|a)+',
    '^(\\w+\\s?)*$',
    '^(?:a+)+$',
    '^(a|aa){2,}$',
    '((ab)+c)*',
    '^([a-z]+\\d*)+$',
    '^(.*)\\1$',
    '^(?<w>a+)\\k<w>$',
    '(unclosed',
    'closed)',
    '[unclosed',
  ])('refuses %s', (pattern) => {
    expect(isSafePattern(pattern)).toBe(false);
  });

  it.each([
    '^sk_(test|live)_[A-Za-z0-9]{8,}$',
    '^[a-z0-9-]+\\.example\\.com$',
    '^\\d{4}$',
    '^(?:https?|ftp)://\\S+$',
    '^(?<year>\\d{4})-(?<month>\\d{2})$',
    '^[(+)*]+$',
    '^\\(\\d+\\)+$',
    '^(ab){3}$',
    '^(?=.*\\d)[A-Za-z\\d]{8,}$',
  ])('allows %s', (pattern) => {
    expect(isSafePattern(pattern)).toBe(true);
  });
});
