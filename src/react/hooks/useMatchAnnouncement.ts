import { useEffect, useState } from 'react';
import type { MembraneKitLabels } from '../labels/defaultLabels.js';
import { formatLabel } from '../labels/formatLabel.js';

/** What the list shows, for {@link useMatchAnnouncement}. */
export interface MatchAnnouncementInput {
  /** The search as filtered (trimmed); empty: no search, nothing to announce. */
  query: string;
  /** How many items match it. */
  matchCount: number;
  /** The matches are final (the list is neither loading nor in error). */
  settled: boolean;
  /** The first page is loading: announced at once. */
  loading: boolean;
}

/** Screen readers hear the match count once typing pauses, not once per keystroke. */
const ANNOUNCE_DELAY_MS = 500;

/**
 * The text of a searchable list's polite live region (`role="status"`): the loading label at once,
 * and "N results for …" (`labels.searchResults`) once typing has paused for half a second.
 * Takes the labels of the kit the component already resolved.
 *
 * @example
 * ```tsx
 * const announcement = useMatchAnnouncement(labels, { query: search.searched, matchCount: matches.length, settled: true, loading: false });
 * <p role="status" style={visuallyHidden}>{announcement}</p>
 * ```
 */
export function useMatchAnnouncement(labels: MembraneKitLabels, { query, matchCount, settled, loading }: MatchAnnouncementInput): string {
  const message =
    query !== '' && settled
      ? formatLabel(matchCount === 1 ? labels.searchResults.one : labels.searchResults.other, {
          count: matchCount.toLocaleString(),
          query,
        })
      : '';
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(message), message === '' ? 0 : ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return loading ? labels.loading : announced;
}
