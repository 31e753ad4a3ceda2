import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as italianStem } from '@orama/stemmers/italian';
import MiniSearch, { type Query } from 'minisearch';

// Words too common to tell documents apart, Italian and English, compared without accents.
const STOPWORDS = new Set(
  (
    'a ad al alla alle allo agli ai anche che chi ci con come da dal dalla dalle dai degli dei del ' +
    'della delle dello di e ed gli ha hanno i il in io la le lo loro ma mi ne nei nel nella nelle ' +
    'non o per piu poi quando quale quali questa questo se si sia sono su sua sue sui sul sulla ' +
    'suo tra tu un una uno e gia essere fare viene vengono cosi dove dell all nell sull quell ' +
    'an and are as at be by for from has have in is it its of on or that the their this to was ' +
    'were will with we our you your they not can'
  ).split(' '),
);

/** MiniSearch's own word splitting (spaces and punctuation), as it splits documents. */
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Lower case, without accents or other combining marks: «Attività» and «attivita» are one word. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * One word as the index keeps it: folded, stop words dropped, stemmed in Italian and in English
 * (both stems are kept, so «pratiche» finds «pratica» and «procedures» finds «procedure» whichever
 * language a text is in). Numbers are kept as they are.
 */
export function indexTerms(word: string): string[] {
  let terms = termsOf.get(word);
  if (!terms) {
    if (termsOf.size >= WORDS_KEPT) termsOf.clear();
    terms = analyse(word);
    termsOf.set(word, terms);
  }
  return terms;
}

/**
 * Words already analysed → their terms (shared arrays: never changed by a caller). A text repeats
 * its words and a collection its vocabulary, so each word is folded and stemmed once: loading
 * thousands of documents after a restart costs their indexing, not millions of stemmings.
 */
const WORDS_KEPT = 100_000;
const termsOf = new Map<string, string[]>();

function analyse(word: string): string[] {
  const folded = foldText(word);
  if (folded.length < 2 || STOPWORDS.has(folded)) return [];
  if (/^\d+$/.test(folded)) return [folded];
  const stems = new Set([italianStem(folded), englishStem(folded)]);
  return [...stems].filter((stem) => stem.length > 0);
}

export interface TextHit {
  id: string;
  score: number;
  /** How many distinct words of the query the document matched. */
  matched: number;
}

/** How many searches' ranked hits an index keeps until its next change. */
const SEARCHES_KEPT = 256;
/** At most this many documents are scored for {@link SimilarTextIndex.similar}, whatever the size. */
export const SIMILAR_CANDIDATES = 400;
/** At most this many of a text's words (its rarest) are compared. */
export const SIMILAR_WORDS = 16;

/** A document's distinct stems, per field (for {@link SimilarTextIndex.similar}). */
interface Analysed {
  short: number;
  stems: string[][];
}

export interface TextIndexOptions<F extends string> {
  fields: readonly F[];
  /** How much more a match in a field counts (default 1). */
  boost?: Partial<Record<F, number>>;
}

/**
 * A full-text index in memory (MiniSearch, BM25 ranking) for Italian and English text: stemmed,
 * accent-insensitive, stop words dropped. A general module: a feature keeps one per collection,
 * fed from its store (`upsert` on every change it sees, `remove` when a document goes), so the
 * index is a cache that can always be rebuilt from the rows. {@link SimilarTextIndex} adds
 * "similar documents" for a collection that needs them (at about twice the memory).
 */
export class TextIndex<F extends string> {
  private readonly index: MiniSearch<Record<string, string>>;
  protected readonly fields: readonly F[];
  /** Ranked hits of the latest searches, by their words, until the next change (least recent out). */
  private readonly searches = new Map<string, TextHit[]>();

  constructor(options: TextIndexOptions<F>) {
    this.fields = options.fields;
    this.index = new MiniSearch<Record<string, string>>({
      idField: 'id',
      fields: [...options.fields],
      processTerm: (term) => indexTerms(term),
      searchOptions: { boost: (options.boost ?? {}) as Record<string, number> },
    });
  }

