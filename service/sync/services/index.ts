export { syncServices } from './sync-services';
export { linkServiceToItem, clearServiceConflict } from './service-links';
export { conflictReason } from './item-plan';
export { SERVICE_ITEMS_CHECKPOINT_KIND } from './item-checkpoint';
