import type { EmulatorAuthOption, EmulatorSeed } from '../types.js';
import { createLogo } from './createLogo.js';

const oauth2 = (appName: string, extra: Partial<EmulatorAuthOption> = {}): EmulatorAuthOption => ({
  key: 'oauth2',
  type: 'oauth2',
  title: 'OAuth 2.0',
  description: `Sign in to ${appName} and grant access.`,
  ...extra,
});

/**
 * The apps of the seed workspace: every auth type Membrane's SDK handles (oauth2, oauth1,
 * client-credentials with API-key style parameters) and one app with two auth options (Jira).
 * Ids are fixed so persisted connections survive a restart.
 *
 * @example
 * ```ts
 * seedIntegrations.find((integration) => integration.key === 'hubspot')?.authOptions[0]?.type; // 'oauth2'
 * ```
 */
export const seedIntegrations: EmulatorSeed['integrations'] = [
  {
    id: '65a1f0c2d4e5f60718293a01',
    key: 'hubspot',
    name: 'HubSpot',
    logoUri: createLogo('#ff7a59', 'H'),
    baseUri: 'https://api.hubapi.com',
    appUri: 'https://www.hubspot.com',
    apiDocsUri: 'https://developers.hubspot.com/docs/api/overview',
    authOptions: [oauth2('HubSpot')],
  },
  {
    id: '65a1f0c2d4e5f60718293a02',
    key: 'salesforce',
    name: 'Salesforce',
    logoUri: createLogo('#00a1e0', 'S'),
    baseUri: 'https://login.salesforce.com',
    appUri: 'https://www.salesforce.com',
    apiDocsUri: 'https://developer.salesforce.com/docs/apis',
    authOptions: [
      oauth2('Salesforce', {
        ui: {
          description: 'Connect a production org, or a sandbox with its own login domain.',
          helpUri: 'https://help.salesforce.com/s/articleView?id=sf.connected_app_overview.htm',
          schema: {
            type: 'object',
            properties: {
              environment: {
                type: 'string',
                title: 'Environment',
                enum: ['production', 'sandbox'],
                enumNames: ['Production', 'Sandbox'],
                default: 'production',
              },
              loginDomain: {
                type: 'string',
                title: 'Custom login domain',
                description: 'Only for My Domain orgs, e.g. acme.my.salesforce.com',
              },
            },
          },
        },
      }),
    ],
  },
  {
    id: '65a1f0c2d4e5f60718293a03',
    key: 'slack',
    name: 'Slack',
    logoUri: createLogo('#4a154b', '#'),
    baseUri: 'https://slack.com/api',
    appUri: 'https://slack.com',
    apiDocsUri: 'https://api.slack.com/docs',
    authOptions: [oauth2('Slack')],
  },
  {
    id: '65a1f0c2d4e5f60718293a04',
    key: 'google-sheets',
    name: 'Google Sheets',
    logoUri: createLogo('#0f9d58', '▦'),
    baseUri: 'https://sheets.googleapis.com',
    appUri: 'https://www.google.com/sheets/about/',
    apiDocsUri: 'https://developers.google.com/sheets/api',
    authOptions: [oauth2('Google')],
  },
  {
    id: '65a1f0c2d4e5f60718293a05',
    key: 'github',
    name: 'GitHub',
    logoUri: createLogo('#24292f', 'G'),
    baseUri: 'https://api.github.com',
    appUri: 'https://github.com',
    apiDocsUri: 'https://docs.github.com/rest',
    authOptions: [oauth2('GitHub')],
  },
  {
    id: '65a1f0c2d4e5f60718293a06',
    key: 'notion',
    name: 'Notion',
    logoUri: createLogo('#ffffff', 'N', '#111111'),
    baseUri: 'https://api.notion.com',
    appUri: 'https://www.notion.so',
    apiDocsUri: 'https://developers.notion.com',
    authOptions: [oauth2('Notion')],
  },
  {
    id: '65a1f0c2d4e5f60718293a07',
    key: 'trello',
    name: 'Trello',
    logoUri: createLogo('#0079bf', 'T'),
    baseUri: 'https://api.trello.com/1',
    appUri: 'https://trello.com',
    apiDocsUri: 'https://developer.atlassian.com/cloud/trello/rest',
    authOptions: [
      { key: 'oauth1', type: 'oauth1', title: 'OAuth 1.0a', description: 'Sign in to Trello and allow access to your boards.' },
    ],
  },
  {
    id: '65a1f0c2d4e5f60718293a08',
    key: 'zendesk',
    name: 'Zendesk',
    logoUri: createLogo('#03363d', 'Z'),
    baseUri: 'https://{subdomain}.zendesk.com/api/v2',
    appUri: 'https://www.zendesk.com',
    apiDocsUri: 'https://developer.zendesk.com/api-reference',
    authOptions: [
      {
        key: 'api-token',
        type: 'client-credentials',
        title: 'API token',
        description: 'Use an API token from Admin Center → Apps and integrations → Zendesk API.',
        ui: {
          description: 'Your Zendesk subdomain, an agent email and an API token.',
          helpUri: 'https://support.zendesk.com/hc/en-us/articles/4408889192858',
          schema: {
            type: 'object',
            required: ['subdomain', 'email', 'apiToken'],
            properties: {
              subdomain: { type: 'string', title: 'Subdomain', description: 'The "acme" in acme.zendesk.com', minLength: 1 },
              email: { type: 'string', title: 'Agent email', format: 'email' },
              apiToken: { type: 'string', title: 'API token', format: 'password' },
              region: {
                type: 'string',
                title: 'Data region',
                oneOf: [
                  { const: 'us', title: 'United States' },
                  { const: 'eu', title: 'European Union' },
                  { const: 'apac', title: 'Asia-Pacific' },
                ],
                default: 'us',
              },
            },
          },
        },
      },
    ],
  },
  {
    id: '65a1f0c2d4e5f60718293a09',
    key: 'stripe',
    name: 'Stripe',
    logoUri: createLogo('#635bff', 'S'),
    baseUri: 'https://api.stripe.com/v1',
    appUri: 'https://stripe.com',
    apiDocsUri: 'https://docs.stripe.com/api',
    authOptions: [
      {
        key: 'secret-key',
        type: 'client-credentials',
        title: 'Secret key',
        description: 'A restricted or secret key from Developers → API keys.',
        ui: {
          helpUri: 'https://docs.stripe.com/keys',
          schema: {
            type: 'object',
            required: ['secretKey', 'mode'],
            properties: {
              secretKey: { type: 'string', title: 'Secret key', format: 'password', minLength: 8 },
              mode: { type: 'string', title: 'Mode', enum: ['test', 'live'], enumNames: ['Test mode', 'Live mode'], default: 'test' },
            },
          },
        },
      },
    ],
  },
  {
    id: '65a1f0c2d4e5f60718293a0a',
    key: 'pipedrive',
    name: 'Pipedrive',
    logoUri: createLogo('#1a1a1a', 'P', '#26d07c'),
    baseUri: 'https://api.pipedrive.com/v1',
    appUri: 'https://www.pipedrive.com',
    apiDocsUri: 'https://developers.pipedrive.com/docs/api/v1',
    authOptions: [
      {
        key: 'api-token',
        type: 'client-credentials',
        title: 'API token',
        description: 'Your personal API token from Settings → Personal preferences → API.',
        ui: {
          schema: {
            type: 'object',
            required: ['apiToken'],
            properties: {
              apiToken: { type: 'string', title: 'API token', format: 'password' },
              companyDomain: { type: 'string', title: 'Company domain', description: 'The "acme" in acme.pipedrive.com' },
            },
          },
        },
      },
    ],
  },
  {
    id: '65a1f0c2d4e5f60718293a0b',
    key: 'jira',
    name: 'Jira',
    logoUri: createLogo('#0052cc', 'J'),
    baseUri: 'https://api.atlassian.com',
    appUri: 'https://www.atlassian.com/software/jira',
    apiDocsUri: 'https://developer.atlassian.com/cloud/jira/platform/rest/v3',
    authOptions: [
      oauth2('Atlassian', { title: 'Atlassian account (OAuth 2.0)' }),
      {
        key: 'api-token',
        type: 'client-credentials',
        title: 'API token',
        description: 'For Jira Cloud sites where OAuth apps are not allowed.',
        ui: {
          helpUri: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
          schema: {
            type: 'object',
            required: ['siteUrl', 'email', 'apiToken'],
            properties: {
              siteUrl: { type: 'string', title: 'Site URL', format: 'uri', examples: ['https://acme.atlassian.net'] },
              email: { type: 'string', title: 'Email', format: 'email' },
              apiToken: { type: 'string', title: 'API token', format: 'password' },
            },
          },
        },
      },
    ],
  },
  {
    id: '65a1f0c2d4e5f60718293a0c',
    key: 'twilio',
    name: 'Twilio',
    logoUri: createLogo('#f22f46', '◉'),
    baseUri: 'https://api.twilio.com/2010-04-01',
    appUri: 'https://www.twilio.com',
    apiDocsUri: 'https://www.twilio.com/docs/usage/api',
    authOptions: [
      {
        key: 'account-credentials',
        type: 'client-credentials',
        title: 'Account SID and auth token',
        ui: {
          schema: {
            type: 'object',
            required: ['accountSid', 'authToken'],
            properties: {
              accountSid: { type: 'string', title: 'Account SID', minLength: 34, maxLength: 34 },
              authToken: { type: 'string', title: 'Auth token', format: 'password' },
            },
          },
        },
      },
    ],
  },
  {
    id: '65a1f0c2d4e5f60718293a0d',
    key: 'mailchimp',
    name: 'Mailchimp',
    logoUri: createLogo('#ffe01b', 'M', '#241c15'),
    baseUri: 'https://{dc}.api.mailchimp.com/3.0',
    appUri: 'https://mailchimp.com',
    apiDocsUri: 'https://mailchimp.com/developer/marketing/api',
    authOptions: [oauth2('Mailchimp')],
  },
  {
    id: '65a1f0c2d4e5f60718293a0e',
    key: 'xero',
    name: 'Xero',
    logoUri: createLogo('#13b5ea', 'X'),
    baseUri: 'https://api.xero.com',
    appUri: 'https://www.xero.com',
    apiDocsUri: 'https://developer.xero.com/documentation/api',
    authOptions: [oauth2('Xero')],
  },
  {
    id: '65a1f0c2d4e5f60718293a0f',
    key: 'asana',
    name: 'Asana',
    logoUri: createLogo('#f06a6a', 'A'),
    baseUri: 'https://app.asana.com/api/1.0',
    appUri: 'https://asana.com',
    apiDocsUri: 'https://developers.asana.com/reference',
    authOptions: [oauth2('Asana')],
  },
  {
    id: '65a1f0c2d4e5f60718293a10',
    key: 'intercom',
    name: 'Intercom',
    logoUri: createLogo('#1f8ded', 'I'),
    baseUri: 'https://api.intercom.io',
    appUri: 'https://www.intercom.com',
    apiDocsUri: 'https://developers.intercom.com/docs',
    authOptions: [oauth2('Intercom')],
  },
];
