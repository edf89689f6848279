import { expect } from "vitest";
import { type Button, embedLength, LIMITS, type LinkButton, type Payload } from "../../src/discord/render.js";

/** Every Discord limit a message must meet; throws with the first one broken. */
export function expectWithinLimits(p: Payload): void {
  expect(p.content.length).toBeLessThanOrEqual(LIMITS.content);
  expect(p.allowedMentions).toEqual({ parse: [], repliedUser: false });
  expect(p.embeds.length).toBeLessThanOrEqual(10);
  for (const e of p.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(embedLength(e)).toBeLessThanOrEqual(LIMITS.embedTotal);
  }
  expect(p.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
  const ids = new Set<string>();
  for (const row of p.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const b of row.components) {
      expect(b.label?.length ?? 0).toBeGreaterThan(0);
      expect(b.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
      // A link button opens an article's page (two citations may share one): an http(s) URL of at
      // most 512 characters. Custom ids must be unique in a message.
      if ("url" in b) {
        expect(b.url).toMatch(/^https?:\/\/.{1,504}$/);
        continue;
      }
      expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect(ids.has(b.custom_id)).toBe(false);
      ids.add(b.custom_id);
    }
  }
  const all = JSON.stringify(p);
  expect(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i.test(all)).toBe(false);
}

/** What tells a button apart: its custom id, or a link button's URL. */
export function buttonKey(b: Button | LinkButton): string {
  return "custom_id" in b ? b.custom_id : b.url;
}
