// Every CLI command, in the order --help lists them.
import type { Command } from './framework';
import { initCommand, passwdCommand, backupCommand } from './commands/vault';
import { calcCommands } from './commands/calc';
import { caseCommands } from './commands/case';
import { timelineCommands } from './commands/timeline';
import { evidenceCommands } from './commands/evidence';
import { packageCommands } from './commands/package';
import { packageBuildCommand } from './commands/package-build';
import { demoCommand } from './commands/demo';

export const COMMANDS: readonly Command<never>[] = [initCommand, passwdCommand, backupCommand, ...evidenceCommands, ...timelineCommands, ...calcCommands, ...caseCommands, packageBuildCommand, ...packageCommands, demoCommand] as unknown as Command<never>[];
