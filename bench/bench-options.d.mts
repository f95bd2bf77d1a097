export const SMOKE: boolean;
export function size<T>(full: T, smoke: T): T;
export function numberOption(name: string, fallback: number): number;
export const DEMO_STAFF_PIN: string;
export function buildApp(outDir?: string): string;
