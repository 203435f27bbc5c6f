export { customerLinkChoices, linkCustomer } from './customer-link';
export { linkServiceToItem, serviceLinkChoices } from './service-item-link';
export type { LinkActor, LinkDeps } from './link-deps';
export * from './link-schemas';
export { createLinking, isRefusal, type Linking } from './linking';
