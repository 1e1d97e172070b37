/** Bidi controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI) and strong right-to-left scripts. */
const BIDI_SENSITIVE =
  /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Old_Hungarian}\p{Script=Mende_Kikakui}]/u;

/**
 * Whether a value interpolated into a sentence must be bidi-isolated: it holds bidi controls (a
 * right-to-left override, U+202E, can reverse the rest of the sentence) or right-to-left letters,
 * or the sentence (`context`, e.g. a translated label) does. A left-to-right name in a
 * left-to-right sentence cannot be reordered, so it is left as it is: its DOM and accessible name
 * stay plain ("Connect HubSpot").
 *
 * @example
 * ```ts
 * needsBidiIsolation('Slack\u202Eexe.png'); // true
 * needsBidiIsolation('HubSpot', 'Disconnect {name}'); // false
 * needsBidiIsolation('HubSpot', 'נתק את {name}'); // true
 * ```
 */
export function needsBidiIsolation(value: string, context = ''): boolean {
  return BIDI_SENSITIVE.test(value) || BIDI_SENSITIVE.test(context);
}
