import { foldText, SIMILAR_CANDIDATES, SimilarTextIndex } from './text-index';

function index() {
  const ideas = new SimilarTextIndex({ fields: ['title', 'body'] as const, boost: { title: 2 } });
  ideas.upsert('1', {
    title: 'Pratiche edilizie online',
    body: 'Le pratiche si presentano ancora su carta allo sportello',
  });
  ideas.upsert('2', {
    title: 'Certificati anagrafici digitali',
    body: "L'attività di rilascio dei certificati è manuale",
  });
  ideas.upsert('3', {
    title: 'Online booking for procedures',
    body: 'Citizens queue at the desk to book appointments',
  });
  return ideas;
}

describe('TextIndex', () => {
  it('folds accents and case', () => {
    expect(foldText('Attività È')).toBe('attivita e');
  });

  it('finds Italian words by their stem, without accents', () => {
    const ideas = index();
    expect(ideas.search('pratica').map((h) => h.id)).toEqual(['1']);
    expect(ideas.search('attivita certificato').map((h) => h.id)).toEqual(['2']);
  });

  it('finds English words by their stem, and the last word as a prefix', () => {
    const ideas = index();
    expect(ideas.search('procedure').map((h) => h.id)).toEqual(['3']);
    expect(ideas.search('appoint').map((h) => h.id)).toEqual(['3']);
  });

  it('ignores stop words only', () => {
    expect(index().search('della the')).toEqual([]);
  });

  it('ranks similar documents, at least two shared words', () => {
    const ideas = index();
    const similar = ideas.similar('Presentare le pratiche edilizie online senza carta', 5);
    expect(similar.map((h) => h.id)).toEqual(['1']);
    expect(ideas.similar('certificati', 5).map((h) => h.id)).toEqual(['2']);
    expect(ideas.similar('online sportello', 5).map((h) => h.id)).toEqual(['1']);
  });

  it('scores a bounded number of candidates, found by the rarest words, whatever the size', () => {
    const ideas = index();
    for (let i = 0; i < 5 * SIMILAR_CANDIDATES; i++) {
      ideas.upsert(`c${i}`, { title: 'Sportello online', body: 'Prenotazioni allo sportello' });
    }
    ideas.upsert('rare', { title: 'Sportello online', body: 'Toponomastica e numerazione civica' });
    let scored = 0;
    const similar = ideas.similar('Sportello online per la toponomastica', 3, () => {
      scored++;
      return true;
    });
    expect(similar[0]!.id).toBe('rare');
    expect(scored).toBeLessThanOrEqual(SIMILAR_CANDIDATES);
    // A removed document is no candidate any more.
    ideas.remove('rare');
    expect(ideas.similar('toponomastica civica', 3)).toEqual([]);
  });

  it('replaces and removes documents', () => {
    const ideas = index();
    ideas.upsert('1', { title: 'Mensa scolastica', body: 'Iscrizioni alla mensa' });
    expect(ideas.search('pratiche')).toEqual([]);
    expect(ideas.search('mensa').map((h) => h.id)).toEqual(['1']);
    ideas.remove('1');
    expect(ideas.search('mensa')).toEqual([]);
    expect(ideas.size).toBe(2);
  });

  it('keeps a search until the next change, however it is narrowed', () => {
    const ideas = index();
    expect(ideas.search('Pratiche').map((h) => h.id)).toEqual(['1']);
    expect(ideas.search('pratiche', (id) => id !== '1')).toEqual([]);
    ideas.upsert('4', { title: 'Pratiche di cantiere', body: 'Sopralluoghi' });
    expect(
      ideas
        .search('pratiche')
        .map((h) => h.id)
        .sort(),
    ).toEqual(['1', '4']);
    ideas.remove('4');
    expect(ideas.search('pratiche').map((h) => h.id)).toEqual(['1']);
  });

  it('narrows the hits', () => {
    expect(
      index()
        .search('online', (id) => id !== '1')
        .map((h) => h.id),
    ).toEqual(['3']);
  });
});
