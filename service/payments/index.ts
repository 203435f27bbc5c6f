export { PaymentsService, businessToday, OVERDUE_CARD_LIMIT } from './payments-service';
export { listPayments, paymentOf } from './list-payments';
export { listPaymentCustomers } from './list-payment-customers';
export {
  listPaymentsRequestSchema,
  listPaymentCustomersRequestSchema,
  paymentCustomerPageSchema,
  PAYMENT_CUSTOMER_SORTS,
  type ListPaymentCustomersRequest,
  type PaymentCustomer,
  type PaymentCustomerPage,
  type PaymentCustomerSort,
  paymentItemSchema,
  paymentPageSchema,
  type ListPaymentsRequest,
  type PaymentItem,
  type PaymentPage,
} from './payment-schemas';
export { paymentState, paymentStateSchema, paymentInfoSchema, PAYMENT_STATES, type PaymentState, type PaymentInfo } from './payment-state';
