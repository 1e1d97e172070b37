export { IntegrationsList, type IntegrationsListProps } from './IntegrationsList.js';
export {
  IntegrationsListItem,
  IntegrationsListLogo,
  IntegrationsListName,
  IntegrationsListStatus,
  IntegrationsListAction,
  type IntegrationsListItemProps,
} from './parts.js';
