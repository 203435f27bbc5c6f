import type { CommandDescription } from './command-description';

export const syncCommand: CommandDescription = {
  kind: 'sync',
  triggers: {
    en: ['sync now', 'sync', 'synchronize', 'synchronise'],
    da: ['synkroniser nu', 'synkroniser', 'synkronisér', 'synkronisere', 'synk'],
  },
  accepts: { period: false, customer: false },
  help: {
    en: [{ title: 'sync now', description: 'Read new and changed appointments from Bookings now instead of waiting for the next sync.' }],
    da: [{ title: 'synkroniser nu', description: 'Hent nye og ændrede aftaler fra Bookings nu i stedet for at vente på næste synkronisering.' }],
  },
  scopes: ['personal', 'team', 'groupChat'],
};
