import os from 'node:os';

/** What a benchmark ran on, printed with its figures: the same fields in every benchmark. */
export function machineInfo(loadAtStart: number) {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAvg1mAtStart: Math.round(loadAtStart * 100) / 100,
    loadAvg1mAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}
