// The creditor-side channels (shared/contracts/sides.ts) → the sides feature module in the vault worker.
import type { Handlers } from '../ipc/dispatch';
import { featureClient, type VaultHost } from '../vault/host';
import type { SidesChannel } from '../../shared/contracts/sides-names';
import type { Sides } from '../../shared/contracts/sides';

export function sidesHandlers(host: VaultHost): Pick<Handlers, SidesChannel> {
  const c = featureClient(host, 'sides');
  const sides = (p: Promise<unknown>) => p as Promise<Sides>;
  const ok = (p: Promise<unknown>) => p as Promise<{ ok: true }>;
  return {
    'sides:get': () => sides(c.get()),
    'sides:saveAgent': (args) => sides(c.saveAgent(args)),
    'sides:deleteAgent': ({ id }) => sides(c.deleteAgent(id)),
    'sides:setContactSide': ({ id, side, wholeNumber }) => ok(c.setContactSide(id, side, wholeNumber ?? false)),
    'sides:setEvidenceSide': ({ id, side }) => ok(c.setEvidenceSide(id, side)),
  };
}
