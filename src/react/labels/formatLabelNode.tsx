import { Fragment, type ReactNode } from 'react';

/**
 * `formatLabel` for visible text: fills `{placeholders}` and wraps each filled-in value in `<bdi>`,
 * so an integration name (or an API message) with a right-to-left override or right-to-left
 * letters cannot reorder the sentence around it (issue 11 item 9). Unknown placeholders are left
 * as they are. Attributes cannot hold elements: use `formatLabel` with `isolateBidi` there.
 *
 * @example
 * ```tsx
 * <h2>{formatLabelNode('Disconnect {name}?', { name: 'Slack\u202Eexe.png' })}</h2>
 * // <h2>Disconnect <bdi>Slack‮exe.png</bdi>?</h2>
 * ```
 */
export function formatLabelNode(template: string, values: Record<string, string | number | undefined> = {}): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const value = values[match[1]!];
    if (value === undefined) continue;
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push(<bdi key={parts.length}>{String(value)}</bdi>);
    last = match.index + match[0].length;
  }
  if (last === 0) return template;
  if (last < template.length) parts.push(template.slice(last));
  return <Fragment>{parts}</Fragment>;
}
