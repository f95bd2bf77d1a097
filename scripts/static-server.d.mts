export interface StaticServer {
  url: string;
  setRoot(root: string): void;
  close(): Promise<void>;
}
export function startStaticServer(options?: {
  root?: string;
  port?: number;
  host?: string;
}): Promise<StaticServer>;
