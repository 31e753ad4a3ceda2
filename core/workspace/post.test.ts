import { newPostId, plainText, POST_ID, PostInput } from './post';

describe('plainText', () => {
  it('keeps the words of headings, lists, tables, links and images, without markup or addresses', () => {
    const text = plainText(
      '# Guida *rapida*\n\n- primo `passo`\n- [secondo](https://x.example/a)\n\n| a | b |\n|---|---|\n| uno | due |\n\n![la mappa](/api/v1/posts/x/attachments/y)',
    );
    expect(text).toBe('Guida rapida\nprimo passo\nsecondo\na\nb\nuno\ndue\nla mappa');
  });

  it('leaves HTML as literal text rather than markup', () => {
    expect(plainText('ciao <script>alert(1)</script>')).toBe('ciao <script>alert(1)</script>');
  });
});

describe('PostInput', () => {
  it('refuses a body longer than 20,000 characters and a title longer than 140', () => {
    const post = { title: 't', body: 'b', category: 'guide' };
    expect(PostInput.safeParse({ ...post, body: 'x'.repeat(20_001) }).success).toBe(false);
    expect(PostInput.safeParse({ ...post, title: 'x'.repeat(141) }).success).toBe(false);
    expect(PostInput.parse({ ...post, body: 'x'.repeat(20_000) }).body).toHaveLength(20_000);
  });

  it('keeps tags lower-case, trimmed and distinct', () => {
    const input = PostInput.parse({
      title: 't',
      body: 'b',
      category: 'news',
      tags: [' PA ', 'pa'],
    });
    expect(input).toMatchObject({ tags: ['pa'], summary: '' });
  });
});

it('makes ids that sort by time and match their pattern', () => {
  const a = newPostId(new Date(1_000));
  const b = newPostId(new Date(2_000_000_000_000));
  expect(POST_ID.test(a) && POST_ID.test(b)).toBe(true);
  expect(a < b).toBe(true);
});
