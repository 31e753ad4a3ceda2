import type { PostsService } from './posts.service';

/**
 * The demo's workspace: a guide with the Markdown a post may hold (headings, lists, a table, a
 * link), and a post whose body carries what the tab must never run — a `<script>`, a
 * `javascript:` link, an `onerror=` handler — for the tab's sanitisation check in a browser.
 */
export async function seedDemoPosts(posts: PostsService, sara: string): Promise<string[]> {
  const author = { objectId: sara, name: 'Sara', admin: true, writer: true };
  const guide = await posts.create(author, {
    title: 'Come condividere un calendario di settore',
    summary: 'I passi per prenotare sale e turni da un calendario condiviso.',
    body:
      '# Calendari condivisi\n\nUn calendario di settore evita doppie prenotazioni.\n\n' +
      '## Passi\n\n1. Apri Outlook\n2. Scegli **Condividi**\n3. Indica il gruppo del settore\n\n' +
      '| Chi | Permesso |\n|---|---|\n| Colleghe e colleghi | Lettura |\n| Referenti | Modifica |\n\n' +
      'Altre guide sul [sito Microsoft](https://support.microsoft.com/).',
    category: 'guide',
    tags: ['calendario', 'outlook'],
  });
  const sample = await posts.create(author, {
    title: 'Prova di sicurezza: codice che non deve essere eseguito',
    summary: 'Un contenuto di prova per verificare che la scheda mostri il testo senza eseguirlo.',
    body:
      'Testo normale.\n\n<script>window.oiboPwned = true</script>\n\n' +
      '[Link pericoloso](javascript:window.oiboPwned=true)\n\n' +
      '<img src="x" onerror="window.oiboPwned=true">\n\n![immagine esterna](https://example.com/x.png)',
    category: 'material',
    tags: ['sicurezza'],
  });
  for (const post of [guide, sample]) await posts.publish(author, post.value.id);
  return [guide.value.id, sample.value.id];
}
