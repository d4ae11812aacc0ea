// tsc copies only .ts output (and imported JSON); files read at run time travel with the build here.
import { cpSync } from 'node:fs';

cpSync('src/components/geography/data', 'dist/components/geography/data', { recursive: true });
cpSync('src/shared/i18n/locales', 'dist/shared/i18n/locales', { recursive: true });
