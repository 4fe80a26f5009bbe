/**
 * An Elasticsearch bulk body (NDJSON: an action line, then the document for index, create and
 * update) as candidate events and the items the answer must list, in order. Only `index` and
 * `create` store an event; `update` and `delete` are answered as failed items. A malformed action
 * line fails the whole request, as in Elasticsearch; a malformed document fails its item.
 */
import { randomBytes } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { emptyDecodedRecords, PayloadError, type DecodedRecords } from '../candidate';
import { ecsEvent } from './ecs-document';

export type BulkAction = 'index' | 'create' | 'update' | 'delete';

export interface BulkItem {
  action: BulkAction;
  index: string;
  id: string;
  /** The candidate's position, or the reason the item failed before normalisation. */
  outcome: { position: number } | { error: string; type: string };
}

export interface DecodedBulk {
  records: DecodedRecords;
  items: BulkItem[];
}

const ACTIONS = new Set<string>(['index', 'create', 'update', 'delete']);

/** `defaultIndex`: the index of `/{index}/_bulk`, used when an action names none. */
export function decodeBulk(body: Buffer, defaultIndex: string | undefined): DecodedBulk {
  if (!isUtf8(body)) throw new PayloadError('the body is not valid UTF-8');
  const lines = body.toString('utf8').split('\n');
  const records = emptyDecodedRecords(true);
  const items: BulkItem[] = [];
  // Shippers repeat one action line (`{"create":{"_index":"..."}}`): it is read once.
  let previous: { text: string; action: ReturnType<typeof readAction> } | undefined;
  for (let at = 0; at < lines.length; at += 1) {
    if (lines[at].trim() === '') continue;
    if (previous?.text !== lines[at]) previous = { text: lines[at], action: readAction(lines[at], at + 1, defaultIndex) };
    const { action, index, given } = previous.action;
    const id = given ?? autoId();
    if (action === 'delete') {
      items.push({ action, index, id, outcome: { type: 'illegal_argument_exception', error: 'Logline keeps log events as sent: delete is not supported' } });
      continue;
    }
    at += 1;
    const source = lines[at];
    if (source === undefined || source.trim() === '') throw new PayloadError(`the ${action} action on line ${at} has no document line after it`);
    if (action === 'update') {
      items.push({ action, index, id, outcome: { type: 'illegal_argument_exception', error: 'Logline keeps log events as sent: update is not supported' } });
      continue;
    }
    items.push({ action, index, id, outcome: addDocument(records, source, at + 1, index) });
  }
  if (items.length === 0) throw new PayloadError('the request body is empty: a bulk request needs an action line and a document line');
  records.mayHoldLoneSurrogates = lines.some((line) => line.includes('\\u'));
  return { records, items };
}

function addDocument(records: DecodedRecords, source: string, line: number, index: string): BulkItem['outcome'] {
  const position = records.events.length + records.refusals.length + 1;
  let document: unknown;
  try {
    document = JSON.parse(source);
  } catch (error) {
    return { type: 'document_parsing_exception', error: `[${line}] the document is not JSON: ${(error as Error).message}` };
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { type: 'document_parsing_exception', error: `[${line}] the document must be a JSON object` };
  }
  const where = `line ${line}`;
  records.events.push({ position, event: ecsEvent(document as Record<string, unknown>, index), describe: () => ({ where, raw: source }) });
  return { position };
}

/** The action line's action, index and, when it names one, the document's id. */
function readAction(text: string, line: number, defaultIndex: string | undefined): Pick<BulkItem, 'action' | 'index'> & { given?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PayloadError(`Malformed action/metadata line [${line}], expected a JSON object`);
  }
  const keys = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : [];
  if (keys.length !== 1 || !ACTIONS.has(keys[0])) {
    throw new PayloadError(`Malformed action/metadata line [${line}], expected one of index, create, update or delete`);
  }
  const action = keys[0] as BulkAction;
  const metadata = (parsed as Record<string, { _index?: unknown; _id?: unknown } | null>)[action] ?? {};
  const index = typeof metadata._index === 'string' && metadata._index !== '' ? metadata._index : defaultIndex;
  if (index === undefined) throw new PayloadError(`Action/metadata line [${line}] names no index: give _index, or post to /{index}/_bulk`);
  return { action, index, given: typeof metadata._id === 'string' && metadata._id !== '' ? metadata._id : undefined };
}

/** Ids of this process start with a random part; a counter makes each one unique. */
const ID_PREFIX = randomBytes(9).toString('base64url');
let idCounter = 0;

/** An id in the form Elasticsearch generates (20 URL-safe characters), for an action that gives none. */
function autoId(): string {
  idCounter += 1;
  return ID_PREFIX + idCounter.toString(36).padStart(8, '0');
}
