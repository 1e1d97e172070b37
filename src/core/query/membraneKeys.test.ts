import { describe, expect, it, vi } from 'vitest';
import type { MembraneApi } from '../api/createMembraneApi.js';
import { DEFAULT_PAGE_SIZE, membraneKeys } from './membraneKeys.js';
import { integrationsQueryOptions } from './queryOptions.js';

describe('membraneKeys', () => {
  it('gives the same key for equivalent queries and nests every key under `all`', () => {
    expect(membraneKeys.integrations()).toEqual(membraneKeys.integrations({ search: '  ', limit: DEFAULT_PAGE_SIZE }));
    expect(membraneKeys.integrations({ search: ' hub ' })).toEqual(['membrane', 'integrations', { search: 'hub', limit: DEFAULT_PAGE_SIZE }]);
    for (const key of [membraneKeys.integrations(), membraneKeys.integration('a'), membraneKeys.spec('a'), membraneKeys.connections(), membraneKeys.connection('c')]) {
      expect(key.slice(0, 1)).toEqual(membraneKeys.all);
    }
    expect(membraneKeys.integrations().slice(0, 2)).toEqual(membraneKeys.integrationLists());
  });

  it('builds the paged list query the SDK sends, passing the typed error on failure', async () => {
    const networkError = Object.assign(new Error('Could not reach Membrane.'), { code: 'network' });
    const listIntegrations = vi.fn().mockResolvedValueOnce({ items: [{ key: 'a' }], cursor: 'c1' }).mockRejectedValueOnce(networkError);
    const api = { listIntegrations } as unknown as MembraneApi;
    const options = integrationsQueryOptions(api, { search: 'hub' });
    const page = await options.queryFn({ pageParam: undefined });
    expect(listIntegrations).toHaveBeenCalledWith({ search: 'hub', limit: DEFAULT_PAGE_SIZE, cursor: undefined });
    expect(options.getNextPageParam(page)).toBe('c1');
    expect(options.getNextPageParam({ items: [], cursor: '' })).toBeUndefined();
    await expect(options.queryFn({ pageParam: 'c1' })).rejects.toMatchObject({ code: 'network' });
    expect(listIntegrations).toHaveBeenLastCalledWith({ search: 'hub', limit: DEFAULT_PAGE_SIZE, cursor: 'c1' });
  });
});
