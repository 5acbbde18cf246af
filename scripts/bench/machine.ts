import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface Machine {
  cpus: number;
  cpu_model: string;
  memory_gb: number;
  node: string;
  chromium: string | null;
  platform: string;
  /** 1-minute load average when the run ended: other work on the machine skews timings. */
  load_average: number;
}

export function machine(chromium: string | null): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    cpu_model: list[0]?.model.trim() ?? 'unknown',
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    platform: `${platform()} ${release()}`,
    load_average: Math.round(loadavg()[0]! * 10) / 10
  };
}
