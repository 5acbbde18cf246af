import { readdirSync, readFileSync } from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  rssBytes: number;
}

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    return { pid, ppid: Number(fields[1]), rssBytes: rss ? Number(rss[1]) * 1024 : 0 };
  } catch {
    return null;
  }
}

/** RSS of a process tree: the total, and the largest single process (the tab's renderer). */
export function treeMemory(root: number): { totalBytes: number; largestBytes: number } {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((p): p is Proc => p !== null);
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  const tree = all.filter((p) => inTree.has(p.pid));
  return {
    totalBytes: tree.reduce((sum, p) => sum + p.rssBytes, 0),
    largestBytes: Math.max(0, ...tree.map((p) => p.rssBytes))
  };
}

/** Samples a process tree's memory every `everyMs` until stopped; returns the peaks. */
export function samplePeakMemory(root: number, everyMs = 250) {
  let peakTotal = 0;
  let peakLargest = 0;
  const take = () => {
    const m = treeMemory(root);
    peakTotal = Math.max(peakTotal, m.totalBytes);
    peakLargest = Math.max(peakLargest, m.largestBytes);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop(): { peak_total_mb: number; peak_tab_mb: number } {
      clearInterval(timer);
      take();
      return {
        peak_total_mb: Math.round(peakTotal / 2 ** 20),
        peak_tab_mb: Math.round(peakLargest / 2 ** 20)
      };
    }
  };
}
