// The `agenda` and `calendar export` documents from the vault (docs/cli.md).
import fs from 'node:fs';
import path from 'node:path';
import type { Vault } from '../vault';
import { agenda } from '../timeline/queries';
import { XieshangError } from '../../../shared/errors';
import { cliAgendaItems, calendarEvents, inWindow, type CliAgendaItem } from '../../../shared/repayments/agenda-export';
import { writeIcs } from '../../../shared/repayments/ics';
import { readSettings } from './service';

export function cliAgenda(vault: Vault, from: string, days: number, today: string): CliAgendaItem[] {
  return cliAgendaItems(inWindow(agenda(vault, today).items, from, days));
}

/** The agenda as iCalendar text. */
export function agendaIcs(vault: Vault, opts: { from: string; days: number; details: boolean; today: string; now?: Date }): { text: string; events: number } {
  const items = inWindow(agenda(vault, opts.today).items, opts.from, opts.days);
  const events = calendarEvents(items, readSettings(vault.handle).reminderDays, opts.details);
  return { text: writeIcs(events, opts.now ?? new Date()), events: events.length };
}

/** Writes the file (temporary name, then rename); refuses to overwrite. */
export function writeNewFile(out: string, text: string): void {
  if (fs.existsSync(out)) throw new XieshangError('OUTPUT_EXISTS', { path: out });
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, out);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    if (err instanceof XieshangError) throw err;
    throw new XieshangError('IO_ERROR', { detail: err instanceof Error ? err.message : String(err) });
  }
}
