import type { TokenCredential } from '@azure/core-auth';
import { TableClient } from '@azure/data-tables';

export type StoreTarget =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'endpoint'; endpoint: string; credential: TokenCredential };

/** Azure table names: 3–63 alphanumerics, starting with a letter. */
const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{2,62}$/;

/**
 * Hands out table clients for one storage account. `prefix` namespaces every table, so tests
 * (and side-by-side environments) can share one account without seeing each other's rows.
 */
export class TableStore {
  private readonly clients = new Map<string, TableClient>();

  constructor(
    readonly target: StoreTarget,
    readonly prefix = '',
  ) {}

  client(table: string): TableClient {
    const name = this.tableName(table);
    let client = this.clients.get(name);
    if (!client) {
      client =
        this.target.kind === 'connectionString'
          ? TableClient.fromConnectionString(this.target.connectionString, name, {
              allowInsecureConnection: isLoopback(this.target.connectionString),
            })
          : new TableClient(this.target.endpoint, name, this.target.credential);
      this.clients.set(name, client);
    }
    return client;
  }

  /** Creates the tables that do not exist yet; safe to run on every start. */
  async ensureTables(tables: readonly string[]): Promise<void> {
    // createTable treats 409 "already exists" as success, the one error worth swallowing.
    await Promise.all(tables.map((table) => this.client(table).createTable()));
  }

  async deleteTables(tables: readonly string[]): Promise<void> {
    await Promise.all(tables.map((table) => this.client(table).deleteTable()));
  }

  private tableName(table: string): string {
    const name = `${this.prefix}${table}`;
    if (!TABLE_NAME.test(name)) throw new Error(`Invalid table name "${name}"`);
    return name;
  }
}

function isLoopback(connectionString: string): boolean {
  if (/UseDevelopmentStorage=true/i.test(connectionString)) return true;
  const endpoint = /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  if (!endpoint) return false;
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}
