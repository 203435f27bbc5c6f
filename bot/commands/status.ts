import type { CommandDescription } from './command-description';

export const statusCommand: CommandDescription = {
  kind: 'status',
  triggers: { en: ['status'], da: ['status', 'tilstand'] },
  accepts: { period: false, customer: false },
  help: {
    en: [{ title: 'status', description: 'Show the last sync, the last invoice run and how many appointments are waiting.' }],
    da: [{ title: 'status', description: 'Vis seneste synkronisering, seneste fakturakørsel og hvor mange aftaler der venter.' }],
  },
  scopes: ['personal', 'team', 'groupChat'],
};
