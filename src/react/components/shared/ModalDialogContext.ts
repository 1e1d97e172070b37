import { createContext, useContext } from 'react';

/** What a {@link ModalDialog} hands its parts: the ids it points at, and how to close it. */
export interface ModalDialogContextValue {
  titleId: string;
  descriptionId: string;
  /** True when the parts add the kit's `mk-Dialog-*` classes (a `kit` was given and is not unstyled). */
  styled: boolean;
  /** Asks the owner to close the dialog (`onOpenChange(false)`). */
  close: () => void;
}

export const ModalDialogContext = createContext<ModalDialogContextValue | null>(null);

/**
 * The enclosing {@link ModalDialog}'s context; throws a message naming the misplaced part.
 *
 * @example
 * ```tsx
 * const { titleId } = useModalDialogContext('ModalDialogTitle');
 * ```
 */
export function useModalDialogContext(part: string): ModalDialogContextValue {
  const context = useContext(ModalDialogContext);
  if (!context) throw new Error(`membrane-react-kit: <${part}> must be rendered inside <ModalDialog>.`);
  return context;
}
