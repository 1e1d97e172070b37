import { useMemo } from 'react';
import { fetchTokenFromEndpoint } from '../../core/token/fetchTokenFromEndpoint.js';
import type { FetchToken } from '../../core/token/types.js';

/**
 * The `fetchToken` a component or provider uses: its own `fetchToken` function, else one that POSTs
 * to `tokenUrl` (a string, so it can be passed from a React Server Component), made once per URL.
 *
 * @example
 * ```tsx
 * const fetchToken = useFetchToken(props.fetchToken, props.tokenUrl); // tokenUrl="/api/membrane-token"
 * ```
 */
export function useFetchToken(fetchToken: FetchToken | undefined, tokenUrl: string | undefined): FetchToken | undefined {
  const fromUrl = useMemo(() => (tokenUrl === undefined ? undefined : fetchTokenFromEndpoint(tokenUrl)), [tokenUrl]);
  return fetchToken ?? fromUrl;
}
