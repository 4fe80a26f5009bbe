/** Shapes per-boot audit rows and producer activity into the audit answer. */
import type { BootAudit, ProducerActivity } from '@logline/ch-client';

export function summariseAudit(boots: readonly BootAudit[], activity: readonly ProducerActivity[]) {
  const byProducer = new Map<string, BootAudit[]>();
  for (const boot of boots) byProducer.set(boot.producerId, [...(byProducer.get(boot.producerId) ?? []), boot]);
  const activityOf = new Map(activity.map((entry) => [entry.producerId, entry]));
  return [...byProducer].map(([producerId, producerBoots]) => {
    const shaped = producerBoots.map((boot) => {
      const expected = boot.lastSeq - boot.firstSeq + 1;
      return {
        boot: boot.boot,
        first_seq: boot.firstSeq,
        last_seq: boot.lastSeq,
        expected,
        stored: boot.stored,
        missing: expected - boot.distinctSeq,
        missing_ranges: boot.missingRanges,
        duplicates_stored: boot.stored - boot.distinctSeq,
        first_timestamp: new Date(boot.firstTimestampMs).toISOString(),
        last_timestamp: new Date(boot.lastTimestampMs).toISOString(),
      };
    });
    const sum = (pick: (boot: (typeof shaped)[number]) => number) => shaped.reduce((total, boot) => total + pick(boot), 0);
    const missing = sum((boot) => boot.missing);
    const duplicates = sum((boot) => boot.duplicates_stored);
    const seen = activityOf.get(producerId);
    return {
      producer_id: producerId,
      status: missing > 0 ? ('missing' as const) : duplicates > 0 ? ('duplicated' as const) : ('complete' as const),
      expected: sum((boot) => boot.expected),
      stored: sum((boot) => boot.stored),
      missing,
      duplicates_stored: duplicates,
      duplicates_absorbed: seen?.duplicatesAbsorbed ?? 0,
      last_ingested_at: seen ? new Date(seen.lastIngestedMs).toISOString() : null,
      lag_p50_ms: seen?.lagP50Ms ?? null,
      lag_p95_ms: seen?.lagP95Ms ?? null,
      boots: shaped,
    };
  });
}
