import { appointmentSections } from './appointment-sections';
import { appointments, context } from './testing/card-fixtures';

describe('appointmentSections totals', () => {
  it('lists services and staff with as many appointments in Danish order: Æ, Ø and Å after Z', () => {
    const names = ['Åndedræt', 'Zoneterapi', 'Øvelser', 'Akupunktur', 'Ærgoterapi'];
    const rows = appointments(names.length).map((row, i) => ({ ...row, serviceName: names[i] ?? '', staffName: names[names.length - 1 - i] ?? '' }));
    const { data } = appointmentSections({ appointments: rows, period: null, customer: null }, 'Oversigt', context(), 10);
    const expected = ['Akupunktur', 'Zoneterapi', 'Ærgoterapi', 'Øvelser', 'Åndedræt'];
    expect(data.byService.map((f) => f.title)).toEqual(expected);
    expect(data.byStaff.map((f) => f.title)).toEqual(expected);
  });
});
