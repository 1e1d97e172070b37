import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useRenderWindow } from './useRenderWindow.js';
import { useRovingRows } from './useRovingRows.js';

const names = Array.from({ length: 7 }, (_, index) => `Row ${index + 1}`);

function Table() {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const batches = useRenderWindow(names, { batchSize: 3, resetKey: '' });
  const { onKeyDown } = useRovingRows(bodyRef, batches);
  return (
    <table>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {batches.rendered.map((name) => (
          <tr key={name}>
            <td>{name}</td>
            <td>
              <button type="button">{`Open ${name}`}</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

describe('useRovingRows', () => {
  it('moves focus between rows with the arrow keys, Home and End, rendering more rows when needed', async () => {
    const user = userEvent.setup();
    render(<Table />);
    await user.click(screen.getByRole('button', { name: 'Open Row 1' }));
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('button', { name: 'Open Row 1' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Open Row 3' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('row')).toHaveLength(6);
    expect(screen.getByRole('button', { name: 'Open Row 4' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getAllByRole('row')).toHaveLength(7);
    expect(screen.getByRole('button', { name: 'Open Row 7' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Open Row 7' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('button', { name: 'Open Row 1' })).toHaveFocus();
  });
});

const apps = [
  { name: 'Asana', accounts: [] },
  { name: 'HubSpot', accounts: ['Sales', 'Support'] },
  { name: 'Jira', accounts: [] },
  { name: 'Slack', accounts: ['Team A'] },
];

/** App rows with nested account rows (`data-mk-subrow`), as IntegrationsList renders them with `allowMultipleConnections`. */
function AppsWithAccounts({ own = true }: { own?: boolean }) {
  const listRef = useRef<HTMLUListElement>(null);
  const batches = useRenderWindow(apps, { batchSize: 2, resetKey: '' });
  const { onKeyDown } = useRovingRows(listRef, batches);
  return (
    <ul ref={listRef} onKeyDown={onKeyDown}>
      {batches.rendered.map((app) => (
        <li key={app.name}>
          {app.name}
          {app.accounts.length === 0 || own ? <button type="button">{`Open ${app.name}`}</button> : null}
          {app.accounts.length > 0 ? (
            <div>
              <ul aria-label={`${app.name} accounts`}>
                {app.accounts.map((account) => (
                  <li key={account} data-mk-subrow="">
                    {account}
                    <button type="button">{`Rename ${account}`}</button>
                    <button type="button">{`Disconnect ${account}`}</button>
                  </li>
                ))}
              </ul>
              <button type="button">{`Add ${app.name} account`}</button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

describe('useRovingRows with nested rows (data-mk-subrow)', () => {
  const focused = () => (document.activeElement as HTMLElement).textContent;

  it('ArrowDown and ArrowUp visit a row, then its nested rows, then the next row (rendering more when needed); Home and End', async () => {
    const user = userEvent.setup();
    render(<AppsWithAccounts />);
    await user.click(screen.getByRole('button', { name: 'Open Asana' }));
    const downs: Array<string | null> = [];
    for (let i = 0; i < 6; i++) {
      await user.keyboard('{ArrowDown}');
      downs.push(focused());
    }
    expect(downs).toEqual(['Open HubSpot', 'Rename Sales', 'Rename Support', 'Open Jira', 'Open Slack', 'Rename Team A']);
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('Rename Team A');
    const ups: Array<string | null> = [];
    for (let i = 0; i < 6; i++) {
      await user.keyboard('{ArrowUp}');
      ups.push(focused());
    }
    expect(ups).toEqual(['Open Slack', 'Open Jira', 'Rename Support', 'Rename Sales', 'Open HubSpot', 'Open Asana']);
    // From a nested row's later control, or the row's own control after its nested rows.
    await user.click(screen.getByRole('button', { name: 'Disconnect Sales' }));
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('Rename Support');
    await user.click(screen.getByRole('button', { name: 'Disconnect Sales' }));
    await user.keyboard('{ArrowUp}');
    expect(focused()).toBe('Open HubSpot');
    await user.click(screen.getByRole('button', { name: 'Add HubSpot account' }));
    await user.keyboard('{ArrowUp}');
    expect(focused()).toBe('Rename Support');
    await user.click(screen.getByRole('button', { name: 'Add HubSpot account' }));
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('Open Jira');
    await user.keyboard('{Home}');
    expect(focused()).toBe('Open Asana');
    await user.keyboard('{End}');
    expect(focused()).toBe('Rename Team A');
  });

  it('a row whose only own control comes after its nested rows is reached after them', async () => {
    const user = userEvent.setup();
    render(<AppsWithAccounts own={false} />);
    await user.click(screen.getByRole('button', { name: 'Open Asana' }));
    const downs: Array<string | null> = [];
    for (let i = 0; i < 4; i++) {
      await user.keyboard('{ArrowDown}');
      downs.push(focused());
    }
    expect(downs).toEqual(['Rename Sales', 'Rename Support', 'Add HubSpot account', 'Open Jira']);
    const ups: Array<string | null> = [];
    for (let i = 0; i < 4; i++) {
      await user.keyboard('{ArrowUp}');
      ups.push(focused());
    }
    expect(ups).toEqual(['Add HubSpot account', 'Rename Support', 'Rename Sales', 'Open Asana']);
  });
});
