import { spawn } from 'node:child_process';
import { samplePeakMemory } from '../memory';

export interface MeasuredRun {
  ms: number;
  /** Largest resident set of one process of the command (DuckDB runs inside node). */
  peak_mb: number;
  stdout: string;
}

/** Runs a node script (through tsx) to its end, timing it and sampling its peak memory. */
export function measuredRun(script: string, args: readonly string[]): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const sampler = samplePeakMemory(child.pid!, 100);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(`  | ${chunk.toString().trimEnd().replaceAll('\n', '\n  | ')}\n`);
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      const memory = sampler.stop();
      if (code !== 0) reject(new Error(`${script} ${args.join(' ')} failed (${code}): ${stderr}`));
      else resolve({ ms: Math.round(ms), peak_mb: memory.peak_tab_mb, stdout });
    });
  });
}
