export {
  checkConnections,
  TEMPLATE_NOTE,
  type ConnectionCheck,
  type BookingsCheck,
  type BusinessCentralCheck,
  type CheckTarget,
  type ConnectionClients,
} from './check-connections';
export { describeFailure, type Side } from './problem-text';
