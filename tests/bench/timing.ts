/** Small timing helpers of the benchmarks: medians, quantiles, CPU and wall clocks in milliseconds. */

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** CPU time of this process (user + system, all threads: garbage collection counts), in ms. */
export const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export const wall = () => Number(process.hrtime.bigint()) / 1e6;
