/**
 * nl-NL dates and times. Everything the user reads (footers, version lists, file names) is in Dutch
 * local time: Europe/Amsterdam, stated explicitly so a main process or CI machine on UTC prints the
 * same as the user's screen.
 */
const TIME_ZONE = 'Europe/Amsterdam';

const dateTimeLong = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE });
const timestamp = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});
const timestampSeconds = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: TIME_ZONE,
});
const timestampShort = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});
const clock = new Intl.DateTimeFormat('nl-NL', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: TIME_ZONE,
});
const isoParts = new Intl.DateTimeFormat('nl-NL', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: TIME_ZONE,
});

/** 2 december 2026 om 10:15 */
export function formatDateTime(d: Date): string {
  return dateTimeLong.format(d);
}

/** 2 december 2026 om 10:15 (versions, back-ups); with seconds where two can fall in one minute */
export function formatTimestamp(d: Date, withSeconds = false): string {
  return (withSeconds ? timestampSeconds : timestamp).format(d);
}

/** 2 dec 2026 10:15 (compact lists) */
export function formatTimestampShort(d: Date): string {
  return timestampShort.format(d);
}

/** 10:15:03 */
export function formatClock(d: Date): string {
  return clock.format(d);
}

/** 2026-12-02 in Dutch local time: sorts well in file names */
export function isoDate(d: Date): string {
  const parts = isoParts.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const wallClockParts = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
});

/**
 * The Dutch local date and time as a Date whose UTC fields read as that wall-clock time: what a
 * spreadsheet date cell must hold (it has no time zone; ExcelJS writes a Date's UTC time), so
 * 2 december 2026 13:36 in Amsterdam shows 02-12-2026 13:36, not the UTC 12:36.
 */
export function localDateCell(d: Date): Date {
  const parts = wallClockParts.formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')));
}
