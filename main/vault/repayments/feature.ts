// Issue 11's feature module (main/vault/features.ts): agreements and payments, reminder and
// reserve settings, the calendar export's text, application rounds.
import type { FeatureContext } from '../feature';
import { todayBeijing } from '../../../shared/time/beijing';
import type { OutcomeInput, RequestInput, RoundInput } from '../../../shared/repayments/rounds';
import * as service from './service';
import * as rounds from '../rounds/service';
import { agendaIcs } from './agenda-cli';
import { budgetView } from '../bills/budget';
import { importBillFromEvidence } from '../bills/import';
import { parseColumnsOption } from '../../../shared/bills/bank';
import type { BillSource } from '../../../shared/bills/rows';
import { home } from './home';

export const repaymentsFeature = {
  list: (ctx: FeatureContext) => {
    const vault = ctx.vault();
    const today = todayBeijing();
    return { today, settings: service.readSettings(vault.handle), agreements: service.listAgreements(vault, undefined, today) };
  },
  saveAgreement: (ctx: FeatureContext, args: service.AgreementRecordSave) => service.saveAgreementRecord(ctx.vault(), args),
  pay: (ctx: FeatureContext, args: service.PayArgs) => service.pay(ctx.vault(), args),
  deletePayment: (ctx: FeatureContext, id: string) => {
    service.deletePayment(ctx.vault(), id);
    return { ok: true as const };
  },
  saveSettings: (ctx: FeatureContext, s: service.RepaymentSettings) => service.saveSettings(ctx.vault(), s),
  calendarIcs: (ctx: FeatureContext, opts: { days: number; details: boolean }) => {
    const today = todayBeijing();
    return agendaIcs(ctx.vault(), { from: today, days: opts.days, details: opts.details, today });
  },
  rounds: (ctx: FeatureContext) => ({ rounds: rounds.listRounds(ctx.vault()) }),
  saveRound: (ctx: FeatureContext, input: RoundInput) => rounds.saveRound(ctx.vault(), input),
  setOutcome: (ctx: FeatureContext, input: OutcomeInput) => {
    rounds.setOutcome(ctx.vault(), input);
    return { ok: true as const };
  },
  saveRequest: (ctx: FeatureContext, input: RequestInput) => rounds.saveRequest(ctx.vault(), input),
  budget: (ctx: FeatureContext, month: string) => budgetView(ctx.vault(), month),
  importBill: (ctx: FeatureContext, args: { evidenceId: string; format?: BillSource; columns?: string }) =>
    importBillFromEvidence(ctx.vault(), args.evidenceId, {
      format: args.columns ? 'bank' : args.format,
      columns: args.columns ? parseColumnsOption(args.columns) : undefined,
    }),
  home: (ctx: FeatureContext) => home(ctx.vault()),
};
