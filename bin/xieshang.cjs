#!/usr/bin/env node
// Launcher for the bundled CLI. `npm ci` builds it through the prepare script. The bundle is
// ESM split into chunks (scripts/build.mjs), so it is import()ed: only the chunks a command
// needs are ever read.
const path = require('node:path');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'xieshang.mjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('命令行尚未构建：请先运行 npm ci 或 npm run build [INTERNAL]\n');
  process.exit(1);
}
import(pathToFileURL(bundle).href).catch(() => {
  process.stderr.write('程序内部错误 [INTERNAL]\n');
  process.exitCode = 1;
});
