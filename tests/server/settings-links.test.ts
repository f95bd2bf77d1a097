/**
 * The collector's help point settings carry the same local catalogue as the kiosk, so a
 * municipality can change any errand's links there too (issue 15); the collector checks them
 * with the kiosk's own schema before storing anything.
 */
import { describe, expect, it } from 'vitest';
import {
  SettingsInputError,
  validateSettings,
} from '../../server/src/settings/help-point-settings';
import { LOCAL_CATALOGUE, settingsFile } from '../support/help-point-settings';

const kalmarPage = 'https://www.kalmar.se/bygga-och-bo/bygglov';
const links = {
  bygglov: {
    eServiceUrl: kalmarPage,
    link: { kind: 'deep', verifiedAt: '2026-12-01', source: kalmarPage },
  },
};

describe('link overrides in the help point settings', () => {
  it('stores a local catalogue that changes a built-in errand’s link', () => {
    const stored = validateSettings(
      'kalmar-links',
      settingsFile('kalmar-links', {}, { localCatalogue: { ...LOCAL_CATALOGUE, links } }),
    );
    expect(stored.localCatalogue).toMatchObject({
      links: { bygglov: { eServiceUrl: kalmarPage } },
    });
  });

  it('refuses a link change for an errand nobody has, or one without a reason for home', () => {
    const refuse = (change: Record<string, unknown>) => () =>
      validateSettings(
        'kalmar-links',
        settingsFile('kalmar-links', {}, { localCatalogue: { ...LOCAL_CATALOGUE, links: change } }),
      );
    expect(refuse({ okand: { eServiceUrl: kalmarPage } })).toThrow(SettingsInputError);
    expect(refuse({ okand: { eServiceUrl: kalmarPage } })).toThrow(/links\.okand: unknown errand/);
    expect(
      refuse({
        bygglov: { link: { kind: 'home', verifiedAt: '2026-12-01', source: kalmarPage } },
      }),
    ).toThrow(/links\.bygglov\.link\.note/);
  });
});
