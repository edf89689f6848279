import { describe, expect, it } from "vitest";
import { chooseInputs, distinctInputs } from "../../src/store/inputs.js";

describe("which paths an ingest reads", () => {
  it("without --input: what the index was built from, else CORPUS_DIR", () => {
    expect(chooseInputs(undefined, ["data/corpus", "my-articles"], "data/corpus")).toEqual({
      inputs: ["data/corpus", "my-articles"],
      dropped: [],
    });
    expect(chooseInputs([], null, "data/corpus")).toEqual({ inputs: ["data/corpus"], dropped: [] });
  });

  it("with --input: those, and the folders of the index they leave out as dropped", () => {
    expect(chooseInputs(["data/corpus"], ["data/corpus", "my-articles"], "x")).toEqual({
      inputs: ["data/corpus"],
      dropped: ["my-articles"],
    });
    // A file inside a folder still read is not dropped; a folder holding a former input covers it.
    expect(chooseInputs(["data"], ["data/corpus/page.txt", "other"], "x")).toEqual({
      inputs: ["data"],
      dropped: ["other"],
    });
  });

  it("reads each path once, however it is spelled, and nothing inside a folder already read", () => {
    expect(distinctInputs(["data/corpus", "./data/corpus/", "data/corpus/page.txt", "b", "b//"])).toEqual([
      "data/corpus",
      "b",
    ]);
    // A folder given after a file inside it takes the file's place.
    expect(distinctInputs(["a/one.md", "c", "a", "a/two.md"])).toEqual(["a", "c"]);
    expect(distinctInputs(["", "  ", "a"])).toEqual(["a"]);
  });
});
