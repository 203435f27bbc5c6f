import { parseCommand } from './parse-command';
import { commandDescriptions, MAX_MANIFEST_COMMANDS_PER_SCOPE, manifestCommandLists } from './registry';

const options = { now: new Date('2026-11-03T12:00:00Z'), timeZone: 'Europe/Copenhagen' };

test.each(['en', 'da'] as const)('manifest command lists in %s fit Teams limits', (language) => {
  const lists = manifestCommandLists(language);
  const scopes = lists.flatMap((l) => l.scopes);
  expect(new Set(scopes)).toEqual(new Set(['personal', 'team', 'groupChat']));
  expect(scopes).toHaveLength(new Set(scopes).size);
  for (const list of lists) {
    expect(list.commands.length).toBeGreaterThan(0);
    expect(list.commands.length).toBeLessThanOrEqual(MAX_MANIFEST_COMMANDS_PER_SCOPE);
    for (const c of list.commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  }
});

test('the two languages list the same number of entries, so a localization file can index them', () => {
  const count = (language: 'en' | 'da') => manifestCommandLists(language).map((l) => l.commands.length);
  expect(count('da')).toEqual(count('en'));
});

test('every trigger phrase, typed alone, runs its own command', () => {
  for (const description of commandDescriptions) {
    for (const trigger of [...description.triggers.en, ...description.triggers.da]) {
      expect([trigger, parseCommand(trigger, options).kind]).toEqual([trigger, description.kind]);
    }
  }
});

test('every manifest title, with its placeholder filled in, runs its own command', () => {
  for (const description of commandDescriptions) {
    for (const help of [...description.help.en, ...description.help.da]) {
      const typed = help.title.replace(/<[^>]+>/, 'Anne Jensen');
      expect([typed, parseCommand(typed, options).kind]).toEqual([typed, description.kind]);
    }
  }
});
