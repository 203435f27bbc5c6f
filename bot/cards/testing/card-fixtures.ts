import type { AppointmentRow } from '../card-input';
import type { CardContext } from '../card-locale';

/** Realistic inputs shared by the card tests. */

export const TAB = { appId: '8a4d6c1e-2f3b-4c5d-9e8f-1a2b3c4d5e6f', webUrl: 'https://invoicing.example.dk/tab/unbilled' };

export function context(locale: CardContext['locale'] = 'da-DK'): CardContext {
  return { locale, timeZone: 'Europe/Copenhagen', tab: TAB };
}

export const PERIOD = { firstDay: '2026-11-02', lastDay: '2026-11-02', key: '2026-11-02..2026-11-02', label: 'i går (2. nov. 2026)' };

const SERVICES = ['Klipning', 'Farvning', 'Massage 60 min', 'Konsultation', 'Fysioterapi'];
const STAFF = ['Mette Hansen', 'Lars Nielsen', 'Sofie Jensen', 'Oluwaseun Adébáyọ̀'];

/** `count` appointments on 2 Nov 2026; every 7th cannot be invoiced, every 11th has no price. */
export function appointments(count: number, name: (i: number) => string = (i) => `Kunde ${i} Ærø-Sørensen`): AppointmentRow[] {
  return Array.from({ length: count }, (_, i) => {
    const noPrice = i % 11 === 10;
    return {
      id: `AAMkAGI2TG93AAA-${i}`,
      start: new Date(Date.UTC(2026, 10, 2, 7, 0) + (i % 40) * 15 * 60_000),
      durationMinutes: 30 + (i % 4) * 15,
      customerName: name(i),
      serviceName: SERVICES[i % SERVICES.length] ?? 'Klipning',
      staffName: STAFF[i % STAFF.length] ?? 'Mette Hansen',
      price: noPrice ? null : { minor: 45_000 + (i % 5) * 12_550, currency: 'DKK' },
      reason: noPrice ? 'Prisen mangler' : i % 7 === 6 ? 'Kunden har ingen e-mail' : null,
    };
  });
}
