export const DEFAULT_CHROMIUM: string;
export const INSTALL_COMMAND: string;
export type ChromiumDecision =
  { action: 'ready' } | { action: 'install' } | { action: 'stop'; message: string };
export function decideChromium(seen: {
  chromiumPath: string;
  customPath: boolean;
  exists: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}): ChromiumDecision;
export interface ChromiumProbes {
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  isRoot(): boolean;
  hasCommand(command: string): boolean;
  run(command: string, args: string[]): number | null;
  log(line: string): void;
  error(line: string): void;
}
export function systemProbes(env?: Record<string, string | undefined>): ChromiumProbes;
export function ensureChromium(probes?: ChromiumProbes): boolean;
