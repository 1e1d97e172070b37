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
