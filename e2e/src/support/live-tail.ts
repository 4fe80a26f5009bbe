/** A viewer of the api's live tail (`GET /api/v1/tail`, server-sent events), as a browser would hold it. */

export interface TailedRow {
  producer_id: string;
  seq: number | null;
  message: string;
}

export interface LiveTail {
  /** Every row received so far, in arrival order. */
  readonly rows: TailedRow[];
  close(): Promise<void>;
}

export async function openLiveTail(url: string): Promise<LiveTail> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  const rows: TailedRow[] = [];
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (data) rows.push(...(JSON.parse(data) as TailedRow[]));
        }
      }
    } catch {
      // closed by the test
    }
  })();
  return {
    rows,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}
