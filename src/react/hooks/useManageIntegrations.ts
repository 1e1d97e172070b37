import { useState } from 'react';
import { membraneKeys } from '../../core/query/membraneKeys.js';
import type { MembraneKit } from '../kit/createKit.js';

/** What {@link useManageIntegrations} returns. */
export interface ManageIntegrations {
  /** Opens Membrane's hosted "manage integrations" UI; does nothing while it is open. */
  manage: () => void;
  /** The hosted UI is open (or loading). */
  managing: boolean;
}

/**
 * The "Manage integrations" action: opens Membrane's prebuilt hosted UI through the app's SDK
 * (`kit.hostedUi().then((ui) => ui.manage())`) and, once it closes, refetches every kit query,
 * since connections may have changed there. Takes the kit the component already resolved.
 *
 * @example
 * ```tsx
 * const { kit, labels } = useMembraneKit(); // or the kit your component resolved once
 * const { manage, managing } = useManageIntegrations(kit);
 * <button type="button" aria-busy={managing || undefined} onClick={manage}>{labels.manageIntegrations}</button>
 * ```
 */
export function useManageIntegrations(kit: MembraneKit): ManageIntegrations {
  const [managing, setManaging] = useState(false);
  const manage = () => {
    if (managing) return;
    setManaging(true);
    kit
      .hostedUi()
      .then((ui) => ui.manage())
      .catch(() => undefined)
      .finally(() => {
        setManaging(false);
        void kit.queryClient.invalidateQueries({ queryKey: membraneKeys.all });
      });
  };
  return { manage, managing };
}
