// A process that edits a vault the way the app does, until it is killed (issue 13 kill
// trials): evidence edits (note), timeline contact adds and edits, case edits (the
// applicant). After each edit has committed it prints one JSON line saying what it wrote, so
// the parent can check that every edit reported before the SIGKILL is in the vault.
// `node dist/bench/bench.js edits-child VAULT TAG` (passphrase in XIESHANG_PASSPHRASE).
import { Vault } from '../main/vault/vault';
import { updateItem } from '../main/vault/evidence/items';
import { addContact, updateContact } from '../main/vault/timeline/contacts';
import { saveApplicant } from '../main/vault/case/service';

export interface EditReport {
  kind: 'evidence' | 'contact-add' | 'contact-edit' | 'applicant';
  id: string;
  /** The edit's number: later edits carry larger ones. */
  n: number;
}

export function editsChild(file: string, tag: string): void {
  const vault = Vault.open(file, process.env.XIESHANG_PASSPHRASE ?? '', { actor: 'cli' });
  const items = (vault.handle.prepare('SELECT id FROM evidence_items WHERE trashed_ms IS NULL ORDER BY id LIMIT 20').all() as { id: string }[]).map((r) => r.id);
  let contact: string | null = null;
  const say = (r: EditReport) => process.stdout.write(`${JSON.stringify(r)}\n`);
  for (let n = 0; ; n++) {
    const mark = `${tag}#${n}`;
    switch (n % 4) {
      case 0:
        if (items.length) {
          const id = items[n % items.length]!;
          updateItem(vault, id, { note: `kill-trial ${mark}` });
          say({ kind: 'evidence', id, n });
        }
        break;
      case 1: {
        const c = addContact(vault, {
          at: '2024-10-21T23:10:00+08:00',
          channel: 'phone',
          direction: 'incoming',
          partyType: 'collector',
          phone: '13912345678',
          summary: `kill-trial ${mark}`,
        });
        contact = c.id;
        say({ kind: 'contact-add', id: c.id, n });
        break;
      }
      case 2:
        if (contact) {
          updateContact(vault, contact, { summary: `kill-trial ${mark}` });
          say({ kind: 'contact-edit', id: contact, n });
        }
        break;
      default:
        saveApplicant(vault, { name: '张三', idNumber: '110101199001011237', phone: '13800000000', address: `kill-trial ${mark}` });
        say({ kind: 'applicant', id: 'applicant', n });
    }
  }
}