  get size(): number {
    return this.index.documentCount;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** Adds the document, or replaces the one indexed under `id`. */
  upsert(id: string, fields: Record<F, string>): void {
    this.remove(id);
    const document: Record<string, string> = { id };
    for (const field of this.fields) document[field] = fields[field];
    this.index.add(document);
  }

  remove(id: string): void {
    this.searches.clear();
    if (this.index.has(id)) this.index.discard(id);
  }

  /**
   * Browse: documents matching every word of `query` (by any of its stems; the last word also as
   * a prefix, as people type), best first; `accept` narrows the hits. The ranked hits of a search
   * are kept until the index changes, so a repeated search (people search the same things, and
   * documents change far less often than they are searched) costs its filtering only.
   */
  search(query: string, accept?: (id: string) => boolean): TextHit[] {
    const words = this.wordStems(query);
    if (words.length === 0) return [];
    const key = JSON.stringify(words);
    let hits = this.searches.get(key);
    if (hits) {
      this.searches.delete(key);
    } else {
      const last = words.length - 1;
      hits = this.run(
        {
          combineWith: 'AND',
          queries: words.map((stems, i) => ({
            combineWith: 'OR',
            prefix: i === last,
            queries: stems,
          })),
        },
        words,
      );
      if (this.searches.size >= SEARCHES_KEPT) {
        this.searches.delete(this.searches.keys().next().value!);
      }
    }
    this.searches.set(key, hits);
    return accept ? hits.filter((hit) => accept(hit.id)) : [...hits];
  }

  /** A text's index terms, every occurrence. */
  protected stemsOf(text: string): string[] {
    return tokenize(text).flatMap((token) => indexTerms(token));
  }

  /** The text's distinct words, each as its stems. */
  protected wordStems(text: string): string[][] {
    const seen = new Set<string>();
    const words: string[][] = [];
    for (const token of tokenize(text)) {
      const stems = indexTerms(token);
      if (stems.length === 0 || stems.every((stem) => seen.has(stem))) continue;
      stems.forEach((stem) => seen.add(stem));
      words.push(stems);
    }
    return words;
  }

  private run(query: Query, words: string[][]): TextHit[] {
    const wordOf = new Map(words.flatMap((stems, i) => stems.map((stem) => [stem, i] as const)));
    return this.index
      .search(query, {
        // The query holds stems already.
        processTerm: (term) => term,
      })
      .map((result) => ({
        id: String(result.id),
        score: result.score,
        matched: new Set(result.queryTerms.map((term) => wordOf.get(term) ?? term)).size,
      }));
  }
}

/**
 * A {@link TextIndex} that also finds documents similar to a text (a draft idea's duplicates):
 * beside MiniSearch, each field's stems → documents and each stem's document frequency, so the
 * cost of {@link similar} does not grow with the collection.
 */
export class SimilarTextIndex<F extends string> extends TextIndex<F> {
  private readonly boosts: number[];
  private readonly analysed = new Map<string, Analysed>();
  private readonly ids = new Map<number, string>();
  private readonly postings: Map<string, Set<number>>[];
  private readonly frequency = new Map<string, number>();
  private nextShort = 0;

  constructor(options: TextIndexOptions<F>) {
    super(options);
    const boost: Partial<Record<F, number>> = options.boost ?? {};
    this.boosts = options.fields.map((field) => boost[field] ?? 1);
    this.postings = options.fields.map(() => new Map<string, Set<number>>());
  }

  override upsert(id: string, fields: Record<F, string>): void {
    super.upsert(id, fields);
    const short = this.nextShort++;
    const stems = this.fields.map((field) => [...new Set(this.stemsOf(fields[field]))]);
    this.analysed.set(id, { short, stems });
    this.ids.set(short, id);
    stems.forEach((list, f) => {
      for (const stem of list) {
        let documents = this.postings[f]!.get(stem);
        if (!documents) this.postings[f]!.set(stem, (documents = new Set()));
        documents.add(short);
      }
    });
    for (const stem of new Set(stems.flat())) {
      this.frequency.set(stem, (this.frequency.get(stem) ?? 0) + 1);
    }
  }

  override remove(id: string): void {
    super.remove(id);
    const known = this.analysed.get(id);
    if (!known) return;
    this.analysed.delete(id);
    this.ids.delete(known.short);
    known.stems.forEach((list, f) => {
      for (const stem of list) {
        const documents = this.postings[f]!.get(stem)!;
        documents.delete(known.short);
        if (documents.size === 0) this.postings[f]!.delete(stem);
      }
    });
    for (const stem of new Set(known.stems.flat())) {
      const left = this.frequency.get(stem)! - 1;
      if (left === 0) this.frequency.delete(stem);
      else this.frequency.set(stem, left);
    }
  }

  /**
   * Similar documents to a text (a draft's title and problem), best first. A document must share
   * at least two of the text's distinct words (one when the text has only one), so a single
   * common word does not make two ideas "similar". Bounded whatever the collection's size: only
   * the text's {@link SIMILAR_WORDS} rarest words count, the candidates are the documents having
   * the rarest of them (at most {@link SIMILAR_CANDIDATES}), and each candidate scores, per word
   * it shares, the word's rarity (BM25's idf) times the highest boost of the fields holding it.
   */
  similar(text: string, limit: number, accept?: (id: string) => boolean): TextHit[] {
    const total = this.analysed.size;
    const all = this.wordStems(text);
    const words = all
      .map((stems) => {
        const df = Math.max(...stems.map((stem) => this.frequency.get(stem) ?? 0));
        return { stems, df, idf: Math.log(1 + (total - df + 0.5) / (df + 0.5)) };
      })
      .filter((word) => word.df > 0)
      .sort((a, b) => a.df - b.df)
      .slice(0, SIMILAR_WORDS);
    if (words.length === 0) return [];
    const needed = Math.min(2, all.length);
    const candidates = new Set<number>();
    gather: for (const word of words) {
      for (const stem of word.stems) {
        for (const documents of this.postings) {
          for (const short of documents.get(stem) ?? []) {
            candidates.add(short);
            if (candidates.size >= SIMILAR_CANDIDATES) break gather;
          }
        }
      }
    }
    const hits: TextHit[] = [];
    for (const short of candidates) {
      const id = this.ids.get(short)!;
      if (accept && !accept(id)) continue;
      let score = 0;
      let matched = 0;
      for (const word of words) {
        let boost = 0;
        this.postings.forEach((documents, f) => {
          if (word.stems.some((stem) => documents.get(stem)?.has(short))) {
            boost = Math.max(boost, this.boosts[f]!);
          }
        });
        if (boost > 0) {
          score += word.idf * boost;
          matched++;
        }
      }
      if (matched >= needed) hits.push({ id, score, matched });
    }
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
