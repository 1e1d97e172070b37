import { describe, expect, it, vi } from 'vitest';
import type { IntegrationAppClient } from '@integration-app/sdk';
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

  it('builds the paged list query the SDK sends, with a typed error on failure', async () => {
    const find = vi.fn().mockResolvedValueOnce({ items: [{ key: 'a' }], cursor: 'c1' }).mockRejectedValueOnce({ name: 'AxiosError', code: 'ERR_NETWORK', message: 'Network Error' });
    const client = { integrations: { find } } as unknown as IntegrationAppClient;
    const options = integrationsQueryOptions(client, { search: 'hub' });
    const page = await options.queryFn({ pageParam: undefined });
    expect(find).toHaveBeenCalledWith({ search: 'hub', limit: DEFAULT_PAGE_SIZE });
    expect(options.getNextPageParam(page)).toBe('c1');
    expect(options.getNextPageParam({ items: [], cursor: '' })).toBeUndefined();
    await expect(options.queryFn({ pageParam: 'c1' })).rejects.toMatchObject({ code: 'network' });
    expect(find).toHaveBeenLastCalledWith({ search: 'hub', limit: DEFAULT_PAGE_SIZE, cursor: 'c1' });
  });
});
