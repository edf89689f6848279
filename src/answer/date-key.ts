/**
 * A date as a sortable key, `YYYY-MM-DD` with a missing month or day as `00`: `2023-07-10`,
 * `2023年7月10日` and `2023/7/10` agree, and a month (`2020-06`) sorts before its days. Null when the
 * text holds no year.
 */
export function dateKey(date: string | undefined): string | null {
  const m = /(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?)?/.exec(date ?? "");
  if (!m) return null;
  const two = (s: string | undefined) => (s ?? "0").padStart(2, "0");
  return `${m[1]}-${two(m[2])}-${two(m[3])}`;
}
