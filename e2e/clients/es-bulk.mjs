// An application shipping documents with the official Elasticsearch client, unmodified: it asks
// the cluster who it is (client.info), then sends the job's documents (argv[2], JSON) with the bulk
// helper, and prints what the helper reports: its stats and the documents it dropped.
import { Client } from '@elastic/elasticsearch';

const job = JSON.parse(process.argv[2]);
const client = new Client({ node: job.url });
const info = await client.info();
const dropped = [];
const stats = await client.helpers.bulk({
  datasource: job.documents,
  onDocument: () => ({ [job.action]: { _index: job.index } }),
  onDrop: (drop) => dropped.push({ status: drop.status, type: drop.error?.type, reason: drop.error?.reason, document: drop.document }),
  retries: 2,
  wait: 200,
});
process.stdout.write(`${JSON.stringify({ version: info.version.number, tagline: info.tagline, stats: { total: stats.total, successful: stats.successful, failed: stats.failed }, dropped })}\n`);
await client.close();
