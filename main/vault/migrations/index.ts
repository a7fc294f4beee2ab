// The ordered list of migrations. Append only: never edit a released migration.
import type { Migration } from './types';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-evidence';
import { migration0003 } from './0003-case';
import { migration0004 } from './0004-timeline';
import { migration0005 } from './0005-packages';
import { migration0006 } from './0006-signature';
import { migration0007 } from './0007-account-evidence';
import { migration0008 } from './0008-creditor-sides';
import { migration0009 } from './0009-letters';
import { migration0010 } from './0010-after-application';
import { migration0011 } from './0011-bills';
import { migration0012 } from './0012-ocr';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
];
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
