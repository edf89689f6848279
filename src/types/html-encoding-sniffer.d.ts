// html-encoding-sniffer 7 ships no types; this is the part of its API the project calls.
declare module "html-encoding-sniffer" {
  interface SniffOptions {
    xml?: boolean;
    transportLayerEncodingLabel?: string;
    defaultEncoding?: string;
    maxPrescanBytes?: number;
  }
  /** The WHATWG encoding name of an HTML or XML byte stream (BOM, transport label, declarations). */
  export default function htmlEncodingSniffer(bytes: Uint8Array, options?: SniffOptions): string;
}
