/** Names, addresses and identifiers that make generated events look like a real service's. */
import type { Random } from '../random';

const FIRST_NAMES = [
  'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy',
  'mallory', 'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'yara',
] as const;
const LAST_NAMES = ['smith', 'jones', 'garcia', 'kim', 'nguyen', 'muller', 'rossi', 'tanaka'] as const;

export function userName(random: Random): string {
  return `${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}`;
}

export function userId(random: Random): string {
  return `u-${random.int(10_000, 99_999)}`;
}

/** A public-looking IPv4 address, or a private one about a third of the time. */
export function ipAddress(random: Random): string {
  if (random.next() < 0.35) return `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
  return `${random.int(11, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
}

export function requestId(random: Random): string {
  return random.hex(16);
}

/** A latency in milliseconds, mostly small with a long tail, as real services show. */
export function latencyMs(random: Random, typical: number): number {
  const tail = random.next() < 0.05 ? random.int(5, 40) : 1;
  return Math.max(1, Math.round(typical * (0.3 + random.next() * 1.4) * tail));
}

export function slowLatencyMs(random: Random, atLeast: number): number {
  return atLeast + random.int(0, atLeast * 4);
}

export function orderId(random: Random): string {
  return `ord_${random.hex(10)}`;
}

/** An amount with two decimals, skewed to small purchases. */
export function amount(random: Random): string {
  const value = random.next() < 0.8 ? random.int(199, 9_999) : random.int(10_000, 250_000);
  return (value / 100).toFixed(2);
}

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'CHF'] as const;
export const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'JP', 'BR', 'IN', 'CA', 'NL', 'SE'] as const;
