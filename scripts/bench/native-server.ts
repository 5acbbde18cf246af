import { spawn, type ChildProcess } from 'node:child_process';

export interface NativeServer {
  /** The URL it printed: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/** Starts `npm run serve` on the given data and resolves once it prints its URL. */
export function startNativeServer(
  args: readonly string[],
  timeoutMs = 600_000
): Promise<NativeServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`the server printed no URL in ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[0], origin: match[1]!, token: match[2]!, stop: () => stopChild(child) });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${stderr}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
