import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safeHttpUrl.js';

describe('safeHttpUrl', () => {
  it.each([
    ['https://docs.stripe.com/keys', 'https://docs.stripe.com/keys'],
    ['  http://example.com/a b ', 'http://example.com/a%20b'],
  ])('keeps the http(s) URL %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative/path',
    'not a url',
    '',
    42,
    undefined,
    null,
  ])('refuses %j', (input) => {
    expect(safeHttpUrl(input)).toBeUndefined();
  });

  it('allows data:image URLs only for images', () => {
    const logo = 'data:image/svg+xml,%3Csvg%3E%3C/svg%3E';
    expect(safeHttpUrl(logo)).toBeUndefined();
    expect(safeHttpUrl(logo, { allowDataImage: true })).toBe(logo);
    expect(safeHttpUrl('data:text/html;base64,PHNjcmlwdD4=', { allowDataImage: true })).toBeUndefined();
    expect(safeHttpUrl('javascript:alert(1)', { allowDataImage: true })).toBeUndefined();
  });
});
