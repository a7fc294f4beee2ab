// The `xieshang` executable (bin/xieshang.cjs loads the bundle of this file).
import { runCli } from './run';

runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('程序内部错误 [INTERNAL]\n');
    process.exitCode = 1;
  },
);
