// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.cache/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // A component is reached only through its index.ts: no reaching into another component's files.
    files: ['src/components/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^./][^/]*/(?!index\\.js$).+',
              message: 'Import another component only through its index.js.',
            },
            {
              // The same reach through the components folder (../../components/<x>/<file>.js).
              regex: '(^|/)components/[^/]+/(?!index\\.js$).+',
              message: 'Import another component only through its index.js.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/*.ts', 'src/demo/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'components/[^/]+/(?!index\\.js$).+',
              message: 'Import a component only through its index.js.',
            },
          ],
        },
      ],
    },
  },
  {
    // shared/ is infrastructure: it never imports a component.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: 'components/', message: 'shared/ must not import a component.' }] },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
