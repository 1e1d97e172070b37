/** Longer values are not tested against a schema pattern: even linear-looking patterns can be polynomial. */
export const MAX_PATTERN_INPUT_LENGTH = 1000;

interface Group {
  /** A quantifier or a quantified group somewhere inside. */
  hasQuantifier: boolean;
  /** A `|` somewhere inside. */
  hasAlternation: boolean;
}

/** `*`, `+` or `{n,}` / `{n,m}` / `{n}` at `index`; returns its length, or 0. */
function repeatAt(source: string, index: number): number {
  const char = source[index];
  if (char === '*' || char === '+') return 1;
  if (char !== '{') return 0;
  const match = /^\{\d+(,\d*)?\}/.exec(source.slice(index));
  return match ? match[0].length : 0;
}

/**
 * Whether a schema `pattern` from the API can be run on every keystroke without freezing the tab.
 * A browser's RegExp cannot be interrupted, so the risky shapes are refused before compiling:
 * a repeated group that contains a quantifier (`(a+)+`, `(\w+\s?)*`) or an alternation
 * (`(a|a)+`), and backreferences (`\1`, `\k<name>`). A refused pattern is not checked in the
 * browser (Membrane still validates the parameters); ordinary patterns
 * (`^sk_(test|live)_[A-Za-z0-9]{8,}$`) pass.
 *
 * @example
 * ```ts
 * isSafePattern('^(a+)+$'); // false
 * isSafePattern('^[a-z0-9-]+\\.example\\.com$'); // true
 * ```
 */
export function isSafePattern(source: string): boolean {
  const stack: Group[] = [{ hasQuantifier: false, hasAlternation: false }];
  const top = () => stack[stack.length - 1]!;
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      const next = source[index + 1];
      if (!inClass && next !== undefined && (/[1-9]/.test(next) || (next === 'k' && source[index + 2] === '<'))) return false;
      index++;
      if (!inClass && repeatAt(source, index + 1) > 0) top().hasQuantifier = true;
      continue;
    }
    if (inClass) {
      if (char === ']') {
        inClass = false;
        if (repeatAt(source, index + 1) > 0) top().hasQuantifier = true;
      }
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') {
      stack.push({ hasQuantifier: false, hasAlternation: false });
      // Skip the group's own syntax: (?:  (?=  (?!  (?<=  (?<!  (?<name>
      if (source[index + 1] === '?') {
        const named = /^\?<[A-Za-z_$][\w$]*>/.exec(source.slice(index + 1));
        index += named ? named[0].length : source[index + 2] === '<' ? 3 : 2;
      }
    }
    else if (char === '|') top().hasAlternation = true;
    else if (char === ')') {
      if (stack.length === 1) return false;
      const group = stack.pop()!;
      const repeated = repeatAt(source, index + 1) > 0;
      if (repeated && (group.hasQuantifier || group.hasAlternation)) return false;
      top().hasQuantifier ||= group.hasQuantifier || repeated;
      top().hasAlternation ||= group.hasAlternation;
    } else if (repeatAt(source, index) > 0 || char === '?') {
      // `?` after `(` is group syntax, handled above; elsewhere it is an optional atom.
      top().hasQuantifier = true;
    }
  }
  return stack.length === 1 && !inClass;
}
