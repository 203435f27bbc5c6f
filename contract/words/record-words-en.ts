/*
 * What the contract's values are called (appointment states, reasons, run and invoice states, audit
 * actions, sources, price types, who acted) and the CSV exports' headers, in English. The tab shows
 * these words (its catalogue spreads them in) and the server writes them into the CSV exports, so a
 * value reads the same on the page and in the file.
 */
export const recordWordsEn = {
  states: { unbilled: 'Unbilled', claimed: 'Being invoiced', invoiced: 'Invoiced', excluded: 'Excluded', cancelled: 'Cancelled' },
  /** An appointment marked as a no-show (the customer did not come). */
  noShow: 'No-show',
  reasons: {
    cancelled: 'Cancelled in Bookings',
    invoiced: 'Already invoiced',
    claimed: 'Being invoiced now',
    excluded: 'Excluded',
    'not-ended': 'Has not ended yet',
    review: 'Needs review',
    'no-customer': 'No customer',
    'customer-without-email': 'Customer has no email',
    'customer-blocked': 'Customer blocked in Business Central',
    'invalid-price': 'Invalid price',
    'price-needed': 'Price needed',
    free: 'Free',
    'service-not-linked': 'Service not linked to an item',
    'fee-item-missing': 'No fee item for no-shows and late cancellations',
    unknown: 'Unknown appointment',
    'attendee-invoiced': 'Attendee already invoiced',
  },
  /** What a row or an invoice line bills instead of the service (issue 17.1). */
  feeKinds: { 'no-show': 'No-show fee', 'late-cancellation': 'Late cancellation fee' },
  invoiceStatus: {
    planned: 'planned',
    created: 'created',
    verified: 'created and checked',
    mismatch: 'created, totals differ',
    failed: 'failed',
    deleted: 'deleted in Business Central',
    posted: 'posted',
    canceled: 'canceled',
  },
  /** Audit action codes as words; a code not listed here is shown as it is. */
  auditActions: {
    'appointment.exclude': 'Excluded from invoicing',
    'appointment.excluded': 'Excluded from invoicing',
    'appointment.included': 'Included again',
    'appointment.price-entered': 'Price entered',
    'appointment.no-show': 'Marked as no-show',
    'appointment.no-show-undone': 'No-show undone',
    'customer.linked': 'Customer linked to Business Central',
    'appointment.customer-linked': 'Appointment without a customer linked to a Business Central customer',
    'service.linked': 'Service linked to a Business Central item',
    'invoice.canceled': 'Invoice canceled in Business Central',
    'invoice.deleted': 'Draft deleted in Business Central',
    'invoice.posted': 'Invoice posted in Business Central',
    'invoice.run': 'Invoice run',
    'setup.changed': 'Setup changed',
    'setup.data': 'Setup data changed',
    'sync.failed': 'Sync failed',
    'sync.succeeded': 'Sync finished',
  } as Record<string, string>,
  priceTypes: {
    undefined: 'Not set',
    fixedPrice: 'Fixed',
    startingAt: 'Starting at',
    hourly: 'Hourly',
    free: 'Free',
    priceVaries: 'Varies',
    callUs: 'Call us',
    notSet: 'Not set',
    unknownFutureValue: 'Unknown',
  },
  runStates: {
    planned: 'Planned',
    claimed: 'Claimed',
    creating: 'Creating',
    verifying: 'Checking',
    succeeded: 'Succeeded',
    partial: 'Partly failed',
    failed: 'Failed',
    nothing: 'Nothing to invoice',
  },
  sources: { tab: 'Teams tab', bot: 'Bot', cli: 'Command line', schedule: 'Schedule' } as Record<string, string>,
  auditSubjects: {
    appointment: (details: string) => `Appointment: ${details}`,
    someAppointment: 'An appointment no longer in the list',
    invoice: (number: string | null, customer: string | null) =>
      number === null
        ? customer === null
          ? 'An invoice'
          : `Invoice for ${customer}`
        : customer === null
          ? `Invoice ${number}`
          : `Invoice ${number}, ${customer}`,
    invoiceRun: (when: string) => `Invoice run of ${when}`,
    someInvoiceRun: 'An invoice run',
    setup: 'The setup',
    syncRun: (when: string) => `Sync of ${when}`,
    someSyncRun: 'A sync',
  },
  who: {
    cli: 'Command line',
    sandbox: 'Sandbox user',
    scheduler: 'Scheduler',
    'daily-summary': 'Daily summary',
    sync: 'Sync',
    system: 'System',
    someone: 'Someone',
  },
  csv: {
    runs: ['Started', 'Finished', 'Who', 'From', 'State', 'Invoices created', 'Failed', 'Skipped', 'Total', 'Currency', 'Problem'],
    invoices: ['Invoice number', 'Status', 'Customer', 'Customer email', 'Customer number', 'Invoice date', 'Amount', 'Currency', 'Problem', 'Link'],
    audit: ['When', 'Who', 'From', 'Action', 'About', 'Details'],
    unbilled: ['Start', 'End', 'Minutes', 'Customers', 'Emails', 'Service', 'Staff', 'Price type', 'Unit price', 'Amount', 'Currency', 'State', 'Reason'],
    fileRuns: 'invoice-runs',
    fileInvoices: 'invoices',
    fileAudit: 'audit-log',
    fileUnbilled: 'unbilled',
  },
};

export type RecordWords = typeof recordWordsEn;
