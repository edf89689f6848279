/**
 * Bytes from the web → text. The encoding comes from a byte-order mark, else the Content-Type
 * header's `charset`, else the document's own declaration (`<meta charset>`, `<meta http-equiv>`, or
 * an XML declaration), as the HTML Standard's sniffing algorithm orders them (html-encoding-sniffer).
 * Node's TextDecoder (full ICU) then decodes GBK, GB18030 and Big5 as well as UTF-8.
 */
import sniff from "html-encoding-sniffer";

/** `charset=` of a Content-Type header, or undefined. */
function headerCharset(contentType: string): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return m?.[1];
}

/** True for a label TextDecoder knows (the header's charset may be nonsense). */
function known(label: string | undefined): label is string {
  if (label === undefined) return false;
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

// Chinese sites often declare the charset after a long <title> and keywords block; the standard's
// 1,024 bytes would miss it.
const PRESCAN_BYTES = 8192;

/**
 * Decodes a fetched body. A document that declares nothing and is not valid UTF-8 is read as
 * GB18030 (the superset of GBK and GB2312), the usual undeclared encoding of a Chinese site.
 */
export function decodeBody(body: Uint8Array, contentType: string, xml = false): string {
  const header = headerCharset(contentType);
  const encoding = sniff(body, {
    xml,
    defaultEncoding: "UTF-8",
    ...(known(header) ? { transportLayerEncodingLabel: header } : {}),
    ...(xml ? {} : { maxPrescanBytes: PRESCAN_BYTES }),
  });
  if (encoding.toUpperCase() === "UTF-8") {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      // Declared or assumed UTF-8, but it is not: fall through to the Chinese default.
      return new TextDecoder("gb18030").decode(body);
    }
  }
  return new TextDecoder(encoding).decode(body);
}
