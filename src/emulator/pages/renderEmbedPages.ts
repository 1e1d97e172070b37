import type { EmulatorAuthOption, EmulatorConnectionRecord, EmulatorCustomer, EmulatorDataSchema, EmulatorIntegrationRecord } from '../types.js';
import { optionSchema } from '../prepareConnect.js';
import { embedClientScript } from './embedClientScript.js';
import { escapeHtml, renderPage, safeImageUrl, safeLinkUrl, scriptJson } from './html.js';

/** Settings every prebuilt UI page hands to its client script. */
export interface EmbedConfig {
  apiBase: string;
  uiBase: string;
  token: string;
  consent: string;
  integrationId?: string;
  connectionId?: string;
  authOptionKey?: string;
  name?: string;
  allowMultipleConnections?: boolean;
  returnTo?: string;
}

/** What a prebuilt UI page shows for a connection. */
export type State = 'connected' | 'disconnected' | 'error' | 'not-connected';

/** The state badge of a connection (none: not connected). */
export const stateOf = (connection: EmulatorConnectionRecord | undefined): State =>
  !connection ? 'not-connected' : connection.error ? 'error' : connection.disconnected ? 'disconnected' : 'connected';

/** Badge text per state. */
export const STATE_LABEL: Record<State, string> = {
  connected: 'Connected',
  disconnected: 'Disconnected',
  error: 'Error',
  'not-connected': 'Not connected',
};

const closeButton = '<button type="button" data-action="close">Close</button>';

/** A page of the prebuilt UI: `body`, an error slot and the penpal child script with `config`. */
export function embedPage(title: string, body: string, config: EmbedConfig): string {
  return renderPage(
    title,
    `${body}<p id="error" class="error" role="alert" hidden></p>`,
    `window.__EMBED__=${scriptJson(config)};${embedClientScript}`,
  );
}

function integrationRow(integration: EmulatorIntegrationRecord, connection: EmulatorConnectionRecord | undefined, single: boolean): string {
  const state = stateOf(connection);
  const actions = [
    `<button type="button" class="${state === 'connected' ? '' : 'primary'}" data-action="open" data-path="/integrations/${escapeHtml(integration.key)}/connect">${
      state === 'not-connected' ? 'Connect' : state === 'connected' ? 'Connect another' : 'Reconnect'
    }</button>`,
    connection ? `<button type="button" class="danger" data-action="disconnect" data-connection="${escapeHtml(connection.id)}">Disconnect</button>` : '',
  ];
  if (!single) {
    actions.unshift(`<button type="button" data-action="open" data-path="/integrations/${escapeHtml(integration.id)}">Details</button>`);
  }
  const error = connection?.error ? `<p class="error">${escapeHtml(connection.error.message)}</p>` : '';
  return `<div class="row"><img class="logo" src="${escapeHtml(safeImageUrl(integration.logoUri))}" alt="">
<div class="grow"><h2>${escapeHtml(integration.name)}</h2><span class="badge" data-state="${state}">${STATE_LABEL[state]}</span>${error}</div>
<div class="actions" style="margin:0">${actions.join('')}</div></div>`;
}

/** `/embed/main`: every app with its status; connect, disconnect, close. */
export function renderMainPage(
  items: Array<{ integration: EmulatorIntegrationRecord; connection?: EmulatorConnectionRecord }>,
  customer: EmulatorCustomer,
  config: EmbedConfig,
): string {
  const rows = items.map(({ integration, connection }) => `<li>${integrationRow(integration, connection, false)}</li>`).join('');
  const body = `<div class="card"><div class="row"><div class="grow"><h1>Integrations</h1><p class="muted">Apps connected for ${escapeHtml(customer.name)}</p></div>${closeButton}</div></div>
<div class="card"><ul class="list" aria-label="Integrations">${rows || '<li class="muted">No apps in this workspace.</li>'}</ul></div>`;
  return embedPage('Integrations', body, config);
}

/** `/embed/integrations/:id`: one app with its status. */
export function renderIntegrationPage(
  integration: EmulatorIntegrationRecord,
  connection: EmulatorConnectionRecord | undefined,
  config: EmbedConfig,
): string {
  const back = config.returnTo ? `<button type="button" data-action="open" data-path="${escapeHtml(config.returnTo)}">Back</button>` : '';
  const body = `<div class="card"><div class="actions" style="margin:0 0 12px">${back}${closeButton}</div>${integrationRow(integration, connection, true)}
<dl><dt>Auth</dt><dd>${integration.authOptions.map((option) => escapeHtml(option.title ?? option.type)).join(' · ')}</dd>
<dt>Website</dt><dd>${escapeHtml(integration.appUri)}</dd></dl></div>`;
  return embedPage(integration.name, body, config);
}

