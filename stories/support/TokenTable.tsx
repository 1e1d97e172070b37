import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import stylesSource from '../../src/styles/styles.css?raw';

interface TokenGroup {
  title: string;
  names: string[];
}

/** The kit's tokens, read from styles.css itself (the light block), so this table can never miss one. */
function readTokenGroups(css: string): TokenGroup[] {
  const start = css.indexOf(':where(:root, :host) {');
  const block = css.slice(start, css.indexOf('\n  }', start));
  const groups: TokenGroup[] = [];
  for (const line of block.split('\n')) {
    const heading = /^\s*\/\*\s*(.+?)\s*\*\/\s*$/.exec(line);
    if (heading?.[1]) groups.push({ title: heading[1], names: [] });
    const token = /^\s*(--mk-[\w-]+)\s*:/.exec(line);
    if (token?.[1]) {
      if (groups.length === 0) groups.push({ title: 'tokens', names: [] });
      groups[groups.length - 1]?.names.push(token[1]);
    }
  }
  return groups;
}

const isColour = (name: string) => name.startsWith('--mk-color-');

function toHex(rgb: string): string {
  const match = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+))?\)/.exec(rgb);
  if (!match) return rgb;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => Math.round(Number(part)).toString(16).padStart(2, '0'));
  const alpha = match[4] === undefined ? '' : ` / ${Number(match[4])}`;
  return `#${r}${g}${b}${alpha}`;
}

/**
 * Every `--mk-*` token with the value it has right now, for a theme and a brand picked above the
 * table: the values are computed by the browser from styles.css and the brand files.
 */
export function TokenTable() {
  const groups = useMemo(() => readTokenGroups(stylesSource), []);
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  const [brand, setBrand] = useState<'kit' | 'sunrise' | 'ledger'>('kit');
  const [values, setValues] = useState<Record<string, string>>({});
  const root = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);

  useLayoutEffect(() => {
    const element = root.current;
    const colourProbe = probe.current;
    if (!element || !colourProbe) return;
    const computed = getComputedStyle(element);
    const next: Record<string, string> = {};
    for (const name of groups.flatMap((group) => group.names)) {
      if (isColour(name)) {
        colourProbe.style.backgroundColor = `var(${name})`;
        next[name] = toHex(getComputedStyle(colourProbe).backgroundColor);
      } else {
        next[name] = computed.getPropertyValue(name).trim().replace(/\s+/g, ' ');
      }
    }
    setValues(next);
  }, [groups, theme, brand]);

  return (
    <div data-mk-brand={brand === 'kit' ? undefined : brand}>
      <div ref={root} className="mk-root" data-mk-theme={theme} style={{ padding: '1rem', borderRadius: 12, background: 'var(--mk-color-bg)', border: '1px solid var(--mk-color-border)' }}>
        <span ref={probe} aria-hidden="true" style={{ display: 'none' }} />
        <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', marginBlockEnd: '1rem' }}>
          <label>
            Theme{' '}
            <select value={theme} onChange={(event) => setTheme(event.target.value as 'light' | 'dark')}>
              <option value="light">light</option>
              <option value="dark">dark</option>
            </select>
          </label>
          <label>
            Brand{' '}
            <select value={brand} onChange={(event) => setBrand(event.target.value as 'kit' | 'sunrise' | 'ledger')}>
              <option value="kit">kit defaults</option>
              <option value="sunrise">sunrise (stories/themes/sunrise.css)</option>
              <option value="ledger">ledger (stories/themes/ledger.css)</option>
            </select>
          </label>
        </div>
        <table style={{ borderCollapse: 'collapse', inlineSize: '100%', fontSize: 'var(--mk-font-size-sm)' }}>
          <caption style={{ textAlign: 'start', paddingBlockEnd: '0.5rem' }}>
            {groups.reduce((count, group) => count + group.names.length, 0)} tokens, values computed live
          </caption>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'start' }}>Token</th>
              <th scope="col" style={{ textAlign: 'start' }}>Value</th>
              <th scope="col" style={{ textAlign: 'start' }}>Preview</th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.title}>
              <tr>
                <th scope="rowgroup" colSpan={3} style={{ textAlign: 'start', paddingBlockStart: '1rem', textTransform: 'capitalize' }}>
                  {group.title}
                </th>
              </tr>
              {group.names.map((name) => (
                <tr key={name} style={{ borderBlockStart: '1px solid var(--mk-color-border)' }}>
                  <td style={{ paddingBlock: '0.35rem' }}>
                    <code>{name}</code>
                  </td>
                  <td>
                    <code>{values[name] ?? ''}</code>
                  </td>
                  <td>
                    {isColour(name) ? (
                      <span
                        aria-hidden="true"
                        style={{ display: 'inline-block', inlineSize: '2.5rem', blockSize: '1.25rem', borderRadius: 4, border: '1px solid var(--mk-color-border-strong)', background: `var(${name})` }}
                      />
                    ) : name.startsWith('--mk-radius-') ? (
                      <span
                        aria-hidden="true"
                        style={{ display: 'inline-block', inlineSize: '2.5rem', blockSize: '1.5rem', border: '2px solid var(--mk-color-primary)', borderRadius: `var(${name})` }}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}
