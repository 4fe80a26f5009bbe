/** The table's row shape and how figures are written in it. */

export interface TableRow {
  group: string;
  what: string;
  figure: string;
  comparison: string;
  /** The target and whether it was met; empty when the figure has none. */
  target: string;
}

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
export const kib = (bytes: number) => `${thousands(bytes / 1024)} KiB`;
export const mib = (bytes: number) => `${fixed(bytes / 2 ** 20, 0)} MiB`;
export const verdict = (met: boolean, target: string) => `${target}: ${met ? 'met' : 'MISSED'}`;
