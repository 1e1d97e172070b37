export { IntegrationsList } from './IntegrationsList.js';
export type { IntegrationsListProps } from './IntegrationsListProps.js';
export {
  IntegrationsListItem,
  IntegrationsListLogo,
  IntegrationsListName,
  IntegrationsListStatus,
  IntegrationsListAction,
  type IntegrationsListItemProps,
} from './parts.js';
