import { useLayoutEffect, useRef } from 'react';
import { ConnectButton, ConnectionStatus, IntegrationsList, useConnectionState } from '../../src/index.js';
import './playground.css';

/** Which connect UI the page uses: Membrane's hosted UI, or the kit's own themable dialog. */
export type PlaygroundMode = 'prebuilt' | 'custom';

const recommended = [
  { key: 'hubspot', pitch: 'Sync contacts and deals both ways, every 15 minutes.' },
  { key: 'salesforce', pitch: 'Pull opportunities into your revenue dashboards.' },
  { key: 'slack', pitch: 'Post weekly KPI digests and anomaly alerts to a channel.' },
];

const navigation = ['Profile', 'Workspace', 'Members', 'Billing', 'Integrations', 'API keys', 'Security'];

/**
 * On a narrow screen the settings navigation is one scrollable row: scroll it (only it, not the
 * page) so the current section's tab is in view, centred when it can be, in either direction,
 * and again whenever the row's width changes (rotation, resize, the wide layout coming back).
 */
function useCurrentTabInView<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const reveal = () => {
      const current = list.querySelector('[aria-current="page"]');
      if (!current || list.scrollWidth <= list.clientWidth) return;
      const box = list.getBoundingClientRect();
      const tab = current.getBoundingClientRect();
      if (tab.left >= box.left && tab.right <= box.right) return;
      list.scrollLeft += tab.left + tab.width / 2 - (box.left + box.width / 2);
    };
    reveal();
    const observer = new ResizeObserver(reveal);
    observer.observe(list);
    return () => observer.disconnect();
  }, []);
  return ref;
}

function RecommendedCard({ integrationKey, pitch, mode }: { integrationKey: string; pitch: string; mode: PlaygroundMode }) {
  const { integration, state } = useConnectionState(integrationKey);
  const name = integration?.name ?? integrationKey;
  return (
    <li className="pg-card">
      <div className="pg-card-head">
        {integration?.logoUri ? <img className="pg-card-logo" src={integration.logoUri} alt="" /> : <span className="pg-card-logo" />}
        <div className="pg-card-title">
          <h3>{name}</h3>
          <ConnectionStatus integrationKey={integrationKey} />
        </div>
      </div>
      <p>{pitch}</p>
      <div className="pg-card-foot">
        {state === 'connected' ? (
          <span className="pg-card-note">Syncing every 15 minutes</span>
        ) : (
          <ConnectButton integrationKey={integrationKey} mode={mode} />
        )}
      </div>
    </li>
  );
}

/**
 * "Settings → Integrations" of Pulse, a made-up analytics product: the three components of the
 * kit on one page, sharing one token and one request per resource.
 */
export function SettingsPage({ mode, teamAccounts = false }: { mode: PlaygroundMode; teamAccounts?: boolean }) {
  const tabsRef = useCurrentTabInView<HTMLUListElement>();
  return (
    <div className="pg-app">
      <header className="pg-topbar">
        <span className="pg-brand">
          <span className="pg-brand-mark" aria-hidden="true">
            P
          </span>
          Pulse
        </span>
        <span className="pg-workspace">Acme Inc. · Pro plan</span>
        <span className="pg-avatar" role="img" aria-label="Signed in as Dana Whitfield">
          DW
        </span>
      </header>
      <div className="pg-body">
        <nav className="pg-sidebar" aria-label="Settings">
          <h2>Settings</h2>
          <ul ref={tabsRef}>
            {navigation.map((item) => (
              <li key={item}>
                <a href={`#${item.toLowerCase().replace(/\s+/g, '-')}`} aria-current={item === 'Integrations' ? 'page' : undefined}>
                  {item}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="pg-main">
          <div className="pg-header">
            <span className="pg-breadcrumb">Settings / Integrations</span>
            <h1>Integrations</h1>
            <p className="pg-lede">Connect the tools your team already uses. Pulse only reads what it needs, and you can disconnect at any time.</p>
          </div>
          <section className="pg-section" aria-labelledby="pg-recommended">
            <div className="pg-section-head">
              <h2 id="pg-recommended">Recommended for Acme Inc.</h2>
            </div>
            <ul className="pg-cards">
              {recommended.map((item) => (
                <RecommendedCard key={item.key} integrationKey={item.key} pitch={item.pitch} mode={mode} />
              ))}
            </ul>
          </section>
          {teamAccounts ? (
            <section className="pg-section" aria-labelledby="pg-team">
              <div className="pg-section-head">
                <h2 id="pg-team">Team accounts</h2>
                <p className="pg-section-note">Connect one app several times (a HubSpot per region), name each account, and manage each one on its own.</p>
              </div>
              <IntegrationsList mode={mode} allowMultipleConnections />
            </section>
          ) : (
            <section className="pg-section" aria-labelledby="pg-all">
              <div className="pg-section-head">
                <h2 id="pg-all">All apps</h2>
                <p className="pg-section-note">Search 16 apps, from CRMs to payroll.</p>
              </div>
              <IntegrationsList mode={mode} />
            </section>
          )}
        </main>
      </div>
    </div>
  );
}
