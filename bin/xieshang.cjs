#!/usr/bin/env node
// Launcher for the bundled CLI. `npm ci` builds it through the prepare script.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'xieshang.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('命令行尚未构建：请先运行 npm ci 或 npm run build [INTERNAL]\n');
  process.exit(1);
}
require(bundle);
