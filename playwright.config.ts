import { defineConfig } from '@playwright/test';
import { electronBinary } from './e2e/launchers';

// One set of specs, two launchers: the real renderer in Debian Chromium over the loopback
// harness (always), and the same specs in Electron wherever an Electron binary exists.
type Launcher = 'harness' | 'electron';
const projects: { name: string; use: { launcher: Launcher } }[] = [{ name: 'harness', use: { launcher: 'harness' } }];
if (electronBinary()) projects.push({ name: 'electron', use: { launcher: 'electron' } });

export default defineConfig<{ launcher: Launcher }>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  projects,
});
