// The contacts a person confirmed from a chat or SMS screenshot (issue 12): all added in
// one transaction, each linked to the screenshot as its evidence, its text kept verbatim as
// the message body, and — for what the other side wrote — the claims read from that text by
// the same parser as typed and imported SMS (extractClaims, dated by the message's day so a
// due date gets its year). Flags and creditor-side attribution are computed on read from
// the same columns as for an imported SMS (number, text), so they follow too. Plain Node.
import { randomUUID } from 'node:crypto';
import type { Vault } from '../vault';
import { parseTime } from '../../../shared/time/beijing';
import { numberKey } from '../../../shared/timeline/numbers';
import { extractClaims, type CollectionClaims } from '../../../shared/collection-claims';
import { BadInputError } from '../../../shared/errors';
import type { ScreenshotEntries } from '../../../shared/contracts/timeline';
import { checkEvidenceIds, setEvidenceLinks } from './contacts';
import { indexContact } from './search';
import type { ContactRow } from './store';

const NUMBER = /^\+?\d[\d\s-]{2,}$/;

/** Claims of one message: only what the other side wrote makes a claim. */
export function screenshotClaims(direction: 'incoming' | 'outgoing', text: string, atIso: string): CollectionClaims {
  return direction === 'incoming' ? extractClaims(text, { received: atIso.slice(0, 10) }) : {};
}

export function addScreenshotContacts(vault: Vault, input: ScreenshotEntries): { ids: string[] } {
  const now = new Date().toISOString();
  const channel = input.layout === 'chat' ? 'chat' : 'sms';
  // Times first: a bad one refuses the whole confirmation before anything is written.
  const rows = input.entries.map((e, i) => {
    const text = e.text.trim();
    if (text === '') throw new BadInputError(`第 ${i + 1} 条没有文字`);
    const t = parseTime(e.at, `第 ${i + 1} 条的时间`);
    const sender = e.sender.trim();
    const isNumber = NUMBER.test(sender);
    const phone = isNumber ? sender.replace(/[\s-]/g, '') : null;
    const claims = screenshotClaims(e.direction, text, t.iso);
    return {
      id: randomUUID(),
      at: t.iso,
      at_ms: t.ms,
      channel,
      direction: e.direction,
      person: !isNumber && sender !== '' ? sender : null,
      phone,
      phone_key: phone ? numberKey(phone) || null : null,
      body: text,
      claims: Object.keys(claims).length > 0 ? JSON.stringify(claims) : null,
      created_at: now,
      updated_at: now,
    };
  });
  vault.change((db, audit) => {
    const [evidenceId] = checkEvidenceIds(db, [input.evidenceId]);
    const insert = db.prepare(
      `INSERT INTO contacts (id, at, at_ms, channel, direction, person, phone, phone_key, connected, body, claims, source, created_at, updated_at)
       VALUES (@id, @at, @at_ms, @channel, @direction, @person, @phone, @phone_key, 1, @body, @claims, 'chat_screenshots', @created_at, @updated_at)`,
    );
    for (const r of rows) {
      insert.run(r);
      setEvidenceLinks(db, r.id, [evidenceId!]);
      indexContact(db, db.prepare('SELECT * FROM contacts WHERE id = ?').get(r.id) as ContactRow);
    }
    audit({
      action: 'timeline.screenshot_contacts',
      entity: 'evidence',
      entityId: evidenceId!,
      newValue: { layout: input.layout, contacts: rows.map((r) => ({ id: r.id, at: r.at, direction: r.direction, claims: r.claims })) },
    });
  });
  return { ids: rows.map((r) => r.id) };
}
