import { screen, waitFor } from '@testing-library/react';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia } from '../../../test/fixtures';
import { guidePost } from '../../../test/post-fixtures';
import { Markdown, safeUrl } from './Markdown';

const IMAGE = '/api/v1/posts/post-guide/attachments/att-pdf';

const renderText = (text: string) => {
  const fake = fakeServer({ me: giulia });
  return { ...renderWithTeams(<Markdown text={text} />, fakeTeams(fake.apiFetch)), ...fake };
};

describe('a post rendered from Markdown', () => {
  beforeAll(() => {
    URL.createObjectURL = jest.fn(() => 'blob:image');
    URL.revokeObjectURL = jest.fn();
  });

  it('renders headings, lists, tables and safe links', async () => {
    renderText(
      [
        '## Come iniziare',
        '- uno',
        '- due',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '[Il portale](https://example.org) e [scrivici](mailto:team@example.org)',
      ].join('\n'),
    );
    expect(screen.getByRole('heading', { name: 'Come iniziare', level: 2 })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'Tabella' })).toContainElement(
      screen.getByRole('table'),
    );
    const link = screen.getByRole('link', { name: 'Il portale' });
    expect(link).toHaveAttribute('href', 'https://example.org');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'scrivici' })).toHaveAttribute(
      'href',
      'mailto:team@example.org',
    );
  });

  it('lets nothing executable through', () => {
    const { container, server } = renderText(
      [
        '<script>window.pwned = true</script>',
        '[clic](javascript:window.pwned=true)',
        '<img src=x onerror="window.pwned=true">',
        '<a href="javascript:alert(1)" onclick="alert(1)">raw</a>',
        '![remoto](https://evil.example/x.png)',
        '[dati](data:text/html;base64,PHNjcmlwdD4=)',
      ].join('\n\n'),
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    // Another site's image is not even fetched (the tab's fetch carries the caller's token).
    expect(server.calls).toEqual([]);
    for (const element of container.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name).not.toMatch(/^on/i);
        expect(attribute.value).not.toMatch(/^\s*(javascript|data):/i);
      }
    }
    expect(screen.queryByRole('link', { name: 'clic' })).not.toBeInTheDocument();
    expect(screen.getByText('clic')).toBeInTheDocument();
  });

  it("shows the post's own attachment images, fetched with the caller's credentials", async () => {
    const fake = fakeServer({ me: giulia, posts: [guidePost()] });
    renderWithTeams(<Markdown text={`![Lo schema](${IMAGE})`} />, fakeTeams(fake.apiFetch));
    await waitFor(() =>
      expect(screen.getByRole('img', { name: 'Lo schema' })).toHaveAttribute('src', 'blob:image'),
    );
    expect(fake.server.calls).toContain(`GET ${IMAGE}`);
  });

  it('keeps only web, mail and attachment URLs', () => {
    expect(safeUrl('https://example.org/a', 'href')).toBe('https://example.org/a');
    expect(safeUrl(' JavaScript:alert(1)', 'href')).toBeNull();
    expect(safeUrl('https://example.org/a.png', 'src')).toBeNull();
    expect(safeUrl(IMAGE, 'src')).toBe(IMAGE);
    expect(safeUrl('/api/v1/me', 'href')).toBeNull();
  });
});
