import { useDeferredValue, useEffect, useState } from 'react';

/** What {@link useSearchState} returns. */
export interface SearchState {
  /** What the search box shows: updated on every keystroke. */
  value: string;
  setValue: (value: string) => void;
  /** The trimmed value once typing paused for `debounceMs` (at once when cleared): for the server. */
  serverValue: string;
  /** The trimmed value in a deferred render (React may skip it for the next keystroke): for display. */
  searched: string;
  /** `searched`, lower-cased: what local filtering matches against. */
  needle: string;
}

/**
 * The state of a search box over a list: the input's value at once, a debounced copy for the
 * server, and a deferred copy for local filtering, so typing stays responsive however long the list.
 *
 * @example
 * ```tsx
 * const search = useSearchState(300);
 * const { integrations } = useIntegrationsForKit(kit, { search: search.serverValue });
 * <input type="search" value={search.value} onChange={(event) => search.setValue(event.target.value)} />
 * ```
 */
export function useSearchState(debounceMs: number): SearchState {
  const [value, setValue] = useState('');
  const [serverValue, setServerValue] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setServerValue(value.trim()), value.trim() === '' ? 0 : debounceMs);
    return () => clearTimeout(timer);
  }, [value, debounceMs]);
  const searched = useDeferredValue(value).trim();
  return { value, setValue, serverValue, searched, needle: searched.toLowerCase() };
}
