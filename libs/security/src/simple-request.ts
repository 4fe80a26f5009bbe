/**
 * What a page of any site may send to another site without asking first. The Fetch standard
 * lets a cross-site POST go out without a CORS preflight when its Content-Type is one of three
 * "CORS-safelisted" types (or absent): such a "simple request" reaches the server even though
 * the page may not read the answer. A state-changing route that accepts one can be driven by any
 * web page its users visit, so every route that changes state refuses them: this is the one rule
 * for every ingest door (NDJSON, OTLP, Loki, Elasticsearch bulk, ...).
 */

/** The Content-Type essences Fetch lets through without a preflight. */
const SAFELISTED_CONTENT_TYPES: ReadonlySet<string> = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
/** Methods Fetch lets through without a preflight (GET and HEAD change nothing). */
const SAFELISTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

/** The MIME type without parameters, lower case: `Text/Plain; charset=UTF-8` → `text/plain`. */
export function contentTypeEssence(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

/**
 * True when a browser would send this request cross-site without a preflight: a safelisted
 * method with a body that has a safelisted Content-Type or none at all.
 */
export function isSimpleRequest(method: string, contentType: string | undefined, hasBody: boolean): boolean {
  if (!SAFELISTED_METHODS.has(method.toUpperCase())) return false;
  if (contentType === undefined || contentType.trim() === '') return hasBody;
  return SAFELISTED_CONTENT_TYPES.has(contentTypeEssence(contentType));
}
