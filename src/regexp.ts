/** `text` as a regular-expression source matching it literally (`RegExp.escape` arrives only with Node 24). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