function fieldInput(field: string, schema: EmulatorDataSchema, required: boolean, rawId: string): string {
  // Built from the seed's option key and field name: escaped like every other seed value.
  const id = escapeHtml(rawId);
  const label = escapeHtml(schema.title ?? field);
  const help = schema.description ? `<p class="muted" id="${id}-help">${escapeHtml(schema.description)}</p>` : '';
  const common = `id="${id}" name="${escapeHtml(field)}" data-param${required ? ' required aria-required="true"' : ''}${
    schema.description ? ` aria-describedby="${id}-help"` : ''
  }${schema.format ? ` data-format="${escapeHtml(schema.format)}"` : ''}`;
  const choices = schema.oneOf ?? schema.enum?.map((value, index) => ({ const: value, title: schema.enumNames?.[index] }));
  if (choices) {
    const options = [required && schema.default === undefined ? '<option value="">Choose…</option>' : '<option value=""></option>']
      .concat(
        choices.map(
          (choice) =>
            `<option value="${escapeHtml(choice.const)}"${choice.const === schema.default ? ' selected' : ''}>${escapeHtml(choice.title ?? choice.const)}</option>`,
        ),
      )
      .join('');
    return `<label for="${id}">${label}${required ? ' *' : ''}</label><select ${common}>${options}</select>${help}`;
  }
  if (schema.type === 'boolean') {
    return `<fieldset><label><input type="checkbox" ${common}${schema.default === true ? ' checked' : ''}> ${label}</label></fieldset>${help}`;
  }
  const type =
    schema.format === 'password' || schema.writeOnly
      ? 'password'
      : schema.type === 'number' || schema.type === 'integer'
        ? 'number'
        : schema.format === 'email'
          ? 'email'
          : schema.format === 'uri'
            ? 'url'
            : 'text';
  const limits = [
    schema.minLength === undefined ? '' : ` minlength="${escapeHtml(schema.minLength)}"`,
    schema.maxLength === undefined ? '' : ` maxlength="${escapeHtml(schema.maxLength)}"`,
    schema.minimum === undefined ? '' : ` min="${escapeHtml(schema.minimum)}"`,
    schema.maximum === undefined ? '' : ` max="${escapeHtml(schema.maximum)}"`,
    typeof schema.default === 'string' || typeof schema.default === 'number' ? ` value="${escapeHtml(schema.default)}"` : '',
    Array.isArray(schema.examples) && schema.examples[0] !== undefined ? ` placeholder="${escapeHtml(schema.examples[0])}"` : '',
  ].join('');
  return `<label for="${id}">${label}${required ? ' *' : ''}</label><input type="${type}" autocomplete="off" ${common}${limits}>${help}`;
}

function optionFields(option: EmulatorAuthOption, active: boolean): string {
  const schema = optionSchema(option);
  const required = new Set(schema?.required ?? []);
  const fields = Object.entries(schema?.properties ?? {})
    .map(([field, property]) => fieldInput(field, property, required.has(field), `f-${option.key}-${field}`))
    .join('');
  const description = option.ui?.description ?? option.description;
  // Only an http(s) helpUri becomes a link: a `javascript:` one from the seed would run on click.
  const helpUri = safeLinkUrl(option.ui?.helpUri);
  const help = helpUri ? `<p><a href="${escapeHtml(helpUri)}" target="_blank" rel="noreferrer">Where do I find these?</a></p>` : '';
  return `<div data-option="${escapeHtml(option.key)}"${active ? ' data-active' : ' hidden'}>${description ? `<p class="muted">${escapeHtml(description)}</p>` : ''}${fields}${help}</div>`;
}

/** `/embed/integrations/:key/connect` and `/embed/connections/:id/refresh`: the connect form. */
export function renderConnectPage(options: {
  integration: EmulatorIntegrationRecord;
  customer: EmulatorCustomer;
  reconnect?: EmulatorConnectionRecord;
  config: EmbedConfig;
}): string {
  const { integration, customer, reconnect, config } = options;
  const selected = reconnect?.authOptionKey ?? integration.authOptions[0]?.key;
  const picker =
    integration.authOptions.length > 1
      ? `<fieldset><legend>How do you want to connect?</legend>${integration.authOptions
          .map(
            (option) =>
              `<label><input type="radio" name="authOptionKey" value="${escapeHtml(option.key)}"${option.key === selected ? ' checked' : ''}> ${escapeHtml(option.title ?? option.key)}</label>`,
          )
          .join('')}</fieldset>`
      : '';
  const verb = reconnect ? 'Reconnect' : 'Connect';
  const body = `<form class="card" id="connect-form" novalidate>
<div class="row"><img class="logo" src="${escapeHtml(safeImageUrl(integration.logoUri))}" alt="">
<div class="grow"><h1>${verb} ${escapeHtml(integration.name)}</h1><p class="muted">Authorize ${escapeHtml(integration.name)} for ${escapeHtml(customer.name)}</p></div></div>
${picker}${integration.authOptions.map((option) => optionFields(option, option.key === selected)).join('')}
<div class="actions">${
    config.returnTo
      ? `<button type="button" data-action="open" data-path="${escapeHtml(config.returnTo)}">Cancel</button>`
      : '<button type="button" data-action="close">Cancel</button>'
  }<button type="submit" class="primary">${verb}</button></div></form>`;
  return embedPage(`${verb} ${integration.name}`, body, config);
}

/** A prebuilt UI page that cannot be shown (bad token, unknown app); it can still be closed. */
export function renderEmbedErrorPage(message: string, config: EmbedConfig): string {
  return embedPage('Error', `<div class="card"><h1 class="error">Cannot open this page</h1><p>${escapeHtml(message)}</p><div class="actions">${closeButton}</div></div>`, config);
}
