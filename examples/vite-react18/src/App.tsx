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
        <ConnectButton integrationKey="github" mode="prebuilt">
          Connect GitHub (prebuilt UI)
        </ConnectButton>
      </section>
      <IntegrationsList />
    </MembraneKitProvider>
  )
}

export default App
