// The case channels (shared/contracts/case.ts) → the case feature module in the vault worker.
import type { Handlers } from '../ipc/dispatch';
import { featureClient, type VaultHost } from '../vault/host';
import type { CaseChannel } from '../../shared/contracts/case-names';
import type { CaseView } from '../../shared/contracts/case';

export function caseHandlers(host: VaultHost): Pick<Handlers, CaseChannel> {
  const c = featureClient(host, 'case');
  // The worker returns plain clones of the case; the dispatcher validates them against the contract.
  const view = (p: Promise<unknown>) => p as Promise<CaseView>;
  return {
    'case:get': () => view(c.get()),
    'case:saveApplicant': ({ applicant }) => view(c.saveApplicant(applicant)),
    'case:saveHardship': ({ hardship }) => view(c.saveHardship(hardship)),
    'case:saveCreditor': (args) => view(c.saveCreditor(args)),
    'case:deleteCreditor': ({ id }) => view(c.deleteCreditor(id)),
    'case:saveAccount': (args) => view(c.saveAccount(args)),
    'case:deleteAccount': ({ id }) => view(c.deleteAccount(id)),
    'case:saveSnapshot': (args) => view(c.saveSnapshot(args)),
    'case:deleteSnapshot': ({ id }) => view(c.deleteSnapshot(id)),
    'case:saveFinances': (args) => view(c.saveFinances(args)),
    'case:savePlan': (args) => view(c.savePlan(args)),
    'case:deletePlan': ({ id }) => view(c.deletePlan(id)),
    'case:saveAgreement': (args) => view(c.saveAgreement(args)),
    'case:deleteAgreement': ({ id }) => view(c.deleteAgreement(id)),
    'case:setInstallmentPaid': (args) => view(c.setInstallmentPaid(args)),
    'case:saveLpr': (args) => view(c.saveLpr(args)),
  };
}
