import { connection } from "next/server";
import {
  ConnectButton,
  ConnectionStatus,
  IntegrationsList,
  MembraneKitProvider,
} from "membrane-react-kit";
import styles from "./page.module.css";

// A Server Component: no 'use client' in this app. The kit's components are client components, and
// every prop passed to them here is a string, so it crosses the server/client boundary. Functions
// (fetchToken, onConnected, …) cannot: see docs/nextjs.md for where 'use client' is needed then.
export default async function Home() {
  // Render per request, so the emulator's address is read when the server runs, not at build time.
  await connection();
  const apiUri = process.env.MEMBRANE_API_URI ?? "http://127.0.0.1:4010";
  const uiUri = process.env.MEMBRANE_UI_URI ?? `${apiUri}/ui`;

  return (
    <div className={styles.page}>
      <main className={styles.main}>
        <div className={styles.intro}>
          <h1>Integrations</h1>
          <p>Connect the apps your workspace uses.</p>
        </div>
        <MembraneKitProvider
          tokenUrl="/api/membrane-token"
          apiUri={apiUri}
          uiUri={uiUri}
          theme="system"
        >
          <div className={styles.ctas} data-testid="single-app">
            <ConnectionStatus integrationKey="hubspot" />
            <ConnectButton integrationKey="github" mode="prebuilt">
              Connect GitHub (prebuilt UI)
            </ConnectButton>
          </div>
          <IntegrationsList />
        </MembraneKitProvider>
      </main>
    </div>
  );
}
