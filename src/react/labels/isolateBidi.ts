/** Bidi controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI) and strong right-to-left scripts. */
const BIDI_SENSITIVE =
  /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Old_Hungarian}\p{Script=Mende_Kikakui}]/u;

/**
 * Wraps text that goes into an attribute (`aria-label`, `title`) in FIRST STRONG ISOLATE … POP
 * DIRECTIONAL ISOLATE (U+2068 … U+2069), the attribute form of `<bdi>`: an integration name with a
 * right-to-left override (U+202E) or right-to-left letters then cannot reorder the sentence around
 * it. Text that can affect no reordering (no bidi controls, no right-to-left letters, in a
 * left-to-right `context`) is returned as it is, so ordinary names keep their plain accessible
 * names ("Connect HubSpot").
 *
 * @example
 * ```ts
 * formatLabel(labels.disconnectFrom, { name: isolateBidi(name, labels.disconnectFrom) });
 * // 'Disconnect \u2068Slack\u202Eexe.png\u2069' for the name 'Slack\u202Eexe.png'; 'Disconnect HubSpot' for 'HubSpot'
 * ```
 */
export function isolateBidi(text: string, context = ''): string {
  return BIDI_SENSITIVE.test(text) || BIDI_SENSITIVE.test(context) ? `\u2068${text}\u2069` : text;
}
