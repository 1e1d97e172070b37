import type { ConsentMode } from '../createFaultController.js';
import { optionSchema } from '../prepareConnect.js';
import type { PreparedConnect } from '../prepareConnect.js';
import { escapeHtml, renderPage, safeImageUrl, scriptJson } from './html.js';
import { maskParameters } from './maskParameters.js';

/**
 * The consent page of `POST /connection-popup`: "Authorize <app> for <customer>", the submitted
 * parameters (secrets masked), Allow and Deny. With an automatic consent mode it submits itself.
 */
export function renderConsentPage(options: {
  prepared: PreparedConnect;
  consentId: string;
  actionUrl: string;
  consent: ConsentMode;
}): string {
  const { prepared, consentId, actionUrl, consent } = options;
  const { integration, customer, option } = prepared;
  const rows = maskParameters(optionSchema(option), prepared.parameters)
    .map(({ label, value }) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const body = `
<form class="card" method="post" action="${escapeHtml(actionUrl)}" id="consent">
  <div class="row"><img class="logo" src="${escapeHtml(safeImageUrl(integration.logoUri))}" alt="">
    <div class="grow"><h1>Authorize ${escapeHtml(integration.name)} for ${escapeHtml(customer.name)}</h1>
    <p class="muted">${escapeHtml(option.title ?? option.type)}${prepared.target ? ' · reconnecting an existing connection' : ''}</p></div></div>
  <p>${escapeHtml(customer.name)} is about to let this workspace access ${escapeHtml(integration.name)} on its behalf.</p>
  ${rows ? `<dl aria-label="Parameters">${rows}</dl>` : '<p class="muted">No parameters.</p>'}
  <input type="hidden" name="consentId" value="${escapeHtml(consentId)}">
  <div class="actions">
    <button type="submit" name="decision" value="deny">Deny</button>
    <button type="submit" name="decision" value="allow" class="primary">Allow</button>
  </div>
</form>`;
  const script =
    consent === 'manual'
      ? ''
      : `(function(){var f=document.getElementById('consent');var d=document.createElement('input');d.type='hidden';d.name='decision';d.value=${scriptJson(consent)};f.appendChild(d);setTimeout(function(){f.submit()},50);})();`;
  return renderPage(`Authorize ${integration.name}`, body, script);
}
