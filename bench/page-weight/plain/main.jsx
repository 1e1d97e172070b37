// The baseline: a React 19 page that renders a heading and nothing else.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <h1>Integrations</h1>
  </StrictMode>,
);
