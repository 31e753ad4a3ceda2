import { seededRandom } from '../core/util/random';

/** Words of a city administration's posts, placed through the vocabulary from common to rare. */
const KNOWN = (
  'documenti servizi guida procedura digitale ufficio pratiche modulo calendario riunioni ' +
  'formazione sportello protocollo firma cittadini richiesta dati archivio fascicolo online ' +
  'prenotazione competenze laboratorio webinar presentazione intranet notifiche segnalazioni ' +
  'anagrafe tributi biblioteca cultura mobilità turni presenze ferie condiviso videoconferenza ' +
  'modulistica cruscotto statistiche facilitatori materiale evento aperti pagamenti scadenze ' +
  'permessi contratti fatture appalti bilancio delibera determina accesso trasparenza privacy ' +
  'sicurezza password backup stampante scanner cartella condivisione sharepoint planner ' +
  'compiti bacheca manuale tutorial video domande risposte assistenza ticket incidente ' +
  'rete wifi telefono centralino posta certificata conservazione'
).split(' ');
/** The vocabulary's size: synthetic words fill the ranks between the known ones. */
const VOCABULARY = 8_000;
const FIRST_KNOWN_RANK = 8;
const KNOWN_EVERY = 25;
const SYLLABLES = 'ra to ci ne pa sti mo le gri va zio del ser con pro ta ri fi lu men'.split(' ');

/**
 * Text with the word frequencies of real prose (Zipf: the r-th most common word is used about
 * 1/r as often as the first): a common word is in nearly every post of 300 words, a rare one in
 * a few. {@link KNOWN} words sit at ranks 8, 33, 58, …, so a search for one of them finds from
 * nearly all posts down to about one in fifty, as in a real collection.
 */
export class Corpus {
  readonly words: string[] = [];
  private readonly cumulative: number[] = [];
  private readonly next: () => number;

  constructor(seed: number) {
    const shape = seededRandom(4_242);
    for (let rank = 0, known = 0; rank < VOCABULARY; rank++) {
      const isKnown =
        rank >= FIRST_KNOWN_RANK &&
        (rank - FIRST_KNOWN_RANK) % KNOWN_EVERY === 0 &&
        known < KNOWN.length;
      this.words.push(
        isKnown
          ? KNOWN[known++]!
          : Array.from(
              { length: 2 + Math.floor(shape() * 3) },
              () => SYLLABLES[Math.floor(shape() * SYLLABLES.length)]!,
            ).join(''),
      );
    }
    let sum = 0;
    for (let rank = 1; rank <= VOCABULARY; rank++) this.cumulative.push((sum += 1 / rank));
    this.next = seededRandom(seed);
  }

  /** One word, drawn by its frequency. */
  word(): string {
    const x = this.next() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle]! < x) low = middle + 1;
      else high = middle;
    }
    return this.words[low]!;
  }

  phrase(words: number): string {
    return Array.from({ length: words }, () => this.word()).join(' ');
  }

  /**
   * What people search: each known word, some in another form of the word (found by its stem),
   * and pairs of a common and a rarer one.
   */
  static queries(): string[] {
    const forms: Record<string, string> = {
      riunioni: 'riunione',
      firma: 'firmare',
      prenotazione: 'prenotazioni',
      laboratorio: 'laboratori',
      pratiche: 'pratica',
      documenti: 'documento',
    };
    const single = KNOWN.map((word) => forms[word] ?? word);
    const pairs = KNOWN.slice(0, 40).map((word, i) => `${word} ${KNOWN[(i * 7 + 11) % 80]!}`);
    return [...single, ...pairs];
  }
}
