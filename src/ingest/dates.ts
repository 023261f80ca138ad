/**
 * Dates as pages, feeds and records write them, turned into ISO 8601 without inventing precision or
 * moving the day: an offset the source gave is kept, a bare day stays a day.
 */

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

// RFC 822 zone names feeds still use.
const ZONES: Record<string, string> = {
  GMT: 'Z', UTC: 'Z', UT: 'Z', Z: 'Z', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};

const pad = (n: number | string): string => String(n).padStart(2, '0');

/**
 * Parses a date the way pages and feeds write them; returns ISO 8601 (keeping the source's own offset),
 * a bare yyyy-mm-dd when the source gave no time, or the original string when it cannot be read.
 * @example normalizeDate('Tue, 19 Nov 2019 22:48:00 -0500') // '2019-11-19T22:48:00-05:00'
 */
export function normalizeDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  if (!t) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(t)) return t;
  // "2019-11-19 10:48:00" (SQL style), optionally with an offset.
  const sql = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (sql) return `${sql[1]}T${sql[2]}${sql[3] ?? ''}`;
  // RFC 822/2822, the RSS form: "Tue, 19 Nov 2019 10:48:00 GMT" / "+0100".
  const rfc = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,3}|[+-]\d{4})?)?$/.exec(t);
  if (rfc) {
    const mon = MONTHS[rfc[2]!.toLowerCase()];
    if (mon) {
      const day = `${rfc[3]}-${mon}-${pad(rfc[1]!)}`;
      if (rfc[4] === undefined) return day;
      const z = rfc[7];
      const off = !z ? '' : /^[+-]\d{4}$/.test(z) ? `${z.slice(0, 3)}:${z.slice(3)}` : (ZONES[z.toUpperCase()] ?? '');
      return `${day}T${pad(rfc[4])}:${rfc[5]}:${rfc[6] ?? '00'}${off}`;
    }
  }
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return t;
  const d = new Date(ms);
  // No clock time in the text ("November 19, 2019"): Date read it as local midnight; give the day only.
  if (!/\d:\d/.test(t)) return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return d.toISOString();
}
