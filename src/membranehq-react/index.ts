'use client';
// membrane-react-kit/membranehq-react: interop with apps that already use @membranehq/react 0.28.
// The only entry that imports @membranehq/react (an optional peer).

export { MembraneProviderFromKit, type MembraneProviderFromKitProps } from './MembraneProviderFromKit.js';
export {
  MembraneKitProviderFromMembrane,
  type MembraneKitProviderFromMembraneProps,
} from './MembraneKitProviderFromMembrane.js';
