interface BodyScrollLock {
  count: number;
  restore: () => void;
}

// Per document, not per dialog: a second modal opened over the first must not restore the styles
// the first one saved (or it would restore "hidden" for good).
const locks = new WeakMap<Document, BodyScrollLock>();

function lockStyles(doc: Document): () => void {
  const body = doc.body;
  const view = doc.defaultView;
  const hadStyle = body.hasAttribute('style');
  const saved = (['overflow', 'padding-right'] as const).map(
    (name) => [name, body.style.getPropertyValue(name), body.style.getPropertyPriority(name)] as const,
  );
  // Keep the page from shifting sideways when its scrollbar disappears (unless a stable gutter keeps the space).
  const scrollbar = view ? view.innerWidth - doc.documentElement.clientWidth : 0;
  const gutterKept = view?.getComputedStyle(doc.documentElement).scrollbarGutter?.includes('stable') ?? false;
  if (view && scrollbar > 0 && !gutterKept) {
    body.style.setProperty('padding-right', `calc(${view.getComputedStyle(body).paddingRight} + ${scrollbar}px)`, 'important');
  }
  body.style.setProperty('overflow', 'hidden', 'important');
  return () => {
    for (const [name, value, priority] of saved) {
      if (value) body.style.setProperty(name, value, priority);
      else body.style.removeProperty(name);
    }
    if (!hadStyle && body.style.length === 0) body.removeAttribute('style');
  };
}

/**
 * Stops the page behind a modal from scrolling (`overflow: hidden` on `<body>`, its scrollbar's
 * width added as padding) and returns the release. The first lock of a document saves the inline
 * styles it changes; the last release puts them back exactly.
 *
 * @example
 * ```ts
 * const unlock = lockBodyScroll(document);
 * // … the modal is open …
 * unlock();
 * ```
 */
export function lockBodyScroll(doc: Document): () => void {
  let lock = locks.get(doc);
  if (!lock) {
    lock = { count: 0, restore: lockStyles(doc) };
    locks.set(doc, lock);
  }
  const held = lock;
  held.count += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.count -= 1;
    if (held.count === 0) {
      locks.delete(doc);
      held.restore();
    }
  };
}
