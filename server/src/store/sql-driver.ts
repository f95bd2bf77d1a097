/**
 * The little that differs between PGlite and postgres.js: how to send SQL. Everything else
 * (the statements themselves) lives in the sql-*-store.ts files and migrator.ts, written once.
 */
export interface SqlRunner {
  /** One statement with $1… parameters; rows come back as plain objects. */
  query<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migration files). */
  exec(text: string): Promise<void>;
}

export interface SqlDriver extends SqlRunner {
  /** Runs fn in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** For logs and errors only: "pglite:<dir>" or "postgres:<host>/<db>". */
  readonly description: string;
}
