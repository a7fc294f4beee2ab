// `npm run bench`: figures side by side with a reference, as ratios (these machines are
// noisy). Never pass/fail on time.
import os from 'node:os';
import { printTable } from './report';
import { runVaultBench } from './vault-bench';

console.log(`# Xieshang benchmarks — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
printTable('Vault (issue 2)', runVaultBench());
