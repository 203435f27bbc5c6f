export { PaymentsService, businessToday, OVERDUE_CARD_LIMIT } from './payments-service';
export { listPayments, paymentOf } from './list-payments';
export {
  listPaymentsRequestSchema,
  paymentItemSchema,
  paymentPageSchema,
  type ListPaymentsRequest,
  type PaymentItem,
  type PaymentPage,
} from './payment-schemas';
export { paymentState, paymentStateSchema, paymentInfoSchema, PAYMENT_STATES, type PaymentState, type PaymentInfo } from './payment-state';
