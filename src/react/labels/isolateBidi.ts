import { needsBidiIsolation } from './needsBidiIsolation.js';

/**
 * Wraps text that goes into an attribute (`aria-label`, `title`) in FIRST STRONG ISOLATE … POP
 * DIRECTIONAL ISOLATE (U+2068 … U+2069), the attribute form of `<bdi>`: an integration name with a
 * right-to-left override (U+202E) or right-to-left letters then cannot reorder the sentence around
 * it. Text that {@link needsBidiIsolation} finds harmless (no bidi controls, no right-to-left
 * letters, in a left-to-right `context`) is returned as it is, so ordinary names keep their plain
 * accessible names ("Connect HubSpot").
 *
 * @example
 * ```ts
 * formatLabel(labels.disconnectFrom, { name: isolateBidi(name, labels.disconnectFrom) });
 * // 'Disconnect \u2068Slack\u202Eexe.png\u2069' for the name 'Slack\u202Eexe.png'; 'Disconnect HubSpot' for 'HubSpot'
 * ```
 */
export function isolateBidi(text: string, context = ''): string {
  return needsBidiIsolation(text, context) ? `\u2068${text}\u2069` : text;
}
