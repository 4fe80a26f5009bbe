/** Samples a process's resident memory (VmRSS) once a second while a phase runs. */
import { readFileSync } from 'node:fs';

export interface RssSamples {
  /** MiB, one sample per second. */
  samples: number[];
  stop(): number[];
}

/** At most a day of samples; a phase that runs longer is a bug, not a measurement. */
const MAX_SAMPLES = 86_400;

/** Resident memory of a process now (VmRSS), MiB; 0 once it is gone. */
function readRssMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

export function sampleRss(pid: number | undefined, intervalMs = 1000): RssSamples {
  const samples: number[] = [readRssMiB(pid)];
  const timer = setInterval(() => {
    if (samples.length < MAX_SAMPLES) samples.push(readRssMiB(pid));
  }, intervalMs);
  return {
    samples,
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}
