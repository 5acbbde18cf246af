import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/support/browser';

const ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];

export interface LaunchedChromium {
  browser: Browser;
  /** The browser process, root of the tree whose memory is sampled. */
  pid: number;
  version: string;
  close(): Promise<void>;
}

/** Debian Chromium headless, as the e2e tests launch it, with its process id for memory sampling. */
export async function launchChromium(): Promise<LaunchedChromium> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS
  });
  const browser = await chromium.connect(server.wsEndpoint());
  const pid = server.process().pid;
  if (pid === undefined) throw new Error('Chromium started without a process id');
  return {
    browser,
    pid,
    version: browser.version(),
    async close() {
      await browser.close();
      await server.close();
    }
  };
}
