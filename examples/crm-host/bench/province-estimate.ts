// The N-machine estimate of bench/province.ts, from its measured figures (the README states it).

/** What the estimate is made of, all measured in the same benchmark run. */
export interface EstimateInput {
  /** Cores of the measured machine (each machine of the estimate is taken to be like it). */
  cores: number;
  /** Managers a second one machine plans with no queue (this process on a pool of one thread per core). */
  ratePerMachine: number;
  /** The queue's CPU per job beyond planning (worker, broker, enqueue), ms. */
  overheadCpuMs: number;
  /** The broker's CPU per job, ms (NaN when not measured): one Redis runs commands on one thread. */
  brokerCpuMs: number;
}

/**
 * Time to plan `M` managers (territories of the measured size and period) on `N` machines like this one,
 * each running worker processes with one solver thread per core:
 * `T ≈ partition + M / (N × R) + (o / 1000) × M / (N × c)` — R the machine's rate with no queue, o the
 * queue's CPU per job, c the cores, so o/1000/c the seconds a job's overhead costs a machine — and never
 * below `M / (1000 / b)`, the broker's ceiling of 1000 / b jobs a second (b its CPU per job). The partition
 * runs once, in the host's process, before the jobs are queued (not measured here).
 */
export function provinceEstimate(input: EstimateInput, managers = 2000, machines: readonly number[] = [1, 2, 8]) {
  const { cores: c, ratePerMachine: r, overheadCpuMs: o, brokerCpuMs: b } = input;
  const brokerCeilingJobsPerS = Number.isFinite(b) && b > 0 ? 1000 / b : Number.POSITIVE_INFINITY;
  const secondsFor = (m: number, n: number) =>
    Math.max(m / (n * r) + ((o / 1000) * m) / (n * c), m / brokerCeilingJobsPerS);
  return {
    formula: 'T ≈ partition + M / (N × R) + (o / 1000) × M / (N × c), at least M / (1000 / b)',
    ratePerMachine: r,
    overheadCpuMs: o,
    coresPerMachine: c,
    brokerCeilingJobsPerS,
    /** One machine's rate through the queue by the formula; the benchmark measures it beside. */
    predictedOneMachinePerS: 1 / secondsFor(1, 1),
    example: { managers, machines: [...machines], seconds: machines.map((n) => secondsFor(managers, n)) },
  };
}
