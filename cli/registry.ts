// Every CLI command, in the order --help lists them. Only the names and one-line summaries
// live here: a command's module, and what it pulls in (SQLite, sharp, pdf-lib, the vault
// features), is loaded when that command runs, so `--help`, `--version` and `calc …` start
// without evaluating the rest of the bundle. test/cli/registry.test.ts checks these lines
// against the commands the modules export, so the two cannot drift apart.
import type { Command } from './framework';

export interface CommandEntry {
  /** 'init' or a two-word name such as 'calc penalty'. */
  name: string;
  /** Exactly the command's own summary (for the global --help). */
  summary: string;
  load(): Promise<Command<never>>;
}

type Module = () => Promise<readonly { name: string }[]>;

// Literal import() calls: esbuild keeps each module behind its own lazy initialiser.
const vault: Module = () => import('./commands/vault').then((m) => [m.initCommand, m.passwdCommand, m.backupCommand, m.restoreCommand]);
const evidence: Module = () => import('./commands/evidence').then((m) => m.evidenceCommands);
const timeline: Module = () => import('./commands/timeline').then((m) => m.timelineCommands);
const calc: Module = () => import('./commands/calc').then((m) => m.calcCommands);
const caseFile: Module = () => import('./commands/case').then((m) => m.caseCommands);
const packageBuild: Module = () => import('./commands/package-build').then((m) => [m.packageBuildCommand]);
const packageVerify: Module = () => import('./commands/package').then((m) => m.packageCommands);
const demo: Module = () => import('./commands/demo').then((m) => [m.demoCommand]);
const calendarNotice: Module = () => import('./commands/calendar-notice').then((m) => m.calendarNoticeCommands);
const repayments: Module = () => import('./commands/repayments').then((m) => m.repaymentCommands);
const bills: Module = () => import('./commands/bills').then((m) => m.billCommands);
const text: Module = () => import('./commands/text').then((m) => [m.textCommand]);

function entry(name: string, summary: string, module: Module): CommandEntry {
  return {
    name,
    summary,
    async load() {
      const command = (await module()).find((c) => c.name === name);
      if (!command) throw new Error(`command module does not export ${name}`);
      return command as Command<never>;
    },
  };
}

export const COMMANDS: readonly CommandEntry[] = [
  entry('init', '新建一个加密证据箱（文件已存在时拒绝） / create a new encrypted vault', vault),
  entry('passwd', '修改证据箱口令（重新加密） / change the passphrase (rekey)', vault),
  entry('backup', '备份证据箱（加密副本，口令相同；应用打开时也安全） / consistent encrypted copy', vault),
  entry('import', '导入证据文件（文件夹会递归导入） / import evidence files (folders recursively)', evidence),
  entry('list', '列出证据 / list evidence items', evidence),
  entry('search', '全文搜索 / full-text search', evidence),
  entry('export-evidence', '导出一件证据的原始文件 / write one original, byte-identical', evidence),
  entry('verify', '校验所有证据的 SHA-256 / re-hash every item against its recorded SHA-256', evidence),
  entry('import-sms', '导入短信：安卓“SMS Backup & Restore”备份（XML），或按列导出的表格（CSV / 文本），每条短信成为时间线的一条记录 / import SMS', timeline),
  entry('import-calls', '导入通话录音（可给文件夹）：号码和时间取自文件名，时长取自音频；每个录音成为证据和时间线记录 / import call recordings', timeline),
  entry('timeline', '列出全部联系记录（按时间先后），附催收行为标记 / every contact, oldest first, with conduct flags', timeline),
  entry('calc penalty', '计算逾期罚息（单利或按日复利），可与年利率上限比较 / overdue penalty', calc),
  entry('calc plan', '按月等额分期还款计划 / an equal-installment monthly schedule', calc),
  entry('calc daxie', '金额的中文大写（用于金融票据和书面申请）/ amount in Chinese capital numerals', calc),
  entry('calc workdays', '推算 N 个工作日之后的日期（含法定节假日和调休）/ the date N mainland-China working days later', calc),
  entry('case export', '导出案件（申请人、债权机构、账户、财务、困难原因、方案、联系记录、协议）为 JSON / the structured case as JSON', caseFile),
  entry('case import', '导入案件 JSON（先检查全部内容，有问题则什么都不导入；导入会整体替换案件）/ validate and import a case', caseFile),
  entry('package build', '用证据箱里的资料生成申请材料 PDF（可数字签名） / build the application package from the vault', packageBuild),
  entry('package verify', '核验申请书：数字签名及每份证据原件与清单是否一致 / check the signature and every original against the manifest', packageVerify),
  entry('demo', '生成一套完整的示例案例（虚构人物）：示例证据箱和签名的申请材料 PDF / a complete sample case', demo),
  entry('calendar parse-notice', '读取国务院节假日安排通知的文字（不保存），列出放假和调休上班的日期 / parse a State Council holiday notice', calendarNotice),
  entry('calendar add-notice', '读取并保存一年的节假日安排（存在本机的设置文件夹，不在证据箱里），此后推算工作日按它计算 / keep a year’s schedule', calendarNotice),
  entry('restore', '用备份替换证据箱（先检查备份能用口令打开并通过完整性和审计链检查；原文件保留在旁边） / replace the vault with a checked backup', vault),
  entry('repayments', '每份协议的还款计划和已记录的还款 / every agreement’s schedule and payments', repayments),
  entry('pay', '记录一笔还款（先还最早未还清的一期）/ record a payment', repayments),
  entry('agenda', '待办：分期还款、还款前的提醒、申请的答复期限、跟进 / what is due', repayments),
  entry('calendar export', '把待办导出为手机日历文件（.ics，含提醒）/ the agenda as iCalendar with alarms', repayments),
  entry('import-bill', '导入支付宝 / 微信支付 / 银行账单，用于预算（文件保存为证据）/ import bill exports', bills),
  entry('budget', '某月预算：计划收支、账单里的实际收支、应还和已还、应急储备 / the month’s budget', bills),
  entry('text', '一件证据的文字（图片识别、PDF、邮件） / the text of one evidence item', text),
];

/** Every command module, for the registry test: all their commands must be listed above. */
export const COMMAND_MODULES: readonly Module[] = [vault, evidence, timeline, calc, caseFile, packageBuild, packageVerify, demo, calendarNotice, repayments, bills, text];
