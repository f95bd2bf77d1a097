import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KIOSK_CONFIG,
  loadKioskConfig,
  parseKioskConfig,
  type KioskConfig,
} from '../../src/lib/kiosk-config';
import shipped from '../../public/kiosk-config.json';

function sources(fetched: () => Promise<unknown>, lastGood?: unknown) {
  const saved: KioskConfig[] = [];
  return {
    saved,
    fetchConfig: fetched,
    readLastGood: async () => lastGood,
    saveLastGood: async (config: KioskConfig) => {
      saved.push(config);
    },
  };
}

describe('kiosk configuration', () => {
  it('the shipped file and the built-in defaults are valid', () => {
    expect(parseKioskConfig(shipped).ok).toBe(true);
    expect(parseKioskConfig(DEFAULT_KIOSK_CONFIG).ok).toBe(true);
  });

  it('loads a valid file and keeps it as the last good one', async () => {
    const custom = {
      ...DEFAULT_KIOSK_CONFIG,
      helpPointId: 'kalmar-stadsbibliotek',
      idleSeconds: 120,
    };
    const source = sources(async () => custom);
    const result = await loadKioskConfig(source);
    expect(result).toEqual({ status: 'loaded', config: custom });
    expect(source.saved).toEqual([custom]);
  });

  it('refuses a corrupt file with a clear reason and keeps the last good configuration', async () => {
    const lastGood = { ...DEFAULT_KIOSK_CONFIG, helpPointId: 'mjolby-bibliotek' };
    const source = sources(
      async () => ({ ...DEFAULT_KIOSK_CONFIG, warningSeconds: 5, helpPointId: 'Mjölby!' }),
      lastGood,
    );
    const result = await loadKioskConfig(source);
    expect(result.status).toBe('refused');
    expect(result.config.helpPointId).toBe('mjolby-bibliotek');
    expect(result.status === 'refused' && result.reason).toMatch(/warningSeconds/);
    expect(result.status === 'refused' && result.reason).toMatch(/helpPointId/);
    expect(source.saved).toEqual([]);
  });

  it('falls back to the defaults when nothing good was ever loaded', async () => {
    const result = await loadKioskConfig(sources(async () => 'not json at all', { broken: true }));
    expect(result.status).toBe('refused');
    expect(result.config).toEqual(DEFAULT_KIOSK_CONFIG);
  });

  it('works offline from the last good configuration', async () => {
    const lastGood = { ...DEFAULT_KIOSK_CONFIG, idleSeconds: 300 };
    const result = await loadKioskConfig(
      sources(async () => {
        throw new TypeError('Failed to fetch');
      }, lastGood),
    );
    expect(result).toEqual({ status: 'unreachable', config: lastGood });
  });

  it('rejects a countdown shorter than 30 seconds and a desk text without Swedish', () => {
    expect(parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, warningSeconds: 29 }).ok).toBe(false);
    expect(parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, deskLocation: { en: 'Desk' } }).ok).toBe(
      false,
    );
  });

  it('opening e-services on the kiosk is off unless switched on with a real boolean', () => {
    expect(DEFAULT_KIOSK_CONFIG.openEServiceOnKiosk).toBeUndefined();
    expect(parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, openEServiceOnKiosk: true }).ok).toBe(true);
    const wrongType = parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, openEServiceOnKiosk: 'yes' });
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) expect(wrongType.reason).toMatch(/^openEServiceOnKiosk:/);
  });

  it('takes the staff PIN only as a well-formed hash, never as the PIN itself', () => {
    const hashed = {
      algorithm: 'PBKDF2-SHA256',
      iterations: 600_000,
      salt: 'YzozIXNZEHQYcUWPgXYFMQ==',
      hash: 'KnsIxipiCIO92cHnS1/BRbeFN+xVVDEPPuPp11kpKh8=',
    };
    expect(parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, staffPin: hashed }).ok).toBe(true);
    const plain = parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, staffPin: '2580' });
    expect(plain.ok).toBe(false);
    if (!plain.ok) expect(plain.reason).toMatch(/^staffPin/);
    expect(
      parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, staffPin: { ...hashed, iterations: 1000 } }).ok,
    ).toBe(false);
  });
});
