export { syncAppointments, createAppointmentSync, type AppointmentSyncOptions } from './sync-appointments';
export { AppointmentRepository, rowToAppointment, rowToRecord, type UpsertCounts, type VanishCounts } from '../../appointments/appointment-repository';
export type { AppointmentRecord, Aspect } from '../../appointments/appointment-record';
export { BookingsBusinessError, type BookingsBusinessProblem } from './bookings-business-error';
export { appointmentWindow, splitWindow, type TimeSpan, type Chunk } from './sync-window';
export { readAppointmentCheckpoint, APPOINTMENTS_CHECKPOINT_KIND, type AppointmentCheckpoint } from './appointment-checkpoint';
export { CANCELLED_AFTER_INVOICING } from '../../appointments/upsert-decision';
export { recountCustomersBlocked, loadBlockedCustomerIds, countBlocked } from '../../appointments/blocked-customers';
