import type { KitError } from '../../../core/errors/KitError.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import { IntegrationsListButton } from './IntegrationsListButton.js';

/** Props of {@link IntegrationsListPlaceholder}. */
export interface IntegrationsListPlaceholderProps {
  /** What the list shows instead of rows. */
  state: 'loading' | 'error' | 'empty';
  kit: Pick<ResolvedKit, 'labels' | 'unstyled'>;
  /** The search as filtered (trimmed), for the empty state's text. */
  searched: string;
  /** Why loading failed (`state="error"`). */
  error: KitError | null;
  onRetry: () => void;
}

const SKELETON_ROWS = 4;

/**
 * What the list shows when it has no rows to show: a loading skeleton (hidden from assistive
 * technology; the live region says "loading"), an error with Retry, or the empty state.
 * Attributes: `data-slot` = `integrations-list-skeleton | integrations-list-error | integrations-list-empty`.
 *
 * @internal Rendered by `IntegrationsList`.
 * @example
 * ```tsx
 * <IntegrationsListPlaceholder state="empty" kit={resolved} searched="" error={null} onRetry={query.refetch} />
 * ```
 */
export function IntegrationsListPlaceholder({ state, kit, searched, error, onRetry }: IntegrationsListPlaceholderProps) {
  const { labels, unstyled } = kit;
  if (state === 'loading') {
    return (
      <ul className={cn(!unstyled && 'mk-IntegrationsList-items')} data-slot="integrations-list-skeleton" aria-hidden="true">
        {Array.from({ length: SKELETON_ROWS }, (_, index) => (
          <li key={index} className={cn(!unstyled && 'mk-IntegrationsList-item mk-IntegrationsList-skeleton')}>
            <span className={cn(!unstyled && 'mk-IntegrationsList-logo')} />
            <span className={cn(!unstyled && 'mk-IntegrationsList-name')} />
          </li>
        ))}
      </ul>
    );
  }
  if (state === 'error') {
    return (
      <div role="alert" className={cn(!unstyled && 'mk-IntegrationsList-error')} data-slot="integrations-list-error" data-error-code={error?.code}>
        <p>{labels.loadError}</p>
        {error ? <p>{labels.errors[error.code]}</p> : null}
        <IntegrationsListButton unstyled={unstyled} onClick={onRetry}>
          {labels.retry}
        </IntegrationsListButton>
      </div>
    );
  }
  // With a search, the live region announces the (zero) matches; the text here is for the eyes.
  return (
    <p role={searched === '' ? 'status' : undefined} className={cn(!unstyled && 'mk-IntegrationsList-empty')} data-slot="integrations-list-empty">
      {searched !== '' ? formatLabel(labels.emptySearch, { query: searched }) : labels.empty}
    </p>
  );
}
