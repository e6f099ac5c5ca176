import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      // the VS Code extension's bundle and packages (scripts/package-vscode.mjs)
      'editors/vscode/dist/**',
      'out/**',
      'node_modules/**',
      'coverage/**',
      'src/model/frontmatter.generated.ts',
      'src/validate/validators.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // no function over ~60 lines in the tool's own code (issue 13)
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.generated.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
