// The evidence feature module: what the vault worker (app) or the CLI (in-process) runs.
// Each function takes the FeatureContext first; long work (import, verify) reports
// progress and honours cancel.
import type { FeatureContext } from '../feature';
import { importPaths, type ImportOptions } from './import-files';
import { uploadAbort, uploadBegin, uploadChunk, uploadCommit, type UploadBegin } from './uploads';
import { detail, facets, itemText, listItems, purgeItems, restoreItems, searchAll, trashItems, updateItem, type ItemPatch } from './items';
import { verifyAll } from './verify';
import { exportOne, exportToFolder } from './export';
import { byteInfo, byteRange, type ByteKind } from './read';
import { runtimeOf } from './runtime';
import type { ListFilter } from '../../../shared/contracts/evidence';

export const evidenceFeature = {
  importPaths: (ctx: FeatureContext, paths: string[], opts: ImportOptions = {}) => importPaths(ctx.vault(), paths, opts, ctx),
  uploadBegin: (ctx: FeatureContext, args: UploadBegin) => uploadBegin(ctx.vault(), args),
  uploadChunk: (ctx: FeatureContext, args: { uploadId: string; seq: number; data: string }) => uploadChunk(ctx.vault(), args),
  uploadCommit: (ctx: FeatureContext, args: { uploadId: string } & ImportOptions) => uploadCommit(ctx.vault(), args),
  uploadAbort: (ctx: FeatureContext, uploadId: string) => uploadAbort(ctx.vault(), uploadId),
  list: (ctx: FeatureContext, filter: ListFilter = {}) => {
    // The app lists evidence right after unlock: the moment to drop staging blobs a crash
    // left behind, before any new import (evidence or timeline) can be under way.
    runtimeOf(ctx.vault()).ensureClean();
    return listItems(ctx.vault().handle, filter);
  },
  get: (ctx: FeatureContext, id: string) => detail(ctx.vault().handle, id),
  facets: (ctx: FeatureContext) => facets(ctx.vault().handle),
  text: (ctx: FeatureContext, id: string) => itemText(ctx.vault().handle, id),
  search: (ctx: FeatureContext, query: string) => searchAll(ctx.vault().handle, query),
  update: (ctx: FeatureContext, id: string, patch: ItemPatch) => updateItem(ctx.vault(), id, patch),
  trash: (ctx: FeatureContext, ids: string[]) => trashItems(ctx.vault(), ids),
  restore: (ctx: FeatureContext, ids: string[]) => restoreItems(ctx.vault(), ids),
  purge: (ctx: FeatureContext, ids: string[]) => purgeItems(ctx.vault(), ids),
  verify: (ctx: FeatureContext) => verifyAll(ctx.vault(), ctx),
  exportToFolder: (ctx: FeatureContext, ids: string[], parent: string) => exportToFolder(ctx.vault(), ids, parent),
  exportOne: (ctx: FeatureContext, id: string, out: string) => exportOne(ctx.vault(), id, out),
  byteInfo: (ctx: FeatureContext, kind: ByteKind, id: string) => byteInfo(ctx.vault().handle, kind, id),
  byteRange: (ctx: FeatureContext, kind: ByteKind, id: string, start: number, end: number) => byteRange(ctx.vault().handle, kind, id, start, end),
};
