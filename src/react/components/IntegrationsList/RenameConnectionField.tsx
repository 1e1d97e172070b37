import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_CONNECTION_NAME_LENGTH, normalizeConnectionName } from '../../../core/api/normalizeConnectionName.js';
import { toKitError } from '../../../core/errors/toKitError.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { formatLabel } from '../../labels/formatLabel.js';
import { cn } from '../../utils/cn.js';
import type { IntegrationsListConnectionValue } from './IntegrationsListContext.js';

/** Props of {@link RenameConnectionField}. */
export interface RenameConnectionFieldProps {
  kit: ResolvedKit;
  item: IntegrationsListConnectionValue;
}

/**
 * An account's name, edited in place: a text field focused and selected on open; Enter (or Save)
 * saves and Escape (or Cancel) closes, both giving the focus back to the Rename button. The new name
 * shows everywhere at once (optimistic); an empty or too long name keeps the field open with the
 * reason, and a refused rename puts the old name back and says why.
 *
 * @internal Rendered by `IntegrationsList.ConnectionName`.
 * @example
 * ```tsx
 * {item.renaming ? <RenameConnectionField kit={kit} item={item} /> : item.label}
 * ```
 */
export function RenameConnectionField({ kit, item }: RenameConnectionFieldProps) {
  const { labels, unstyled } = kit;
  const [draft, setDraft] = useState(item.label);
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const problemId = useId();
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    let name: string;
    try {
      name = normalizeConnectionName(draft);
    } catch (error) {
      setProblem(toKitError(error).message);
      inputRef.current?.focus();
      return;
    }
    if (name !== item.label) item.rename(name);
    item.setRenaming(false, { returnFocus: true });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The list's arrow, Home and End keys move between rows; in a text field they move the caret.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      item.setRenaming(false, { returnFocus: true });
    }
  };

  return (
    <form className={cn(!unstyled && 'mk-IntegrationsList-rename')} data-slot="integrations-list-rename-form" onSubmit={save} noValidate>
      <input
        ref={inputRef}
        type="text"
        className={cn(!unstyled && 'mk-Field-input mk-IntegrationsList-rename-input')}
        value={draft}
        maxLength={MAX_CONNECTION_NAME_LENGTH + 20}
        aria-label={formatLabel(labels.connectionNameField, { name: item.label })}
        aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className={cn(!unstyled && 'mk-Button')} data-variant="secondary" data-slot="integrations-list-rename-save">
        {labels.saveName}
      </button>
      <button
        type="button"
        className={cn(!unstyled && 'mk-Button')}
        data-variant="ghost"
        data-slot="integrations-list-rename-cancel"
        onClick={() => item.setRenaming(false, { returnFocus: true })}
      >
        {labels.cancel}
      </button>
      <span id={hintId} className={cn(!unstyled && 'mk-IntegrationsList-rename-hint')}>
        {labels.renameHint}
      </span>
      {problem ? (
        <span id={problemId} role="alert" className={cn(!unstyled && 'mk-IntegrationsList-rename-problem')}>
          {problem}
        </span>
      ) : null}
    </form>
  );
}
