// Lint rules that carry the architecture (CONVENTIONS.md, frontend items 9-15):
// shared code -> features -> app, features never import each other, no import
// cycles, kebab-case files, no barrel files, accented text only in src/locales.
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import importPlugin from 'eslint-plugin-import';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { configs as tsConfigs } from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const SHARED = [
  './src/components',
  './src/hooks',
  './src/lib',
  './src/locales',
  './src/styles',
  './src/testing',
];

const local = {
  rules: {
    'kebab-case-files': {
      meta: { type: 'suggestion', schema: [] },
      create(context) {
        return {
          Program(node) {
            const name = basename(context.filename).replace(/(\.d)?\.(test\.)?(spec\.)?[cm]?[jt]sx?$/, '');
            if (name === 'index') {
              context.report({ node, message: 'No barrel files: import the module that defines the name.' });
            } else if (!/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/.test(name)) {
              context.report({ node, message: `File name "${name}" must be kebab-case.` });
            }
          },
        };
      },
    },
    'ascii-only': {
      meta: { type: 'suggestion', schema: [] },
      create(context) {
        const check = (node, text) => {
          if ([...text].some((char) => char.charCodeAt(0) > 0x7e)) {
            context.report({
              node,
              message: 'Non-ASCII text belongs in src/locales/*.json (use t()).',
            });
          }
        };
        return {
          Literal(node) {
            if (typeof node.value === 'string') check(node, node.value);
          },
          TemplateElement(node) {
            check(node, node.value.raw);
          },
          JSXText(node) {
            check(node, node.value);
          },
        };
      },
    },
  },
};

export default defineConfig(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', 'e2e/screenshots'] },
  js.configs.recommended,
  ...tsConfigs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [importPlugin.flatConfigs.recommended, importPlugin.flatConfigs.typescript],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    plugins: { local },
    rules: {
      'local/kebab-case-files': 'error',
      'local/ascii-only': 'error',
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-default-export': 'off',
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          'newlines-between': 'always',
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest'], jsxA11y.flatConfigs.recommended],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            // features are combined only in src/app
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'Features never import each other: combine them in src/app/routes.',
            })),
            {
              target: './src/features',
              from: './src/app',
              message: 'Features cannot import the app layer.',
            },
            {
              target: SHARED,
              from: ['./src/features', './src/app'],
              message: 'Shared code (components, hooks, lib) cannot import features or the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.d.ts'],
    rules: { 'local/kebab-case-files': 'off' },
  },
);
