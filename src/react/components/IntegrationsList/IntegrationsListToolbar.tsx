import type { ManageIntegrations } from '../../hooks/useManageIntegrations.js';
import type { SearchState } from '../../hooks/useSearchState.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { cn } from '../../utils/cn.js';
import { IntegrationsListButton } from './IntegrationsListButton.js';

/** Props of {@link IntegrationsListToolbar}. */
export interface IntegrationsListToolbarProps {
  kit: Pick<ResolvedKit, 'labels' | 'unstyled'>;
  /** The search box's state; no search box without it. */
  search?: SearchState;
  /** The id of the rows' list while it is rendered (the search box controls it). */
  controls?: string;
  /** The "Manage integrations" action (prebuilt mode); no button without it. */
  manage?: ManageIntegrations;
}

/**
 * The list's toolbar: the search box and, in prebuilt mode, "Manage integrations". Renders nothing
 * when it has neither. Attributes: `data-slot="integrations-list-toolbar"`, on the input
 * `data-slot="integrations-list-search"`, on the button `data-slot="integrations-list-manage"` and
 * `data-busy` while Membrane's hosted UI is open.
 *
 * @internal Rendered by `IntegrationsList`.
 * @example
 * ```tsx
 * <IntegrationsListToolbar kit={resolved} search={search} controls={listId} manage={mode === 'prebuilt' && kit.canManage() ? manage : undefined} />
 * ```
 */
export function IntegrationsListToolbar({ kit, search, controls, manage }: IntegrationsListToolbarProps) {
  const { labels, unstyled } = kit;
  if (!search && !manage) return null;
  return (
    <div className={cn(!unstyled && 'mk-IntegrationsList-toolbar')} data-slot="integrations-list-toolbar">
      {search ? (
        <input
          type="search"
          value={search.value}
          onChange={(event) => search.setValue(event.target.value)}
          aria-label={labels.searchLabel}
          aria-controls={controls}
          placeholder={labels.searchPlaceholder}
          autoComplete="off"
          spellCheck={false}
          className={cn(!unstyled && 'mk-IntegrationsList-search')}
          data-slot="integrations-list-search"
        />
      ) : null}
      {manage ? (
        <IntegrationsListButton unstyled={unstyled} slot="integrations-list-manage" busy={manage.managing} onClick={manage.manage}>
          {labels.manageIntegrations}
        </IntegrationsListButton>
      ) : null}
    </div>
  );
}
