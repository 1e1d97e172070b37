import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatLabelNode } from './formatLabelNode.js';

const html = (node: ReturnType<typeof formatLabelNode>) => render(<p>{node}</p>).container.innerHTML;

describe('formatLabelNode', () => {
  it('wraps a name with a right-to-left override in <bdi> and keeps the sentence around it', () => {
    expect(html(formatLabelNode('Disconnect {name}?', { name: 'Slack\u202Eexe.png' }))).toBe('<p>Disconnect <bdi>Slack\u202Eexe.png</bdi>?</p>');
  });

  it('renders an ordinary name as plain text, as formatLabel does, and leaves unknown placeholders', () => {
    expect(formatLabelNode('Disconnect {name}? {other}', { name: 'HubSpot' })).toBe('Disconnect HubSpot? {other}');
  });

  it('isolates every value in a right-to-left label', () => {
    expect(html(formatLabelNode('נתק את {name}', { name: 'HubSpot' }))).toBe('<p>נתק את <bdi>HubSpot</bdi></p>');
  });
});
