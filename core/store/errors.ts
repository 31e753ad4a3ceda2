/** The entity changed since it was read (HTTP 412): re-read and retry. */
export class ConcurrencyError extends Error {
  constructor(
    readonly table: string,
    readonly partitionKey: string,
    readonly rowKey: string,
  ) {
    super(`Entity in ${table} changed since it was read`);
    this.name = 'ConcurrencyError';
  }
}

/** An entity with the same keys already exists (HTTP 409 on insert). */
export class AlreadyExistsError extends Error {
  constructor(
    readonly table: string,
    readonly partitionKey: string,
    readonly rowKey: string,
  ) {
    super(`Entity already exists in ${table}`);
    this.name = 'AlreadyExistsError';
  }
}

export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const code = error.statusCode;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}
