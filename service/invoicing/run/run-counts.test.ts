import { countsOf } from './run-counts';

describe('countsOf', () => {
  it('counts a group class once as an appointment and once per attendee as invoices and customers', () => {
    const invoice = (email: string, ...appointmentIds: string[]) => ({ appointmentIds, customer: { email } });
    const counts = countsOf([invoice('a@x.dk', 'class', 'single-1'), invoice('B@x.dk', 'class'), invoice('c@x.dk', 'class'), invoice('b@x.dk', 'single-2')]);
    expect(counts).toEqual({ appointments: 3, invoices: 4, customers: 3 });
  });
});
