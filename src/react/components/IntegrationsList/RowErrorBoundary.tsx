import type { MembraneIntegration } from '../../../core/api/types.js';
import { Component, type ReactNode } from 'react';
import type { ResolvedKit } from '../../kit/useKit.js';
import { cn } from '../../utils/cn.js';

/** Props of {@link RowErrorBoundary}. */
export interface RowErrorBoundaryProps {
  integration: MembraneIntegration;
  kit: ResolvedKit;
  children: ReactNode;
}

interface RowErrorBoundaryState {
  failed: boolean;
  integration: MembraneIntegration;
}

/**
 * Catches an error thrown while one list row renders (malformed data the seam let through, or the
 * app's `renderItem`) and shows a compact row saying the integration could not be shown, so the
 * other rows stay. React logs the error itself (development). New data for the row tries again.
 * Attributes of that row: `data-slot="integrations-list-item-error"`, `data-integration-key`.
 *
 * @internal Rendered by `IntegrationsListRow`.
 * @example
 * ```tsx
 * <RowErrorBoundary integration={integration} kit={kit}>{row}</RowErrorBoundary>
 * ```
 */
export class RowErrorBoundary extends Component<RowErrorBoundaryProps, RowErrorBoundaryState> {
  override state: RowErrorBoundaryState = { failed: false, integration: this.props.integration };

  static getDerivedStateFromError(): Partial<RowErrorBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: RowErrorBoundaryProps, state: RowErrorBoundaryState): Partial<RowErrorBoundaryState> | null {
    return props.integration === state.integration ? null : { failed: false, integration: props.integration };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const { integration, kit } = this.props;
    return (
      <li
        className={cn(!kit.unstyled && 'mk-IntegrationsList-item')}
        data-slot="integrations-list-item-error"
        data-integration-key={typeof integration.key === 'string' ? integration.key : undefined}
      >
        {kit.labels.rowError}
      </li>
    );
  }
}
