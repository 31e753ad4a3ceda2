import type { TokenCredential } from '@azure/core-auth';
import {
  BlobSASPermissions,
  BlobServiceClient,
  SASProtocol,
  type ContainerClient,
  type UserDelegationKey,
} from '@azure/storage-blob';
import { statusOf } from './errors';
import type { StoreTarget } from './table-store';

/**
 * One storage account's blobs: locally Azurite's Blob service through its connection string
 * (account key), in Azure the account's endpoint with the app's managed identity (no keys).
 */
export type BlobTarget =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'endpoint'; endpoint: string; credential: TokenCredential };

export interface StoredBlob {
  data: Buffer;
  contentType: string;
}

/** Container names: 3–63 lowercase letters, digits and single hyphens, starting alphanumeric. */
const CONTAINER_NAME = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/;
/** Blob names the app generates: path segments of letters, digits, `.`, `_` and `-`. */
const BLOB_NAME = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
/** A user delegation key lives at most 7 days: one is asked for that long, renewed when a link would outlive it. */
const DELEGATION_KEY_MS = 7 * 24 * 3_600_000;
const DELEGATION_KEY_MARGIN_MS = 3_600_000;
/** The longest a read link lasts. */
export const MAX_READ_LINK_MS = DELEGATION_KEY_MS - DELEGATION_KEY_MARGIN_MS;
/** Clocks of the storage service and the app may differ: a link is valid from a little earlier. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The app's one way to keep files (images of the logo contest; the workspaces' attachments
 * next): upload a file under a name the app generated, read it back to serve it through the
 * app, delete it, and hand out a read-only link valid for minutes to hours for whoever cannot
 * sign in (Teams fetching a card's image). `prefix` namespaces every container, as
 * {@link TableStore}'s does tables (tests; side-by-side environments).
 */
export class BlobStore {
  private client: BlobServiceClient | undefined;
  private delegationKey: Promise<UserDelegationKey> | undefined;
  private delegationKeyExpires = 0;

  constructor(
    private readonly target: BlobTarget,
    private readonly prefix = '',
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Made on first use: a tables-only connection string (some tests' stores) names no blobs. */
  private get service(): BlobServiceClient {
    this.client ??=
      this.target.kind === 'connectionString'
        ? BlobServiceClient.fromConnectionString(this.target.connectionString)
        : new BlobServiceClient(this.target.endpoint, this.target.credential);
    return this.client;
  }

  /** Creates the containers that do not exist yet (private: no anonymous access); safe on every start. */
  async ensureContainers(containers: readonly string[]): Promise<void> {
    await Promise.all(containers.map((name) => this.container(name).createIfNotExists()));
  }

  async deleteContainers(containers: readonly string[]): Promise<void> {
    await Promise.all(containers.map((name) => this.container(name).deleteIfExists()));
  }

  /** Writes `data` as `name` with its content type, replacing nothing: a name is used once. */
  async put(container: string, name: string, data: Buffer, contentType: string): Promise<void> {
    await this.container(container)
      .getBlockBlobClient(blobName(name))
      .uploadData(data, {
        blobHTTPHeaders: { blobContentType: contentType },
        conditions: { ifNoneMatch: '*' },
      });
  }

  /** The blob and its content type, or undefined when there is none of that name. */
  async get(container: string, name: string): Promise<StoredBlob | undefined> {
    const blob = this.container(container).getBlobClient(blobName(name));
    try {
      const [data, properties] = await Promise.all([blob.downloadToBuffer(), blob.getProperties()]);
      return { data, contentType: properties.contentType ?? 'application/octet-stream' };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** Deletes the blobs that exist of `names`; the others are already gone. */
  async delete(container: string, names: readonly string[]): Promise<void> {
    const client = this.container(container);
    await Promise.all(names.map((name) => client.getBlobClient(blobName(name)).deleteIfExists()));
  }

  /**
   * A link that lets anyone read this one blob, and nothing else, until `ttlMs` from now. In
   * Azure it is signed with a user delegation key the managed identity obtains (no account key
   * exists); locally with Azurite's development key (Azurite signs user delegation only over
   * HTTPS with OAuth). Over HTTPS only, wherever the endpoint is HTTPS.
   */
  async readLink(container: string, name: string, ttlMs: number): Promise<string> {
    const blob = this.container(container).getBlobClient(blobName(name));
    const now = this.now().getTime();
    const options = {
      permissions: BlobSASPermissions.parse('r'),
      startsOn: new Date(now - CLOCK_SKEW_MS),
      expiresOn: new Date(now + ttlMs),
      ...(blob.url.startsWith('https:') ? { protocol: SASProtocol.Https } : {}),
    };
    if (ttlMs > MAX_READ_LINK_MS) throw new RangeError('a read link lasts less than 7 days');
    if (this.target.kind === 'connectionString') return blob.generateSasUrl(options);
    const key = await this.userDelegationKey(now, now + ttlMs);
    return blob.generateUserDelegationSasUrl(options, key);
  }

  /** A key valid until at least `until` (one key serves every link for days). */
  private userDelegationKey(now: number, until: number): Promise<UserDelegationKey> {
    if (!this.delegationKey || until > this.delegationKeyExpires - DELEGATION_KEY_MARGIN_MS) {
      const expires = now + DELEGATION_KEY_MS;
      this.delegationKeyExpires = expires;
      this.delegationKey = this.service
        .getUserDelegationKey(new Date(now - CLOCK_SKEW_MS), new Date(expires))
        .catch((error: unknown) => {
          this.delegationKey = undefined;
          throw error;
        });
    }
    return this.delegationKey;
  }

  private container(name: string): ContainerClient {
    const full = `${this.prefix}${name}`.toLowerCase();
    if (!CONTAINER_NAME.test(full)) throw new Error(`Invalid container name "${full}"`);
    return this.service.getContainerClient(full);
  }
}

/**
 * The blobs of the storage account whose tables `target` names: one account holds both. Its
 * connection string names both services (Azurite's; Azure's by account and suffix); its table
 * endpoint `https://<account>.table.<suffix>` gives the blob endpoint `https://<account>.blob.<suffix>`.
 */
export function blobTargetOf(target: StoreTarget): BlobTarget {
  if (target.kind === 'connectionString') return target;
  const url = new URL(target.endpoint);
  const [account, service, ...suffix] = url.hostname.split('.');
  if (service !== 'table' || !account || suffix.length === 0) {
    throw new Error(`${target.endpoint} is not a storage account's table endpoint`);
  }
  return {
    kind: 'endpoint',
    endpoint: `https://${[account, 'blob', ...suffix].join('.')}`,
    credential: target.credential,
  };
}

function blobName(name: string): string {
  if (!BLOB_NAME.test(name) || name.length > 1024 || name.split('/').includes('..')) {
    throw new Error('Invalid blob name');
  }
  return name;
}
