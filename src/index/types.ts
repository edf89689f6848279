/** A retrievable piece of an article: whole sentences, about 100–300 characters. */
export interface Passage {
  /** `<article id>#<ordinal>`: stable while the article text is unchanged. */
  id: string;
  articleId: string;
  /** 0-based position of the passage in its article. */
  ordinal: number;
  text: string;
  title: string;
  section: string | null;
  mainZone: string | null;
  zones: string[];
  byline: string | null;
  source: string;
}

/** What the index keeps of each article, for listing zones and articles. */
export interface ArticleSummary {
  id: string;
  title: string;
  byline: string | null;
  mainZone: string | null;
  zones: string[];
  source: string;
  date?: string;
  url?: string;
  passageIds: string[];
}

/** A zone and how many articles name it. */
export interface ZoneCount {
  zone: string;
  articles: number;
}

/** A passage with the score one ranking gave it (higher is better). */
export interface Hit {
  passage: Passage;
  score: number;
}

/** The retrieval seam: `(query, k) => Promise<Hit[]>`, best first. */
export type Retriever = (query: string, k: number) => Promise<Hit[]>;
