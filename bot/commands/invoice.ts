import type { CommandDescription } from './command-description';

/** Never invoices by itself: the bot answers with a preview card whose button does the work. */
export const invoiceCommand: CommandDescription = {
  kind: 'invoice',
  triggers: { en: ['invoice'], da: ['fakturer', 'fakturér', 'fakturere'] },
  accepts: { period: true, customer: true },
  help: {
    en: [
      { title: 'invoice yesterday', description: "Preview draft invoices for yesterday's completed appointments, with an Invoice button." },
      { title: 'invoice last week', description: 'Preview invoices for a period: today, last week, this month, last month, 2026-11-01..2026-11-15.' },
      { title: 'invoice <customer>', description: 'Preview invoices for one customer by name or email, optionally with a period.' },
    ],
    da: [
      { title: 'fakturer i går', description: 'Vis en forhåndsvisning af kladdefakturaer for gårsdagens afsluttede aftaler, med en Fakturer-knap.' },
      {
        title: 'fakturer sidste uge',
        description: 'Forhåndsvis fakturaer for en periode: i dag, sidste uge, denne måned, sidste måned, 1/11/2026..15/11/2026.',
      },
      { title: 'fakturer <kunde>', description: 'Forhåndsvis fakturaer for én kunde efter navn eller e-mail, eventuelt med en periode.' },
    ],
  },
  scopes: ['personal', 'team', 'groupChat'],
};
