import { Link } from '@fluentui/react-components';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { useI18n } from '../../i18n/i18n';
import { useApiImage } from '../../hooks/use-api-image';
import { useMarkdownStyles } from './Markdown.styles';

/** The app's own attachment route: the only images, and the only relative links, rendered. */
const ATTACHMENT = /^\/api\/v1\/posts\/[^/?#]+\/attachments\/[^/?#]+$/;
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/**
 * What a URL of a post may be: links to the web, mail and the post's attachments; images only
 * from the attachments. Anything else (`javascript:`, `data:`, other sites' images) is dropped.
 */
export function safeUrl(url: string, key: string): string | null {
  const trimmed = url.trim();
  if (ATTACHMENT.test(trimmed)) return trimmed;
  return key === 'href' && SAFE_LINK.test(trimmed) ? trimmed : null;
}

/** An attachment image, fetched with the caller's credentials (an `<img>` cannot send them). */
function AttachmentImage({ src, alt }: { src: string; alt: string }) {
  const styles = useMarkdownStyles();
  const url = useApiImage(src);
  return url ? (
    <img src={url} alt={alt} />
  ) : (
    <span role="img" aria-label={alt} className={styles.missingImage}>
      {alt}
    </span>
  );
}

function useComponents(): Components {
  const { t } = useI18n();
  const styles = useMarkdownStyles();
  return {
    a: ({ href, children }) =>
      href ? (
        <Link href={href} inline target="_blank" rel="noopener noreferrer">
          {children}
        </Link>
      ) : (
        <span>{children}</span>
      ),
    img: ({ src, alt }) =>
      typeof src === 'string' && src ? (
        <AttachmentImage src={src} alt={alt ?? ''} />
      ) : (
        <span className={styles.missingImage}>{alt}</span>
      ),
    table: ({ children }) => (
      <div
        className={styles.tableRegion}
        role="region"
        aria-label={t('workspace.markdown.table')}
        tabIndex={0}
      >
        <table>{children}</table>
      </div>
    ),
  };
}

/**
 * A post's Markdown as React elements (GitHub-flavoured: tables, task lists, autolinks), never as
 * HTML: raw HTML in the text is not interpreted, the tree is sanitised with GitHub's schema (no
 * script, no event handlers) and every URL passes {@link safeUrl}. Links open in a new window
 * without access to this one.
 */
export function Markdown({ text }: { text: string }) {
  const styles = useMarkdownStyles();
  const components = useComponents();
  return (
    <div className={styles.root}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize]}
        urlTransform={safeUrl}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
