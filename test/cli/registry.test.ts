// The lazy registry (cli/registry.ts) keeps each command's name and summary so --help needs
// no command module; these must be exactly what the modules export, in both directions.
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, COMMANDS } from '../../cli/registry';
import { helpText } from '../../cli/run';
import { cli } from '../helpers/cli';
import pkg from '../../package.json';

describe('the CLI registry', () => {
  it('lists every exported command once, with its own name and summary', async () => {
    const exported = (await Promise.all(COMMAND_MODULES.map((m) => m()))).flat() as { name: string; summary: string }[];
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    expect(COMMANDS.map((c) => c.name).sort()).toEqual(exported.map((c) => c.name).sort());
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary, entry.name).toBe(entry.summary);
    }
  });

  it('the built CLI: --help lists the registry, --version prints the package version', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(`${helpText(COMMANDS)}\n`);
    expect(cli(['--version'])).toMatchObject({ status: 0, stdout: `xieshang ${pkg.version}\n` });
    expect(JSON.parse(cli(['--version', '--json']).stdout)).toEqual({ name: 'xieshang', version: pkg.version });
    // A command's own --help loads only that command.
    expect(cli(['calc', 'daxie', '--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('calc daxie AMOUNT') });
  });
});
