/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_MEMBRANE_API_URI?: string
}
