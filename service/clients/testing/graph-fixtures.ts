/** A bookingAppointment as Graph v1.0 sends it, with a field we do not know. */
export function rawAppointment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'AAMk-1',
    serviceId: 'svc-1',
    serviceName: 'Massage',
    duration: 'PT1H',
    preBuffer: 'PT0S',
    postBuffer: 'PT10M',
    price: 650.5,
    priceType: 'fixedPrice',
    staffMemberIds: ['st-1'],
    startDateTime: { dateTime: '2026-11-03T09:00:00.0000000', timeZone: 'UTC' },
    endDateTime: { dateTime: '2026-11-03T10:00:00.0000000', timeZone: 'UTC' },
    customers: [
      {
        '@odata.type': '#microsoft.graph.bookingCustomerInformation',
        customerId: 'c-1',
        name: 'Anne',
        emailAddress: 'anne@example.com',
        phone: '',
        timeZone: 'Romance Standard Time',
        notes: '',
        location: null,
        customQuestionAnswers: [],
      },
    ],
    someNewGraphField: { whatever: true },
    ...overrides,
  };
}
