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
const vault: Module = () => import('./commands/vault').then((m) => [m.initCommand, m.passwdCommand, m.backupCommand]);
const evidence: Module = () => import('./commands/evidence').then((m) => m.evidenceCommands);
const timeline: Module = () => import('./commands/timeline').then((m) => m.timelineCommands);
const calc: Module = () => import('./commands/calc').then((m) => m.calcCommands);
const caseFile: Module = () => import('./commands/case').then((m) => m.caseCommands);
const packageBuild: Module = () => import('./commands/package-build').then((m) => [m.packageBuildCommand]);
const packageVerify: Module = () => import('./commands/package').then((m) => m.packageCommands);
const demo: Module = () => import('./commands/demo').then((m) => [m.demoCommand]);
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
  entry('import-sms', '导入安卓“SMS Backup & Restore”短信备份（XML），每条短信成为时间线的一条记录 / import an SMS backup', timeline),
  entry(
    'import-calls',
    '导入通话录音（可给文件夹）：号码和时间取自文件名，时长取自音频；每个录音成为证据和时间线记录 / import call recordings',
    timeline,
  ),
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
  entry('text', '一件证据的文字（图片识别、PDF、邮件） / the text of one evidence item', text),
];

/** Every command module, for the registry test: all their commands must be listed above. */
export const COMMAND_MODULES: readonly Module[] = [vault, evidence, timeline, calc, caseFile, packageBuild, packageVerify, demo, text];
