import type { CommandDescription } from './command-description';

export const unbilledCommand: CommandDescription = {
  kind: 'unbilled',
  triggers: {
    en: ['unbilled', 'uninvoiced', 'not invoiced', 'not billed'],
    da: ['ikke fakturerede', 'ikke faktureret', 'ikke-fakturerede', 'ufakturerede', 'ufaktureret'],
  },
  accepts: { period: true, customer: true },
  help: {
    en: [{ title: 'unbilled', description: 'List completed appointments not invoiced yet, and why some cannot be invoiced.' }],
    da: [{ title: 'ikke fakturerede', description: 'Vis afsluttede aftaler, der ikke er faktureret endnu, og hvorfor nogle ikke kan faktureres.' }],
  },
  scopes: ['personal', 'team', 'groupChat'],
};
