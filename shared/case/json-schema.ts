// The JSON Schema of the case document (docs/case.schema.json), generated from the zod
// schema so the two cannot drift: scripts/gen-case-schema.mjs writes it, and
// test/case/json-schema.test.ts fails when the committed file differs.
import { z } from 'zod';
import { CaseSchema } from './schema';

export const CASE_SCHEMA_ID = 'https://xieshang.invalid/case.schema.json';

export const CASE_SCHEMA_NOTES = [
  '金额：正好两位小数的文字（"1825.00"），不能为负，上限 100,000,000.00。利率：小数文字（"0.0005" = 每天 0.05%），小于 1。日期：YYYY-MM-DD，且必须真实存在（2026-02-30 不行）。',
  '导入（case import）先检查整个文件，任何一处有问题都不导入，并列出每个问题的 JSON 路径，例如 accounts[1].principal。',
  '导入是整体替换：申请人、债权机构、账户、账单记录、困难原因、财务、方案和协议全部换成文件里的内容，在一个事务里完成；之前的案件内容完整记录在审计日志里。证据本身不受影响。',
  'contacts（联系记录）由时间线功能管理：导出时给出时间线里的全部联系记录；导入时省略 contacts 则时间线不变，给出则整体替换。',
  '以下检查无法用 JSON Schema 表达，由导入时完成：编号唯一、引用的编号存在、方案总额与还款基础一致、超出能力的方案必须有 overCapacityAck、协议各期之和等于总额。',
];

export function caseJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(CaseSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: CASE_SCHEMA_ID, ...rest, $comment: CASE_SCHEMA_NOTES.join(' ') };
}

/** The file's exact text: two-space JSON and a final newline. */
export function caseJsonSchemaText(): string {
  return `${JSON.stringify(caseJsonSchema(), null, 2)}\n`;
}
