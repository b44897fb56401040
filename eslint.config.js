import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * One `no-restricted-imports` block per part: its own bans, plus what every lib is denied (any path into
 * apps/). ESLint applies the last matching block, so each part's block carries the shared ban too.
 */
function boundaries(parts) {
  const intoApps = { group: ['**/apps/**'], message: 'a lib never imports an app' };
  return [
    {
      files: ['libs/**'],
      ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [intoApps] }] },
    },
    ...parts.map(({ files, forbid, forbidRegex, because }) => ({
      files,
      ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: forbid, message: because },
              ...(forbidRegex ? [{ regex: forbidRegex, message: because }] : []),
              ...(files[0].startsWith('libs/') ? [intoApps] : []),
            ],
          },
        ],
      },
    })),
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist.build-*/',
      'dist.old-*/',
      'node_modules/',
      'coverage/',
      'data/',
      '.stryker-tmp/',
      'reports/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  // Boundaries (architecture.md): what each part may import. A lib never imports an app, an app never
  // imports another.
  ...boundaries([
    {
      files: ['libs/domain/**'],
      forbid: ['@tracker/*', '@nestjs/*', 'node:sqlite'],
      because: 'the domain is pure TypeScript: it imports nothing of ours, no Nest, no I/O',
    },
    {
      files: ['libs/event-store/**'],
      forbid: ['@tracker/domain', '@tracker/read-models', '@tracker/tracking', '@tracker/exchange'],
      because: 'the event store knows no domain types and nothing above it',
    },
    {
      files: ['libs/integrity/**'],
      forbid: ['@tracker/*', '@nestjs/*'],
      because: 'integrity knows no domain and no Nest: the standalone verifier is built from it alone',
    },
    {
      files: ['apps/verifier/**'],
      forbid: ['@nestjs/*', 'node:sqlite'],
      forbidRegex: '^@tracker/(?!integrity/verification$)',
      because: 'the standalone verifier depends on nothing of the server',
    },
    { files: ['apps/api/**'], forbid: ['**/cli/src/**'], because: 'an app never imports another app' },
    {
      files: ['apps/cli/**'],
      forbid: ['**/api/src/**', '**/verifier/src/**'],
      because:
        'an app never imports another app: configuration, store choice and data paths are in @tracker/config, the mutation inputs in @tracker/mutation-inputs',
    },
  ]),
  {
    files: ['bench/**', 'scripts/**', 'apps/cli/**', 'apps/verifier/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // End-to-end specs read arbitrary GraphQL JSON; typing every response shape would only restate the schema.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
