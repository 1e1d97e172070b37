import { Fragment, type ReactNode } from 'react';
import { needsBidiIsolation } from './needsBidiIsolation.js';

/**
 * `formatLabel` for visible text: fills `{placeholders}` and wraps a filled-in value in `<bdi>`
 * when {@link needsBidiIsolation} says it could reorder the sentence (an integration name with a
 * right-to-left override or right-to-left letters, or a right-to-left label), issue 11 item 9.
 * Other values are plain text, so ordinary names render exactly as `formatLabel` would. Unknown
 * placeholders are left as they are. Attributes cannot hold elements: use `formatLabel` with
 * `isolateBidi` there.
 *
 * @example
 * ```tsx
 * <h2>{formatLabelNode('Disconnect {name}?', { name: 'Slack\u202Eexe.png' })}</h2>
 * // <h2>Disconnect <bdi>Slack‮exe.png</bdi>?</h2>
 * ```
 */
export function formatLabelNode(template: string, values: Record<string, string | number | undefined> = {}): ReactNode {
  const parts: ReactNode[] = [];
  let text = '';
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const raw = values[match[1]!];
    if (raw === undefined) continue;
    const value = String(raw);
    text += template.slice(last, match.index);
    last = match.index + match[0].length;
    if (!needsBidiIsolation(value, template)) {
      text += value;
      continue;
    }
    if (text !== '') parts.push(text);
    text = '';
    parts.push(<bdi key={parts.length}>{value}</bdi>);
  }
  text += template.slice(last);
  if (parts.length === 0) return text;
  if (text !== '') parts.push(text);
  return <Fragment>{parts}</Fragment>;
}
