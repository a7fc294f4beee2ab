// Every CLI command, in the order --help lists them.
import type { Command } from './framework';
import { initCommand, passwdCommand, backupCommand } from './commands/vault';

export const COMMANDS: readonly Command<never>[] = [initCommand, passwdCommand, backupCommand] as unknown as Command<never>[];
