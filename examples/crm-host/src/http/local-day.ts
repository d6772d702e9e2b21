/** The local calendar date (YYYY-MM-DD) of an instant, at a UTC offset in minutes. */
export function localDate(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The instant (epoch ms) a local date begins, at a UTC offset in minutes. */
export function localDayStartMs(date: string, utcOffsetMinutes: number): number {
  return Date.parse(`${date}T00:00:00Z`) - utcOffsetMinutes * 60_000;
}
