/**
 * XES (IEEE 1849 event logs, as process-mining tools export them) → CSV event rows: one row
 * per `<event>`, its trace's attributes as `case:<key>` columns, then every event attribute
 * key in the order first met. A scanner over the text, not a full XML parser: XES is flat
 * enough (traces of events of typed `key`/`value` attributes) and the logs are large.
 */

const ATTRIBUTE = /<(?:string|date|int|float|boolean|id)\s+key="([^"]*)"\s+value="([^"]*)"/g;

/** True when the bytes start like an XES document (optionally after an XML prolog). */
export function isXes(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<log[\s>]/.test(head)) return false;
  return /xes/i.test(head);
}

function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    switch (entity.toLowerCase()) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const hex = entity[1] === 'x' || entity[1] === 'X';
    return String.fromCodePoint(parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

function attributes(fragment: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of fragment.matchAll(ATTRIBUTE)) {
    const key = unescapeXml(m[1]!);
    if (!out.has(key)) out.set(key, unescapeXml(m[2]!));
  }
  return out;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function addKeys(values: Map<string, string>, seen: Set<string>, keys: string[]): void {
  for (const key of values.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push(key);
  }
}

export interface XesTable {
  header: string[];
  rows: string[][];
  traces: number;
}

/** Every event of the log as a row; traces without events give no row (they are counted). */
export function readXes(text: string): XesTable {
  const traceKeys: string[] = [];
  const eventKeys: string[] = [];
  const seenTrace = new Set<string>();
  const seenEvent = new Set<string>();
  const events: Array<{ trace: Map<string, string>; event: Map<string, string> }> = [];
  let traces = 0;
  let at = text.indexOf('<trace');
  while (at >= 0) {
    const end = text.indexOf('</trace>', at);
    if (end < 0) throw new Error(`XES: a <trace> that never closes (at character ${at})`);
    const body = text.slice(text.indexOf('>', at) + 1, end);
    traces++;
    const firstEvent = body.indexOf('<event');
    const trace = attributes(firstEvent < 0 ? body : body.slice(0, firstEvent));
    addKeys(trace, seenTrace, traceKeys);
    let e = firstEvent;
    while (e >= 0) {
      const close = body.indexOf('</event>', e);
      if (close < 0) throw new Error(`XES: an <event> that never closes in trace ${traces}`);
      const event = attributes(body.slice(e, close));
      addKeys(event, seenEvent, eventKeys);
      events.push({ trace, event });
      e = body.indexOf('<event', close);
    }
    at = text.indexOf('<trace', end);
  }
  const header = [...traceKeys.map((k) => `case:${k}`), ...eventKeys];
  const rows = events.map(({ trace, event }) => [
    ...traceKeys.map((k) => trace.get(k) ?? ''),
    ...eventKeys.map((k) => event.get(k) ?? '')
  ]);
  return { header, rows, traces };
}

/** The log as UTF-8 CSV bytes (comma-separated, quoted where needed). */
export function xesToCsvBytes(bytes: Uint8Array): Uint8Array {
  const { header, rows } = readXes(new TextDecoder('utf-8').decode(bytes));
  if (rows.length === 0) throw new Error('This XES log has no events.');
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}
