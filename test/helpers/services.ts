// Real app services on a temporary data folder (vault in-process), with every log line
// and emitted event captured for assertions.
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatch';
import fs from 'node:fs';
import { tmpDir } from './tmp';

export interface ServicesUnderTest {
  services: AppServices;
  dispatch: Dispatch;
  logs: string[];
  events: { event: string; payload: unknown }[];
  dataDir: string;
}

export async function makeServices(): Promise<ServicesUnderTest> {
  const dataDir = tmpDir();
  const logs: string[] = [];
  const events: { event: string; payload: unknown }[] = [];
  const services = await createAppServices({
    dataDir,
    mode: 'harness',
    emit: (event, payload) => events.push({ event, payload }),
    log: (line) => logs.push(line),
    platform: {
      chooseSavePath: async (name) => {
        fs.mkdirSync(`${dataDir}/exports`, { recursive: true });
        return `${dataDir}/exports/${name}`;
      },
    },
  });
  return { services, dispatch: createDispatcher(services.handlers, (l) => logs.push(l)), logs, events, dataDir };
}

/** Calls a channel through the dispatcher as the renderer does; a refusal throws with its code and details. */
export async function callChannel<T = unknown>(s: ServicesUnderTest, channel: string, args: unknown = {}): Promise<T> {
  const env = await s.dispatch(channel, args);
  if (!env.ok) throw Object.assign(new Error(env.error.message), env.error);
  return env.value as T;
}
