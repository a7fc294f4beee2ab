import { defineConfig } from '@playwright/test';
import { electronBinary } from './e2e/launchers';

// One set of specs, two launchers: the real renderer in Debian Chromium over the loopback
// harness (always), and the same specs in Electron wherever an Electron binary exists.
const projects = [{ name: 'harness', use: { launcher: 'harness' as const } }];
if (electronBinary()) projects.push({ name: 'electron', use: { launcher: 'electron' as const } } as never);

export default defineConfig({
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
