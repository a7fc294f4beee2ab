// The parts of the case added by issues 10 and 11, as they travel in the case JSON: the
// creditor side of every record (agents, the sides set on contacts, evidence and numbers),
// the application rounds with their requests, every payment under an agreement, the reminder
// and reserve settings, and the remembered column mappings of bank statements. Each is an
// optional top-level key of the case: omitted on import = left as it is; given = replaced.
import { z } from 'zod';
import { DateString, EvidenceIdString, IdString, MoneyString, choice, int, list, requiredText, text } from './fields';

const note = text(4000, '备注 / note');
const stamp = (description: string) => text(40, description);
const SIDES = ['creditor', 'agent', 'nobody'] as const;

export const AgentSchema = z
  .strictObject({
    id: IdString,
    creditorId: IdString.meta({ description: '为哪家债权机构催收：creditors[].id / the creditor it acts for' }),
    kind: choice(['collection_agency', 'law_firm', 'other'], 'collection_agency 催收公司 / law_firm 律师事务所 / other 其他'),
    name: requiredText(200, '名称 / name'),
    numbers: list(text(60, '号码 / number'), 200, '它用过的号码 / numbers it used'),
    note,
    createdAt: stamp('创建时间 / created at'),
    updatedAt: stamp('修改时间 / updated at'),
  })
  .meta({ description: '受债权机构委托的催收方（催收公司、律师事务所）/ an agent acting for a creditor' });

const SideFields = {
  creditorId: IdString.nullable().meta({ description: 'creditors[].id' }),
  agentId: IdString.nullable().meta({ description: 'agents[].id' }),
};

export const SidesSchema = z
  .strictObject({
    contacts: list(
      z.strictObject({
        contactId: IdString.meta({ description: 'contacts[].id' }),
        side: choice(SIDES, 'creditor 债权机构 / agent 催收方 / nobody 与债务无关'),
        ...SideFields,
        setAt: stamp('用户设定的时间 / set at').nullable(),
      }),
      200000,
      '用户为联系记录设定的一方 / the side the user set on a contact',
    ),
    evidence: list(
      z.strictObject({
        evidenceId: EvidenceIdString,
        side: choice(SIDES, 'creditor / agent / nobody').nullable(),
        ...SideFields,
        caption: text(200, '信中显示的证据名称（用户自己写的）/ the caption a letter prints'),
      }),
      100000,
      '证据的一方和说明（证据本身不在案件文件里）/ the side and caption of evidence items (the files are not in the case)',
    ),
    marks: list(
      z.strictObject({
        numberKey: requiredText(60, '号码的规范形式 / normalised number'),
        number: requiredText(60, '号码 / number'),
        side: choice(['creditor', 'collector', 'not_creditor'], 'creditor 债权机构 / collector 催收方 / not_creditor 不是债权方'),
        organisation: text(200, '机构 / organisation').nullable(),
        ...SideFields,
        updatedAt: stamp('修改时间 / updated at'),
      }),
      10000,
      '用户对号码的标记 / marks the user set on numbers',
    ),
  })
  .meta({ description: '每条记录属于哪一方（用户设定的部分；程序推断的每次重新计算）/ the creditor side of every record, as set by the user' });

export const RoundRequestSchema = z.strictObject({
  id: IdString,
  askedOn: DateString,
  text: requiredText(2000, '对方要的材料 / what was asked for'),
  due: DateString.nullable(),
  evidenceIds: list(EvidenceIdString, 50, '回应这个要求的证据 / evidence answering it'),
  done: z.boolean({ error: '必须是 true 或 false' }),
});

export const RoundSchema = z
  .strictObject({
    id: IdString,
    creditorId: IdString.meta({ description: 'creditors[].id' }),
    sentOn: DateString.meta({ description: '寄出日期 / sent on' }),
    channel: choice(['app', 'email', 'post', 'hotline', 'in-person', 'other'], '寄出方式 / channel'),
    packageId: text(64, '申请材料编号 / package id').nullable(),
    note,
    outcome: choice(['pending', 'accepted', 'counter_offer', 'refused', 'no_answer'], 'pending 等待答复 / accepted 同意 / counter_offer 还价 / refused 拒绝 / no_answer 未答复'),
    outcomeOn: DateString.nullable(),
    creditorWords: text(8000, "对方的原话 / the creditor's words"),
    evidenceIds: list(EvidenceIdString, 50, '答复的证据 / evidence of the answer'),
    oral: z.boolean({ error: '必须是 true 或 false' }).meta({ description: '口头约定，待书面确认 / agreed orally' }),
    createdAt: stamp('记录时间 / recorded at'),
    requests: list(RoundRequestSchema, 200, '对方要求补充的材料 / requests for more material'),
  })
  .meta({ description: '一次提交的申请（一轮协商）/ one application sent' });

export const PaymentSchema = z
  .strictObject({
    id: IdString,
    seq: int(0, 1_000_000, '顺序 / order'),
    agreementId: IdString.meta({ description: 'agreements[].id' }),
    date: DateString,
    amount: MoneyString,
    receiptId: EvidenceIdString.nullable().meta({ description: '还款凭证 / the receipt' }),
    note,
    createdAt: stamp('记录时间 / recorded at'),
  })
  .meta({ description: '按协议的一笔还款 / one payment under an agreement' });

export const SettingsSchema = z
  .strictObject({
    reminderDays: int(0, 30, '还款日前几天提醒 / reminder days before each installment'),
    reserveGoal: MoneyString.meta({ description: '应急储备目标 / emergency reserve goal' }),
    reserveSaved: MoneyString.meta({ description: '已存的储备 / reserve saved' }),
  })
  .meta({ description: '提醒和预算设置 / reminder and budget settings' });

export const BillColumnMapSchema = z
  .strictObject({
    headerKey: requiredText(4000, '表头行的特征 / the header row signature'),
    mapping: z.record(z.string().max(40), z.string().max(200)).meta({ description: '列对应：date / amount / direction / counterparty … → 表头文字' }),
  })
  .meta({ description: '记住的银行流水列对应 / a remembered bank statement column mapping' });

export type Agent = z.infer<typeof AgentSchema>;
export type Sides = z.infer<typeof SidesSchema>;
export type Round = z.infer<typeof RoundSchema>;
export type Payment = z.infer<typeof PaymentSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type BillColumnMap = z.infer<typeof BillColumnMapSchema>;
