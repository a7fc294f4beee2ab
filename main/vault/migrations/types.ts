import type { Db } from '../sqlite';

/** One schema change. Each lives in its own file with its own test (test/vault/migrations/). */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
