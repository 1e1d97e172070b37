import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AuthOption } from '../../../core/connect/getAuthOptions.js';
import type { UseConnectResult } from '../../hooks/useConnect.js';
import { defaultLabels } from '../../labels/defaultLabels.js';
import { AuthOptionsFieldset } from './AuthOptionsFieldset.js';
import { SchemaFields } from './SchemaFields.js';
import { useParametersForm, type UseParametersFormOptions } from './useParametersForm.js';

const apiKeyOption: AuthOption = {
  key: 'api-key',
  type: 'client-credentials',
  title: 'API key',
  description: undefined,
  schema: { type: 'object', required: ['apiKey'], properties: { apiKey: { type: 'string', title: 'API key', minLength: 8 }, port: { type: 'integer', title: 'Port' } } },
  helpUri: undefined,
};
const oauthOption: AuthOption = { key: 'oauth', type: 'oauth2', title: 'Sign in', description: undefined, schema: undefined, helpUri: undefined };

function fakeConnect(authOptions: AuthOption[], overrides: Partial<UseConnectResult> = {}): UseConnectResult {
  return {
    state: 'not-connected',
    integration: undefined,
    authOptions,
    isReady: true,
    loadError: null,
    status: 'idle',
    error: null,
    isReconnect: false,
    connect: vi.fn(),
    continueInThisTab: vi.fn(),
    cancel: vi.fn(),
    reset: vi.fn(),
    prefetch: vi.fn(),
    flow: undefined as unknown as UseConnectResult['flow'],
    ...overrides,
  };
}

function Form({ connect, options }: { connect: UseConnectResult; options?: UseParametersFormOptions }) {
  const form = useParametersForm(connect, defaultLabels, options);
  return (
    <form noValidate onSubmit={form.submit}>
      <AuthOptionsFieldset options={form.options} selected={form.selected} onSelect={form.selectOption} name="Acme" labels={defaultLabels} unstyled idPrefix="t" />
      {form.selected?.schema ? (
        <SchemaFields schema={form.selected.schema} values={form.values} errors={form.errors} labels={defaultLabels} unstyled idPrefix="t-field" onChange={form.setValue} onBlur={form.blur} />
      ) : null}
      <button type="submit">Connect</button>
      <button type="button" onClick={form.retryAfterError}>
        Retry
      </button>
    </form>
  );
}

describe('useParametersForm', () => {
  it('validates a field once touched, focuses the first invalid field on submit, then connects with typed parameters', async () => {
    const user = userEvent.setup();
    const onStart = vi.fn();
    const connect = fakeConnect([apiKeyOption, oauthOption]);
    render(<Form connect={connect} options={{ onStart }} />);
    const apiKey = screen.getByLabelText(/^API key/, { selector: 'input:not([type=radio])' });
    await user.type(apiKey, 'short');
    expect(screen.queryByText('API key must have at least 8 characters.')).not.toBeInTheDocument();
    await user.tab();
    expect(screen.getByText('API key must have at least 8 characters.')).toBeInTheDocument();
    await user.type(apiKey, '-and-long');
    expect(screen.queryByText('API key must have at least 8 characters.')).not.toBeInTheDocument();

    await user.clear(apiKey);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(apiKey).toHaveFocus();
    expect(screen.getByText('API key is required.')).toBeInTheDocument();
    expect(connect.connect).not.toHaveBeenCalled();

    await user.type(apiKey, 'secret-key');
    await user.type(screen.getByLabelText('Port'), '8080');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const input = { authOptionKey: 'api-key', parameters: { apiKey: 'secret-key', port: 8080 } };
    expect(onStart).toHaveBeenCalledWith(input);
    expect(connect.connect).toHaveBeenCalledWith(input);
  });

  it('clears errors when another option is picked, keeps each option’s values, and retries without a form when nothing is asked', async () => {
    const user = userEvent.setup();
    const connect = fakeConnect([apiKeyOption, oauthOption]);
    render(<Form connect={connect} />);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(screen.getByText('API key is required.')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^API key/, { selector: 'input:not([type=radio])' }), 'kept');
    expect(screen.getByText('API key must have at least 8 characters.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Sign in' }));
    expect(screen.queryByLabelText(/^API key/, { selector: 'input:not([type=radio])' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'API key' }));
    expect(screen.queryByText('API key must have at least 8 characters.')).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^API key/, { selector: 'input:not([type=radio])' })).toHaveValue('kept');

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(connect.reset).toHaveBeenCalledTimes(1);
    expect(connect.connect).not.toHaveBeenCalled();

    const single = fakeConnect([oauthOption]);
    const lastInput = { authOptionKey: 'oauth' };
    render(<Form connect={single} options={{ lastInput }} />);
    await user.click(screen.getAllByRole('button', { name: 'Retry' })[1]!);
    expect(single.connect).toHaveBeenCalledWith(lastInput);
  });

  it('asks for the integration again when it could not be loaded', async () => {
    const user = userEvent.setup();
    const connect = fakeConnect([], { isReady: false });
    render(<Form connect={connect} />);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(connect.prefetch).toHaveBeenCalledTimes(1);
    expect(connect.reset).toHaveBeenCalledTimes(1);
    expect(connect.connect).not.toHaveBeenCalled();
  });
});
