export function cspDirectives(options?: { collectorOrigin?: string }): string[];
export function contentSecurityPolicy(options?: { collectorOrigin?: string }): string;
export function originOf(url: string): string;
