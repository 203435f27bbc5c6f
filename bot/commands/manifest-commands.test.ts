import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { manifestCommandLists } from './registry';

const manifestSchema = z.object({
  bots: z.array(
    z.object({
      scopes: z.array(z.string()),
      commandLists: z.array(z.object({ scopes: z.array(z.string()), commands: z.array(z.object({ title: z.string(), description: z.string() })) })),
    }),
  ),
});

describe('the Teams manifest', () => {
  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'appPackage', 'manifest.json'), 'utf8')));

  it('lists the bot commands the parser understands, at most 10 per scope', () => {
    const [bot] = manifest.bots;
    expect(bot?.commandLists).toEqual(manifestCommandLists('en'));
    for (const list of bot?.commandLists ?? []) expect(list.commands.length).toBeLessThanOrEqual(10);
  });
});
