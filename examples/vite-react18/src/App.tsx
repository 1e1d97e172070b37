import {
  ConnectButton,
  ConnectionStatus,
  IntegrationsList,
  MembraneKitProvider,
} from 'membrane-react-kit'
import 'membrane-react-kit/styles.css'

// The local emulator (`npx membrane-emulator --port 4010`). Its POST /_emulator/token signs a dev
// token for its demo customer; a real app asks its own backend (membrane-react-kit/server).
const apiUri = import.meta.env.VITE_MEMBRANE_API_URI ?? 'http://127.0.0.1:4010'
const uiUri = `${apiUri}/ui`

// Membrane's hosted UI (mode="prebuilt") through this app's own SDK, @membranehq/sdk 0.28: a loader,
// so the SDK downloads only when the hosted UI first opens. (@integration-app/sdk 1.14 works the same
// way: sdk={() => import('@integration-app/sdk')}. Without `sdk`, the kit opens the hosted screens itself.)
const loadMembraneSdk = () => import('@membranehq/sdk')

async function fetchToken() {
  const response = await fetch(`${apiUri}/_emulator/token`, { method: 'POST' })
  if (!response.ok) throw new Error(`Token endpoint answered ${response.status}`)
  return (await response.json()) as { token: string }
}

function App() {
  return (
    <MembraneKitProvider
      fetchToken={fetchToken}
      apiUri={apiUri}
      uiUri={uiUri}
      theme="system"
    >
      <h1>Integrations</h1>
      <section data-testid="single-app">
        <ConnectionStatus integrationKey="hubspot" />
        <ConnectButton integrationKey="github" mode="prebuilt" sdk={loadMembraneSdk}>
          Connect GitHub (prebuilt UI)
        </ConnectButton>
      </section>
      {/* Rows connect in custom mode (the kit's dialog and popup): no SDK is loaded for them. */}
      <IntegrationsList />
    </MembraneKitProvider>
  )
}

export default App
