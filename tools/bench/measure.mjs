// Timing helpers: the median of several runs of an HTTP request, in milliseconds.
export async function medianMs(url, runs, headers = {}) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function streamRowsPerSecond(url) {
  const started = performance.now();
  const response = await fetch(url);
  let lines = 0;
  for await (const chunk of response.body) for (const byte of chunk) if (byte === 10) lines += 1;
  return { rows: lines, rowsPerSecond: lines / ((performance.now() - started) / 1000) };
}
