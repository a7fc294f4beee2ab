// Transport-independent IPC dispatch: validate the channel and its arguments with the
// contract's zod schema, call the handler, validate the result, wrap it in an envelope.
// Both the Electron router and the loopback harness call this; neither can skip it.
import { contract, type ArgsOf, type Envelope } from '../../shared/contract';
import { isChannel, type Channel } from '../../shared/channels';
import { toErrorInfo, formatErrorMessage } from '../../shared/errors';
import { describeFailure } from '../../shared/error-cause';
import type { z } from 'zod';

/** What a handler may return: anything the result schema accepts (it parses it before it leaves). */
type ReturnOf<C extends Channel> = z.input<(typeof contract)[C]['result']>;

export type Handlers = {
  [C in Channel]: (args: z.output<(typeof contract)[C]['args']>) => Promise<ReturnOf<C>> | ReturnOf<C>;
};

export type Dispatch = (channel: unknown, rawArgs: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (channel, rawArgs) => {
    if (!isChannel(channel)) return badRequest();
    const spec = contract[channel];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      // Log only the channel and the issue paths: never the values (they may hold a passphrase).
      log(`rejected malformed ${channel}: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`);
      return badRequest();
    }
    try {
      const handler = handlers[channel] as (args: unknown) => Promise<unknown> | unknown;
      const value = await handler(parsed.data);
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        log(`handler for ${channel} returned a value outside the contract`);
        return { ok: false, error: { code: 'INTERNAL', message: formatErrorMessage('INTERNAL') } };
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      const info = toErrorInfo(err);
      // The one place a failure is logged: class and safe cause, never arguments or messages.
      if (info.code === 'INTERNAL' || info.code === 'IO_ERROR') log(`internal error in ${channel}: ${describeFailure(err)}`);
      return { ok: false, error: info };
    }
  };
}

function badRequest(): Envelope<never> {
  return { ok: false, error: { code: 'BAD_REQUEST', message: formatErrorMessage('BAD_REQUEST') } };
}

export type { ArgsOf };
