import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/*
 * Lint: typescript-eslint's recommended-type-checked rules, and the import directions of
 * ARCHITECTURE.md. Run by `npm run lint` (part of `npm test`).
 *
 * Import directions (what may import what; tests and testing/ helpers are free to reach anything):
 *   faces (server/, bot/, cli/) → the façade (service/app/) → domain → store, clients
 *   - service/ never imports a face (server/, bot/, cli/, tabs/) nor the sandbox;
 *   - a face never reaches the store or the clients past the façade (service/store/, service/clients/);
 *     server/main.ts, the composition root, wires them; the server reads what the bot keeps through the façade;
 *   - sandbox/ (the emulators) only from tests, testing/ helpers, tools/, bench/ and the sandbox entry
 *     (server/main.ts, which starts it in sandbox mode);
 *   - tabs/src/ runs in the browser: at run time it imports only its own code, contract/ and the pure
 *     service modules it shares with the other faces (service/domain/, the *-words catalogues, the
 *     setup lookups); type imports are free;
 *   - contract/ is what the tab and the server share: zod and pure service schema modules, nothing
 *     that runs on Node only.
 */

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', 'tabs/e2e/**', 'bot/e2e/**', 'tools/**', 'bench/**'];

/** An import of one of these top-level folders (its index) or any file under it, from anywhere in the tree. */
const under = (...dirs) => dirs.flatMap((dir) => [`**/${dir}`, `**/${dir}/**`]);

const FACES = under('server', 'bot', 'tabs', 'cli');
const SANDBOX = { group: under('sandbox'), message: 'The emulators are for tests and the sandbox entry (server/main.ts) only.' };
const NODE_ONLY = ['node:*', 'kysely', 'pg', 'better-sqlite3', 'pino', 'botbuilder', 'restify', '@azure/*', 'jose'];

/** What no face imports: the store and the clients (the façade wraps them), the tab's code, the emulators. */
const FACE_RULES = [
  { group: under('service/store', 'service/clients'), message: 'Faces reach the store and the clients through the façade (service/app/app-services.ts).' },
  { group: under('tabs'), message: "The tab's code is the tab's: share through contract/ or service/." },
  SANDBOX,
];

const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ allowTypeImports: false, ...p })) }],
});

export default defineConfig(
  { ignores: ['node_modules/**', 'tabs/dist/**', 'dist/**', '.data/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Off: an async function that needs no await is how this code implements a Promise-returning
      // interface (fakes, route handlers, phases), and `async` turns a throw into a rejection callers expect.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a value left out on purpose (a destructured field dropped, an unused parameter kept for its position).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },

  {
    files: TESTS,
    rules: {
      // Tests read answers as parsed JSON (any) and assert on their shape: the assertion is the check.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // jest's matchers take a method to check how it was called, never to call it unbound.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // ------------------------------------------------------------------------------------------ import directions
  {
    files: ['service/**/*.ts'],
    ignores: TESTS,
    rules: restrict([
      { group: FACES, message: 'service/ is the inside: the faces (server, bot, CLI, tab) call it, never the other way.' },
      SANDBOX,
      { group: ['botbuilder', 'restify', 'react', 'react-dom', '@fluentui/*', '@microsoft/teams-js'], message: 'service/ imports no face framework.' },
    ]),
  },
  {
    files: ['server/**/*.ts', 'bot/**/*.ts', 'cli/**/*.ts'],
    ignores: [...TESTS, 'server/main.ts'],
    rules: restrict(FACE_RULES),
  },
  {
    files: ['server/**/*.ts'],
    ignores: [...TESTS, 'server/main.ts'],
    rules: restrict([
      ...FACE_RULES,
      {
        // The cards' templates (bot/cards/) are pictures any face may draw; the bot's state and actions are the bot's.
        regex: String.raw`^(\.\./)+bot/(?!cards(/|$))`,
        message: 'The server reads what the bot keeps (its conversations, its posted cards) through the façade.',
      },
    ]),
  },
  {
    files: ['tabs/src/**/*.ts', 'tabs/src/**/*.tsx'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A relative path into server/, bot/, sandbox/ or service/, except service/domain/, a *-words catalogue and the setup lookups.
              regex: String.raw`^(\.\./)+(server|bot|sandbox)/|^(\.\./)+service/(?!domain/|setup/setup-lookups$|.*-words$)`,
              allowTypeImports: true,
              message: 'The tab imports at run time only its own code, contract/ and the pure service modules it shares (domain, words, setup lookups).',
            },
            { group: NODE_ONLY, message: 'The tab runs in the browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['contract/**/*.ts'],
    ignores: TESTS,
    rules: restrict([
      {
        // The faces, the sandbox, and the store, the clients (but their response schemas) and the façade of service/.
        regex: String.raw`^(\.\./)+(server|bot|tabs|sandbox|cli)/|^(\.\./)+service/(store|app|cli)/|^(\.\./)+service/clients/(?!.*/schemas/)`,
        message: 'contract/ holds what the tab and the server share: zod and pure service schema modules only.',
      },
      { group: NODE_ONLY, message: "contract/ is in the tab's bundle: nothing that runs on Node only." },
    ]),
  },
);
