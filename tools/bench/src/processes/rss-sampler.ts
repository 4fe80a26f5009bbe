/** Samples a process's resident memory (VmRSS) once a second while a phase runs. */
import { readRssMiB } from './app-process';

export interface RssSamples {
  /** MiB, one sample per second. */
  samples: number[];
  stop(): number[];
}

/** At most a day of samples; a phase that runs longer is a bug, not a measurement. */
const MAX_SAMPLES = 86_400;

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
