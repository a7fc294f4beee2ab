// The ordered list of migrations. Append only: never edit a released migration.
import type { Migration } from './types';
import { migration0001 } from './0001-initial';

export const MIGRATIONS: readonly Migration[] = [migration0001];
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
