export interface StaticServer {
  url: string;
  setRoot(root: string): void;
  close(): Promise<void>;
}
export function startStaticServer(options?: {
  root?: string;
  port?: number;
  host?: string;
  /** Send the kiosk's Content-Security-Policy (scripts/csp.mjs) with this collector origin. */
  csp?: { collectorOrigin?: string } | null;
}): Promise<StaticServer>;
export function acceptedQuality(header: string | undefined, coding: string): number;
export function cacheControlFor(pathname: string): string;
