/**
 * Button custom ids. They carry everything a click needs, so buttons keep working after a restart;
 * Discord caps them at 100 characters and requires them to be unique within a message. The 👍/👎
 * ids (`fb:…`) are read by `feedbackId`/`parseFeedbackId` in feedback-render.ts and never match these.
 */

export const MAX_CUSTOM_ID = 100;

export type ComponentAction =
  | { kind: "source"; passageId: string }
  | { kind: "zones"; page: number }
  | { kind: "zone"; zone: string; page: number };

/** `src:<n>:<passage id>` for the button under citation `n`, or null when the id would not fit. */
export function sourceButtonId(n: number, passageId: string): string | null {
  const id = `src:${n}:${passageId}`;
  // Ids are carried verbatim, so one that is not valid UTF-16 cannot be sent (nor looked up).
  return passageId !== "" && id.length <= MAX_CUSTOM_ID && !/\p{Cs}/u.test(id) ? id : null;
}

/** `zones:<page>:<which>`; `which` keeps the previous/next buttons distinct. */
export function zonesPageId(page: number, which: "prev" | "next"): string {
  return `zones:${page}:${which}`;
}

/** `zone:<page>:<which>:<zone>` under `/zone`, or null when the zone's name would not fit. */
export function zonePageId(zone: string, page: number, which: "prev" | "next"): string | null {
  const id = `zone:${page}:${which}:${zone}`;
  return zone !== "" && id.length <= MAX_CUSTOM_ID && !/\p{Cs}/u.test(id) ? id : null;
}

/** Reads a custom id back; anything malformed (old, forged, truncated) is null. */
export function parseCustomId(id: string): ComponentAction | null {
  const source = /^src:\d{1,2}:(.+)$/s.exec(id);
  if (source?.[1]) return { kind: "source", passageId: source[1] };
  const zones = /^zones:(\d{1,4}):(?:prev|next)$/.exec(id);
  if (zones?.[1]) return { kind: "zones", page: Number(zones[1]) };
  const zone = /^zone:(\d{1,4}):(?:prev|next):(.+)$/s.exec(id);
  if (zone?.[1] && zone[2]) return { kind: "zone", zone: zone[2], page: Number(zone[1]) };
  return null;
}
