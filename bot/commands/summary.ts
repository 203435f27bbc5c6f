import type { CommandDescription } from './command-description';

export const summaryCommand: CommandDescription = {
  kind: 'summary',
  triggers: {
    en: ['summary', 'daily summary', 'summarize', 'summarise', 'overview'],
    da: ['oversigt', 'opsummering', 'opsummer', 'daglig oversigt'],
  },
  accepts: { period: true, customer: false },
  help: {
    en: [{ title: 'summary', description: "Show the daily summary card now (yesterday's appointments unless you name a period)." }],
    da: [{ title: 'oversigt', description: 'Vis den daglige oversigt nu (gårsdagens aftaler, medmindre du angiver en periode).' }],
  },
  scopes: ['personal', 'team', 'groupChat'],
};
