// The bill parser thread (parse-bounded.ts): parses one bill at a time, apart from the vault
// worker, so a hostile file (a zip bomb in an xlsx, a sheet of millions of cells, a CSV that
// makes the parser crawl) is ended by terminating this thread while the vault stays responsive.
import { parentPort } from 'node:worker_threads';
import { XieshangError, type ErrorCode, type ErrorParams } from '../../../shared/errors';
import { parseBillBytes, type BillOptions, type KnownMappings, type ParsedBillFile } from './parse';

export interface BillParseRequest {
  id: number;
  bytes: Uint8Array;
  opts: BillOptions;
  known: KnownMappings;
}

export type BillParseReply = { id: number; ok: true; parsed: ParsedBillFile } | { id: number; ok: false; code: ErrorCode; params: ErrorParams };

const port = parentPort;
if (!port) throw new Error('bill parser must run in a worker thread');
port.on('message', (req: BillParseRequest) => {
  let reply: BillParseReply;
  try {
    reply = { id: req.id, ok: true, parsed: parseBillBytes(req.bytes, req.opts, req.known) };
  } catch (err) {
    // Only our own refusals carry a message out; anything else is "not a bill we can read".
    reply =
      err instanceof XieshangError
        ? { id: req.id, ok: false, code: err.code, params: { ...err.params } }
        : { id: req.id, ok: false, code: 'NOT_A_BILL', params: { detail: '文件无法按账单读取' } };
  }
  port.postMessage(reply);
});
