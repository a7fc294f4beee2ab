// The case's feature module: what the vault session serves to the app (main/vault/features.ts).
import type { FeatureContext } from '../feature';
import type { AccountSave, AgreementSave, CreditorSave, FinancesSave, InstallmentPaidSave, LprSave, PlanSave, SnapshotSave } from '../../../shared/contracts/case';
import type { Applicant, Hardship } from '../../../shared/case/schema';
import * as service from './service';

export const caseFeature = {
  get: (ctx: FeatureContext) => service.getCase(ctx.vault()),
  saveApplicant: (ctx: FeatureContext, applicant: Applicant) => service.saveApplicant(ctx.vault(), applicant),
  saveHardship: (ctx: FeatureContext, hardship: Hardship) => service.saveHardship(ctx.vault(), hardship),
  saveCreditor: (ctx: FeatureContext, args: CreditorSave) => service.saveCreditor(ctx.vault(), args),
  deleteCreditor: (ctx: FeatureContext, id: string) => service.deleteCreditor(ctx.vault(), id),
  saveAccount: (ctx: FeatureContext, args: AccountSave) => service.saveAccount(ctx.vault(), args),
  deleteAccount: (ctx: FeatureContext, id: string) => service.deleteAccount(ctx.vault(), id),
  saveSnapshot: (ctx: FeatureContext, args: SnapshotSave) => service.saveSnapshot(ctx.vault(), args),
  deleteSnapshot: (ctx: FeatureContext, id: string) => service.deleteSnapshot(ctx.vault(), id),
  saveFinances: (ctx: FeatureContext, args: FinancesSave) => service.saveFinances(ctx.vault(), args),
  savePlan: (ctx: FeatureContext, args: PlanSave) => service.savePlan(ctx.vault(), args),
  deletePlan: (ctx: FeatureContext, id: string) => service.deletePlan(ctx.vault(), id),
  saveAgreement: (ctx: FeatureContext, args: AgreementSave) => service.saveAgreement(ctx.vault(), args),
  deleteAgreement: (ctx: FeatureContext, id: string) => service.deleteAgreement(ctx.vault(), id),
  setInstallmentPaid: (ctx: FeatureContext, args: InstallmentPaidSave) => service.setInstallmentPaid(ctx.vault(), args),
  saveLpr: (ctx: FeatureContext, args: LprSave) => service.saveLpr(ctx.vault(), args),
  exportCase: (ctx: FeatureContext) => service.exportCase(ctx.vault()),
  importCase: (ctx: FeatureContext, input: unknown) => service.importCase(ctx.vault(), input),
};
