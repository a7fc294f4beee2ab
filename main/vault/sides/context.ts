// What the side rules read from the vault: the case's creditors with their own numbers
// (service channels) and the agents acting for them. Plain Node.
import type { Db } from '../sqlite';
import type { AgentKind, SideContext } from '../../../shared/timeline/sides';

export function loadSideContext(db: Db): SideContext {
  const creditors = (
    db.prepare('SELECT id, legal_name, product, product_name, channels FROM case_creditors ORDER BY position, id').all() as {
      id: string;
      legal_name: string;
      product: string;
      product_name: string;
      channels: string;
    }[]
  ).map((r) => ({
    id: r.id,
    legalName: r.legal_name,
    product: r.product,
    productName: r.product_name,
    numbers: (JSON.parse(r.channels) as { kind: string; value: string }[]).filter((c) => c.kind === 'hotline' || c.kind === 'other').map((c) => c.value),
  }));
  const agents = (
    db.prepare('SELECT id, creditor_id, kind, name, numbers FROM case_agents ORDER BY position, id').all() as {
      id: string;
      creditor_id: string;
      kind: AgentKind;
      name: string;
      numbers: string;
    }[]
  ).map((r) => ({ id: r.id, creditorId: r.creditor_id, kind: r.kind, name: r.name, numbers: JSON.parse(r.numbers) as string[] }));
  return { creditors, agents };
}
