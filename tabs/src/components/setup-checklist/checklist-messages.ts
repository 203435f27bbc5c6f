import type { ChecklistItemId } from './checklist-items';

interface ChecklistMessages {
  title: string;
  intro: string;
  done: string;
  todo: string;
  openSetup: string;
  items: Record<ChecklistItemId, { label: string; hint: string }>;
}

/** The checklist's own strings, kept beside it; the page catalogues stay as they are. */
export const CHECKLIST_MESSAGES: Record<'en' | 'da', ChecklistMessages> = {
  en: {
    title: 'Finish setting up Bookings Invoicing',
    intro: 'A few things are still missing before invoices can be created.',
    done: 'Done',
    todo: 'To do',
    openSetup: 'Open Setup',
    items: {
      bookings: { label: 'Connect Microsoft Bookings', hint: 'Check the business in Setup and run Sync now; the first successful sync ticks this.' },
      businessCentral: { label: 'Choose the Business Central company', hint: 'Pick the company invoices are created in, then Test connection.' },
      roles: { label: 'Name the admins and invoicers', hint: 'Until an admin is named, everyone who opens the app may change the setup.' },
    },
  },
  da: {
    title: 'Gør opsætningen af Bookings-fakturering færdig',
    intro: 'Der mangler stadig et par ting, før der kan oprettes fakturaer.',
    done: 'Udført',
    todo: 'Mangler',
    openSetup: 'Åbn Opsætning',
    items: {
      bookings: {
        label: 'Forbind Microsoft Bookings',
        hint: 'Kontrollér virksomheden under Opsætning og kør Synkroniser nu; den første vellykkede synkronisering markerer dette.',
      },
      businessCentral: { label: 'Vælg Business Central-virksomheden', hint: 'Vælg virksomheden, fakturaerne oprettes i, og kør Test forbindelse.' },
      roles: { label: 'Angiv administratorer og fakturerere', hint: 'Indtil en administrator er angivet, kan alle, der åbner appen, ændre opsætningen.' },
    },
  },
};
