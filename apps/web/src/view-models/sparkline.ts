// A sparkline as SVG bars: one unit of width per bucket, scaled to the busiest bucket.

/** Sparkline geometry: this many units tall. */
const SPARKLINE_HEIGHT = 20;

export interface Sparkline {
  readonly width: number;
  readonly height: number;
  readonly bars: readonly { x: number; y: string; height: string }[];
}

export function buildSparkline(counts: readonly number[]): Sparkline {
  const peak = Math.max(1, ...counts);
  return {
    width: counts.length,
    height: SPARKLINE_HEIGHT,
    bars: counts.map((events, x) => {
      const height = (events / peak) * SPARKLINE_HEIGHT;
      return { x, y: (SPARKLINE_HEIGHT - height).toFixed(2), height: height.toFixed(2) };
    }),
  };
}
