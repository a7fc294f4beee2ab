// A vault-only channel is three parts: its schema, its feature function, one binding line
// (main/ipc/bind.ts). The fixture channel below compiles only when the three agree: every
// `@ts-expect-error` must BE an error, or the typecheck (npx tsc -p tsconfig.json) fails —
// remove the mapped type's check and this file stops compiling. At run time the bound
// handler calls the function with the mapped arguments, passes the task id and runs the
// change hook; through the real app services, the lock state comes back with each reply.
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { bindModule, type Bindings } from '../../main/ipc/bind';
import type { FeatureContext } from '../../main/vault/feature';
import { callChannel, makeServices, type ServicesUnderTest } from '../helpers/services';
import { PASS } from '../helpers/tmp';

const fixtureContract = {
  'fixture:greet': { args: z.object({ name: z.string(), times: z.number().int() }).strict(), result: z.object({ text: z.string() }) },
  'fixture:count': { args: z.object({}).strict(), result: z.object({ n: z.number(), seen: z.boolean().default(false) }) },
};

const fixtureModule = {
  greet: (ctx: FeatureContext, name: string, times: number) => {
    ctx.progress(1, 1);
    return { text: `${name}!`.repeat(times) };
  },
  // Async, and leaving out a field the schema defaults: still fits.
  count: async (_ctx: FeatureContext) => ({ n: 3 }),
  wrongResult: (_ctx: FeatureContext, name: string) => ({ text: name.length }),
};
type Fixture = typeof fixtureContract;
type Mod = typeof fixtureModule;

// The three parts agree: compiles.
const good: Bindings<Fixture, 'fixture:greet' | 'fixture:count', Mod> = {
  'fixture:greet': { fn: 'greet', args: ({ name, times }) => [name, times], task: () => 'fixture-task', changes: true },
  'fixture:count': { fn: 'count', args: () => [] },
};

// The function returns what the result schema does not accept ({ text: number }).
// @ts-expect-error resultDoesNotFitTheContract
const wrongResult: Bindings<Fixture, 'fixture:greet', Mod> = { 'fixture:greet': { fn: 'wrongResult', args: ({ name }) => [name] } };

// The line passes a string where the function takes a number.
// @ts-expect-error the arguments do not fit the function's parameters
const wrongArgs: Bindings<Fixture, 'fixture:greet', Mod> = { 'fixture:greet': { fn: 'greet', args: ({ name }) => [name, name] } };

// Too few arguments for the function.
// @ts-expect-error greet takes a name and a count
const tooFew: Bindings<Fixture, 'fixture:greet', Mod> = { 'fixture:greet': { fn: 'greet', args: ({ name }) => [name] } };

// The line names a function the module does not have.
// @ts-expect-error no such feature function
const noSuchFunction: Bindings<Fixture, 'fixture:count', Mod> = { 'fixture:count': { fn: 'countAll', args: () => [] } };

// A channel without its line.
// @ts-expect-error 'fixture:count' is missing
const missingLine: Bindings<Fixture, 'fixture:greet' | 'fixture:count', Mod> = { 'fixture:greet': good['fixture:greet'] };

describe('typed bindings', () => {
  it('call the feature function with the mapped arguments, pass the task id and run the change hook', async () => {
    void [wrongResult, wrongArgs, tooFew, noSuchFunction, missingLine];
    const calls: unknown[] = [];
    let changed = 0;
    const ctx: FeatureContext = {
      vault: () => {
        throw new Error('no vault in this fixture');
      },
      progress: () => {},
      cancelled: () => false,
    };
    const handlers = bindModule<Fixture, 'fixture:greet' | 'fixture:count', Mod>(
      async (fn, args, taskId) => {
        calls.push([fn, args, taskId]);
        const f = fixtureModule[fn as keyof Mod] as (c: FeatureContext, ...a: unknown[]) => unknown;
        return f(ctx, ...args);
      },
      good,
      { changed: () => changed++ },
    );
    expect(await handlers['fixture:greet']({ name: '你好', times: 2 })).toEqual({ text: '你好!你好!' });
    const counted = await handlers['fixture:count']({});
    expect(counted).toEqual({ n: 3 });
    // What dispatch then does with the reply: the result schema fills in the field the function left out.
    expect(fixtureContract['fixture:count'].result.parse(counted)).toEqual({ n: 3, seen: false });
    expect(calls).toEqual([
      ['greet', ['你好', 2], 'fixture-task'],
      ['count', [], undefined],
    ]);
    expect(changed).toBe(1);
  });
});

describe('bound channels through the real services', () => {
  let s: ServicesUnderTest | null = null;
  afterEach(async () => {
    await s?.services.dispose();
    s = null;
  });
  const call = <T = unknown>(channel: string, args: unknown = {}) => callChannel<T>(s!, channel, args);

  it('a timeline:add is two requests to the vault (the call and the reminder look), not four: the lock state comes with each reply', async () => {
    s = await makeServices();
    await call('vault:create', { passphrase: PASS });
    const before = s.services.vaultRequests();
    await call('timeline:add', { at: '2024-10-21T23:10:00+08:00', channel: 'phone', direction: 'incoming', partyType: 'collector', summary: '催收电话' });
    // Before this change: the add, a status after the call (auto-lock), a status in the
    // reminder loop and its takeReminders = 4.
    await expect.poll(() => s!.services.vaultRequests() - before).toBe(2);
    // A read is one request.
    const read = s.services.vaultRequests();
    await call('timeline:list', {});
    expect(s.services.vaultRequests() - read).toBe(1);
  });

  it('after a lock, bound channels answer VAULT_LOCKED and main knows it without asking', async () => {
    s = await makeServices();
    await call('vault:create', { passphrase: PASS });
    await call('vault:lock');
    const env = await s.dispatch('case:get', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    // A channel main answers itself asks the vault nothing (before: a status after every call).
    const requests = s.services.vaultRequests();
    await call('settings:set', { autoLockMinutes: 7 });
    expect(s.services.vaultRequests()).toBe(requests);
  });
});
