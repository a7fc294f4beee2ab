// Every CLI command, in the order --help lists them.
import type { Command } from './framework';
import { initCommand, passwdCommand, backupCommand } from './commands/vault';
import { calcCommands } from './commands/calc';

export const COMMANDS: readonly Command<never>[] = [initCommand, passwdCommand, backupCommand, ...calcCommands] as unknown as Command<never>[];
