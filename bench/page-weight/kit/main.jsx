// The baseline page plus the kit's three components, imported from the built package (dist/),
// custom connect mode, each with its own fetchToken (no provider). `?apiUri=&tokenUrl=` point it at
// an emulator when the bench runs it in Chromium; the build is the same either way.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectButton, ConnectionStatus, IntegrationsList } from 'membrane-react-kit';

const params = new URLSearchParams(window.location.search);
const apiUri = params.get('apiUri') ?? undefined;
const tokenUrl = params.get('tokenUrl') ?? '/api/membrane-token';
const fetchToken = async () => {
  const response = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return (await response.json()).token;
};
const kitProps = { fetchToken, apiUri, mode: 'custom' };

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <h1>Integrations</h1>
    <IntegrationsList {...kitProps} />
    <ConnectButton integrationKey="hubspot" {...kitProps} />
    <ul>
      {['hubspot', 'slack', 'github'].map((key) => (
        <li key={key}>
          <ConnectionStatus integrationKey={key} {...kitProps} />
        </li>
      ))}
    </ul>
  </StrictMode>,
);
