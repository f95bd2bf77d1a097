/**
 * The kiosk's Content-Security-Policy is written once (scripts/csp.mjs): docs/deploy.md must
 * show exactly that policy, in its prose and in its nginx example, or a municipality would
 * deploy a policy the tests never ran the app under.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspDirectives, originOf } from '../../scripts/csp.mjs';

const DOC_COLLECTOR = 'https://collector.kommun.example';
const deployDoc = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');

describe('the kiosk Content-Security-Policy', () => {
  it('is the policy docs/deploy.md shows, both as text and in the nginx header', () => {
    const policy = contentSecurityPolicy({ collectorOrigin: DOC_COLLECTOR });
    expect(deployDoc).toContain(`\n${policy}\n`);
    expect(deployDoc).toContain(`add_header Content-Security-Policy "${policy}" always;`);
  });

  it('allows scripts and styles from the kiosk only, and no plugins, framing or base', () => {
    const directives = cspDirectives();
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("style-src 'self'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives).toContain("base-uri 'none'");
    expect(directives.join(';')).not.toMatch(/unsafe-(inline|eval)/);
  });

  it("names the collector by origin only, and only 'self' without one", () => {
    expect(contentSecurityPolicy({ collectorOrigin: 'https://c.example:8443/api/v1' })).toContain(
      "connect-src 'self' https://c.example:8443;",
    );
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    expect(() => originOf('data:text/plain,x')).toThrow();
  });
});
