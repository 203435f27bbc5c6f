import type { CommandDescription } from './command-description';

export const helpCommand: CommandDescription = {
  kind: 'help',
  triggers: { en: ['help', 'commands'], da: ['hjælp', 'hjaelp', 'kommandoer'] },
  accepts: { period: false, customer: false },
  help: {
    en: [{ title: 'help', description: 'Show what the bot understands, in English and Danish.' }],
    da: [{ title: 'hjælp', description: 'Vis hvad botten forstår, på dansk og engelsk.' }],
  },
  scopes: ['personal', 'team', 'groupChat'],
};
