import { useLayoutEffect, type ReactNode } from 'react';

/** Theme toolbar values, the same as the kit's `theme` prop. */
export type StoryTheme = 'light' | 'dark' | 'system';
/** Brand toolbar values: the kit's own tokens, or one of the token sets in `stories/themes`. */
export type StoryBrand = 'kit' | 'sunrise' | 'ledger';

export interface StoryFrameProps {
  theme: StoryTheme;
  brand: StoryBrand;
  dir: 'ltr' | 'rtl';
  layout: 'padded' | 'fullscreen' | 'narrow';
  /** On a docs page several stories share the document: only a story alone may own `<html>`'s direction. */
  ownsDocument: boolean;
  children: ReactNode;
}

/**
 * The canvas around every story. Brand and theme go on `<html>`, because the kit portals its
 * dialogs and tooltips to `<body>` and they must be themed too.
 */
export function StoryFrame({ theme, brand, dir, layout, ownsDocument, children }: StoryFrameProps) {
  useLayoutEffect(() => {
    const html = document.documentElement;
    html.dataset.sbTheme = theme;
    if (brand === 'kit') delete html.dataset.mkBrand;
    else html.dataset.mkBrand = brand;
    if (ownsDocument) html.dir = dir;
    return () => {
      if (ownsDocument) html.removeAttribute('dir');
    };
  }, [theme, brand, dir, ownsDocument]);
  return (
    <div className="sb-frame" data-layout={layout} dir={dir}>
      {children}
    </div>
  );
}
