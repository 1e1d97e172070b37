import { describe, expect, it } from 'vitest';
import { formatLabel } from './formatLabel.js';
import { isolateBidi } from './isolateBidi.js';

describe('isolateBidi', () => {
  it('wraps a name with a right-to-left override, or right-to-left letters, in FSI … PDI', () => {
    expect(formatLabel('Disconnect {name}', { name: isolateBidi('Slack\u202Eexe.png') })).toBe('Disconnect \u2068Slack\u202Eexe.png\u2069');
    expect(isolateBidi('שלום')).toBe('\u2068שלום\u2069');
    expect(isolateBidi('Slack\u2067x')).toBe('\u2068Slack\u2067x\u2069');
  });

  it('leaves a left-to-right name in a left-to-right sentence as it is, and isolates any name in a right-to-left sentence', () => {
    expect(isolateBidi('HubSpot', 'Disconnect {name}')).toBe('HubSpot');
    expect(isolateBidi('HubSpot 2.0', 'נתק את {name}')).toBe('\u2068HubSpot 2.0\u2069');
  });
});
