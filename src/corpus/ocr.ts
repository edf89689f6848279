/**
 * Scanned newspaper pages (`.png`, `.jpg`) → text through the `tesseract` binary with its
 * Simplified Chinese model, then the newspaper reader, which already repairs OCR damage (stray
 * spaces, broken lines). tesseract's automatic page segmentation reads columns in order. Without the
 * binary or the model, a page is skipped with one line naming the packages to install.
 */
import { execFile } from "node:child_process";
import { parseNewspaperPage } from "./newspaper.js";
import type { Article, CorpusProblem } from "./types.js";

/** What to install, for the one-line hint. */
export const OCR_HINT =
  "install tesseract with its Simplified Chinese model (Debian/Ubuntu: apt install tesseract-ocr tesseract-ocr-chi-sim)";

/** A large page takes tesseract 10–40 s on one core; past this it is stuck. */
const OCR_TIMEOUT_MS = 180_000;

let status: Promise<string | null> | undefined;

/** Null when tesseract with chi_sim can run here, else why not (asked once per process). */
export function ocrUnavailable(): Promise<string | null> {
  status ??= new Promise((resolve) => {
    execFile("tesseract", ["--list-langs"], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") resolve("tesseract is not installed");
      else if (!/^chi_sim$/m.test(`${stdout}\n${stderr}`)) resolve("tesseract has no chi_sim model");
      else resolve(null);
    });
  });
  return status;
}

/** Runs tesseract on an image's bytes (stdin → stdout). */
function recognise(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "tesseract",
      ["stdin", "stdout", "-l", "chi_sim", "--psm", "3", "-c", "preserve_interword_spaces=1"],
      { timeout: OCR_TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(stderr.trim().split("\n").at(-1) || error.message));
        else resolve(stdout);
      },
    );
    child.stdin?.on("error", () => {});
    child.stdin?.end(bytes);
  });
}

/** Reads the articles on a scanned page; without tesseract, none and a problem with the hint. */
export async function readImage(
  bytes: Buffer,
  path: string,
  stem: string,
): Promise<{ articles: Article[]; problems: CorpusProblem[] }> {
  const why = await ocrUnavailable();
  if (why !== null)
    return { articles: [], problems: [{ path, message: `scanned page skipped: ${why}; ${OCR_HINT}` }] };
  let text: string;
  try {
    text = await recognise(bytes);
  } catch (e) {
    return { articles: [], problems: [{ path, message: `OCR failed: ${(e as Error).message}` }] };
  }
  if (text.trim() === "")
    return { articles: [], problems: [{ path, message: "OCR found no text on the page" }] };
  return parseNewspaperPage(text, path, stem);
}
