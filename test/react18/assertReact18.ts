// Setup file of the *-react18 projects: fails every test at once if the aliases in vitest.config.ts
// stopped working and React 19 answered instead of 18.3.
import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';

if (!reactVersion.startsWith('18.3.') || !reactDomVersion.startsWith('18.3.')) {
  throw new Error(`The React 18 projects run React ${reactVersion} with react-dom ${reactDomVersion}, not 18.3: see test/react18/register.mjs and the aliases in vitest.config.ts.`);
}
