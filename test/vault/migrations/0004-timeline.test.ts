import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openEncrypted } from '../../../main/vault/sqlite';
import { migrate } from '../../../main/vault/migrate';
import { MIGRATIONS } from '../../../main/vault/migrations';
import { migration0004 } from '../../../main/vault/migrations/0004-timeline';
import { tmpDir, PASS } from '../../helpers/tmp';

describe('migration 0004-timeline', () => {
  const fresh = () => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 4),
    );
    return db;
  };

  it('applies on top of 0001–0003 and creates the timeline tables', () => {
    const db = fresh();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 4),
    );
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('contacts','flag_dismissals','party_marks','reminders_shown') ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(names).toEqual(['contacts', 'flag_dismissals', 'party_marks', 'reminders_shown']);
    expect(db.prepare("SELECT new_value FROM audit_log WHERE action = 'schema.migrate' ORDER BY id DESC LIMIT 1").get()).toEqual({
      new_value: JSON.stringify({ version: 4, name: 'timeline' }),
    });
    db.close();
  });

  it('its checks refuse rows the code would never write', () => {
    const db = fresh();
    migration0004.up(db);
    const row = (over: Record<string, unknown>) => ({
      id: 'c1',
      at: '2024-10-18T14:30:22+08:00',
      at_ms: 1,
      channel: 'phone',
      direction: 'incoming',
      party_type: null,
      duration_sec: null,
      source: 'manual',
      source_key: null,
      ...over,
    });
    const put = db.prepare(
      "INSERT INTO contacts (id, at, at_ms, channel, direction, party_type, duration_sec, source, source_key, created_at, updated_at) VALUES (@id, @at, @at_ms, @channel, @direction, @party_type, @duration_sec, @source, @source_key, 'x', 'x')",
    );
    for (const bad of [{ channel: 'fax' }, { direction: 'sideways' }, { party_type: 'police' }, { duration_sec: -1 }, { source: 'guess' }]) {
      expect(() => put.run(row(bad))).toThrow(/CHECK/);
    }
    put.run(row({ source_key: 'k' }));
    expect(() => put.run(row({ id: 'c2', source_key: 'k' }))).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO flag_dismissals VALUES ('c1', 'night_contact', '  ', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO flag_dismissals VALUES ('nope', 'night_contact', 'r', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
