// Application rounds in the vault (migration 0010): save, outcome, requests for more
// material. Every write is audited; evidence ids must name items in the vault. Plain Node.
import { randomUUID } from 'node:crypto';
import type { Vault } from '../vault';
import type { Db } from '../sqlite';
import { BadInputError } from '../../../shared/errors';
import { beijingIso, compareDates, parseDate } from '../../../shared/time/beijing';
import { answerWindow } from '../../../shared/timeline/agenda';
import type { OutcomeInput, RequestInput, RoundInput, RoundView } from '../../../shared/repayments/rounds';

function requireEvidence(db: Db, ids: readonly string[]): void {
  const has = db.prepare('SELECT 1 FROM evidence_items WHERE id = ?');
  for (const id of ids) if (!has.get(id)) throw new BadInputError(`找不到证据 ${id}`);
}

export function saveRound(vault: Vault, input: RoundInput): { id: string } {
  parseDate(input.sentOn, '寄出日期');
  const id = input.id ?? randomUUID();
  vault.change((db, audit) => {
    if (!db.prepare('SELECT 1 FROM case_creditors WHERE id = ?').get(input.creditorId)) throw new BadInputError(`找不到债权机构 ${input.creditorId}`);
    if (input.packageId !== null && !db.prepare('SELECT 1 FROM packages WHERE id = ?').get(input.packageId)) throw new BadInputError(`找不到申请材料 ${input.packageId}`);
    const before = db.prepare('SELECT * FROM application_rounds WHERE id = ?').get(id);
    if (before) {
      db.prepare('UPDATE application_rounds SET creditor_id = ?, sent_on = ?, channel = ?, package_id = ?, note = ? WHERE id = ?').run(
        input.creditorId,
        input.sentOn,
        input.channel,
        input.packageId,
        input.note,
        id,
      );
    } else {
      db.prepare(
        `INSERT INTO application_rounds (id, creditor_id, sent_on, channel, package_id, note, outcome, outcome_on, creditor_words, outcome_evidence_ids, oral, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', NULL, '', '[]', 0, ?)`,
      ).run(id, input.creditorId, input.sentOn, input.channel, input.packageId, input.note, beijingIso());
    }
    audit({ action: 'rounds.save', entity: 'application_round', entityId: id, oldValue: before ?? null, newValue: input });
  });
  return { id };
}

export function setOutcome(vault: Vault, input: OutcomeInput): void {
  vault.change((db, audit) => {
    const round = db.prepare('SELECT sent_on FROM application_rounds WHERE id = ?').get(input.roundId) as { sent_on: string } | undefined;
    if (!round) throw new BadInputError(`找不到申请 ${input.roundId}`);
    if (input.outcome !== 'pending' && input.outcomeOn === null) throw new BadInputError('请填写得到答复的日期');
    if (input.outcomeOn !== null && compareDates(input.outcomeOn, round.sent_on) < 0) throw new BadInputError(`答复日期不能早于寄出日期 ${round.sent_on}`);
    if (input.oral && input.outcome !== 'accepted' && input.outcome !== 'counter_offer') throw new BadInputError('只有同意或还价的答复才会是口头约定');
    requireEvidence(db, input.evidenceIds);
    db.prepare('UPDATE application_rounds SET outcome = ?, outcome_on = ?, creditor_words = ?, outcome_evidence_ids = ?, oral = ? WHERE id = ?').run(
      input.outcome,
      input.outcomeOn,
      input.creditorWords,
      JSON.stringify(input.evidenceIds),
      input.oral ? 1 : 0,
      input.roundId,
    );
    audit({ action: 'rounds.outcome', entity: 'application_round', entityId: input.roundId, newValue: input });
  });
}

export function saveRequest(vault: Vault, input: RequestInput): { id: string } {
  const id = input.id ?? randomUUID();
  vault.change((db, audit) => {
    if (!db.prepare('SELECT 1 FROM application_rounds WHERE id = ?').get(input.roundId)) throw new BadInputError(`找不到申请 ${input.roundId}`);
    requireEvidence(db, input.evidenceIds);
    db.prepare(
      `INSERT INTO round_requests (id, round_id, asked_on, text, due, evidence_ids, done) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET asked_on = excluded.asked_on, text = excluded.text, due = excluded.due, evidence_ids = excluded.evidence_ids, done = excluded.done`,
    ).run(id, input.roundId, input.askedOn, input.text, input.due, JSON.stringify(input.evidenceIds), input.done ? 1 : 0);
    audit({ action: 'rounds.request', entity: 'application_round', entityId: input.roundId, newValue: { ...input, id } });
  });
  return { id };
}

export function listRounds(vault: Vault): RoundView[] {
  const db = vault.handle;
  const rows = db
    .prepare('SELECT r.*, c.legal_name FROM application_rounds r LEFT JOIN case_creditors c ON c.id = r.creditor_id ORDER BY r.sent_on DESC, r.created_at DESC')
    .all() as Record<string, unknown>[];
  const requests = db.prepare('SELECT * FROM round_requests WHERE round_id = ? ORDER BY asked_on, id');
  // An oral agreement is confirmed once an agreement from this round keeps a signed copy and says it is in writing.
  const confirmed = db.prepare(
    'SELECT 1 FROM agreement_terms t JOIN case_agreements a ON a.id = t.agreement_id WHERE t.round_id = ? AND t.in_writing = 1 AND a.evidence_id IS NOT NULL',
  );
  return rows.map((r) => {
    const id = String(r.id);
    const w = answerWindow(String(r.sent_on));
    const oral = r.oral === 1;
    return {
      id,
      creditorId: String(r.creditor_id),
      creditor: (r.legal_name as string | null) ?? '',
      sentOn: String(r.sent_on),
      channel: r.channel as RoundView['channel'],
      packageId: (r.package_id as string | null) ?? null,
      note: String(r.note),
      outcome: r.outcome as RoundView['outcome'],
      outcomeOn: (r.outcome_on as string | null) ?? null,
      creditorWords: String(r.creditor_words),
      evidenceIds: JSON.parse(String(r.outcome_evidence_ids)) as string[],
      oral,
      windowStart: w.start,
      windowEnd: w.end,
      windowProblem: w.problem,
      needsWriting: oral && !confirmed.get(id),
      requests: (requests.all(id) as Record<string, unknown>[]).map((q) => ({
        id: String(q.id),
        roundId: id,
        askedOn: String(q.asked_on),
        text: String(q.text),
        due: (q.due as string | null) ?? null,
        evidenceIds: JSON.parse(String(q.evidence_ids)) as string[],
        done: q.done === 1,
      })),
    };
  });
}
