// Expands the paths given to an import into the files to import: folders recursively,
// symbolic links followed only when they point inside the folder being imported (a link to
// a key or a password store elsewhere must never end up in a package sent to a creditor), but a folder already visited (a link loop, or the same folder
// reached twice) is not entered again, so a loop can never recurse forever.
import fs from 'node:fs';
import path from 'node:path';
import { importError, type ImportError } from '../../../shared/evidence/import-errors';

export type WalkEntry = { path: string; size: number } | { path: string; error: ImportError };

/** System clutter that is never evidence (only skipped inside folders; a file named explicitly is imported). */
const JUNK = /^(?:\.DS_Store|Thumbs\.db|desktop\.ini|\._.*|~\$.*|\.localized)$/i;
const MAX_DEPTH = 64;

export function errorForFs(err: unknown): ImportError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return importError('NOT_FOUND');
    case 'ELOOP':
      return importError('SYMLINK_LOOP');
    case 'EISDIR':
      return importError('NOT_A_FILE');
    default:
      return importError('UNREADABLE');
  }
}

export function walkPaths(inputs: readonly string[]): WalkEntry[] {
  const out: WalkEntry[] = [];
  const seenFiles = new Set<string>();
  const visitedDirs = new Set<string>();
  const ancestors = new Set<string>();

  const addFile = (file: string, stat: fs.Stats) => {
    const key = `${stat.dev}:${stat.ino}:${file}`;
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    out.push({ path: file, size: stat.size });
  };

  /** Inside a folder the user chose, a link is followed only when its target is inside that folder too. */
  const escapes = (p: string, root: string | null): boolean => {
    if (root === null) return false;
    let real: string;
    try {
      if (!fs.lstatSync(p).isSymbolicLink()) return false;
      real = fs.realpathSync(p);
    } catch {
      return false; // a dangling link: reported as not found below
    }
    return real !== root && !real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  };

  const visit = (p: string, depth: number, root: string | null) => {
    if (escapes(p, root)) {
      out.push({ path: p, error: importError('SYMLINK_OUTSIDE') });
      return;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      out.push({ path: p, error: errorForFs(err) });
      return;
    }
    if (stat.isDirectory()) {
      const id = `${stat.dev}:${stat.ino}`;
      // A folder we are inside of: a link loop (reported). A folder already done by
      // another route: skipped quietly (its files are in the list once).
      if (ancestors.has(id) || depth > MAX_DEPTH) {
        out.push({ path: p, error: importError('SYMLINK_LOOP') });
        return;
      }
      if (visitedDirs.has(id)) return;
      visitedDirs.add(id);
      ancestors.add(id);
      let names: string[];
      try {
        names = fs.readdirSync(p);
      } catch (err) {
        out.push({ path: p, error: errorForFs(err) });
        return;
      }
      names.sort();
      // The folder the user named is the boundary (its real path, links in the path itself resolved).
      let inside = root;
      if (inside === null) {
        try {
          inside = fs.realpathSync(p);
        } catch {
          inside = path.resolve(p);
        }
      }
      for (const name of names) {
        if (JUNK.test(name)) continue;
        visit(path.join(p, name), depth + 1, inside);
      }
      ancestors.delete(id);
      return;
    }
    if (!stat.isFile()) {
      out.push({ path: p, error: importError('NOT_A_FILE') });
      return;
    }
    addFile(p, stat);
  };

  for (const input of inputs) visit(path.resolve(input), 0, null);
  return out;
}
