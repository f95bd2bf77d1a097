/**
 * A help point's settings: the form over the kiosk config, local errands and lessons (upload,
 * checked and previewed), publishing a new version, the version history with rollback, and the
 * staff PIN (set only; the collector never returns it).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../components/ScrollRegion';
import { request } from '../api';
import type { HelpPointSettings, Me } from '../api-types';
import { HelpPointSelect } from '../components/Filters';
import { useLoad } from '../use-load';
import { SettingsForm } from '../components/SettingsForm';

/** Before a help point's first version: an empty form (the collector checks every field). */
const EMPTY = { version: 0, config: {}, localCatalogue: null, localLessons: null, pinSet: false };

export function SettingsScreen({ me }: { me: Me }) {
  const { t } = useTranslation('dashboard');
  const [helpPoint, setHelpPoint] = useState<string | undefined>(me.helpPoints[0]?.id);
  const path = helpPoint ? `/help-points/${encodeURIComponent(helpPoint)}/settings` : null;
  const [load, reload] = useLoad<HelpPointSettings>(path);
  const [message, setMessage] = useState('');
  const readOnly = me.account.role === 'viewer';

  const run = async (method: string, subPath: string, body: unknown, done: string) => {
    if (!path || !helpPoint) return;
    // The PIN has its own route beside the settings (contract D).
    const target =
      subPath === '/pin'
        ? `/help-points/${encodeURIComponent(helpPoint)}/pin`
        : `${path}${subPath}`;
    try {
      await request(method, target, body);
      setMessage(done);
      reload();
    } catch (error) {
      const field = (error as { field?: string }).field;
      setMessage(
        t('settings.refused', {
          message: error instanceof Error ? error.message : '',
          field: field ?? '–',
        }),
      );
    }
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('settings.title')}</h1>
      <HelpPointSelect
        me={me}
        label={t('filters.helpPoint')}
        value={helpPoint}
        onChange={setHelpPoint}
        required
      />
      <p role="status" className="message">
        {message}
      </p>
      {load.state === 'error' && (
        <p className="error">{t('error.load', { message: load.message })}</p>
      )}
      {load.state === 'ok' && (
        <>
          <SettingsForm
            key={load.data.current?.version ?? 0}
            current={load.data.current ?? EMPTY}
            readOnly={readOnly}
            onPublish={(body) => void run('PUT', '', body, t('settings.published'))}
          />
          {!readOnly && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const form = event.currentTarget;
                const pin = String(new FormData(form).get('pin') ?? '');
                form.reset();
                void run('PUT', '/pin', { pin }, t('settings.pinSet'));
              }}
            >
              <h2>{t('settings.pin.title')}</h2>
              {load.data.current?.pinSet && <p className="help">{t('settings.pin.isSet')}</p>}
              <label>
                {t('settings.pin.label')}
                <input
                  name="pin"
                  type="password"
                  inputMode="numeric"
                  autoComplete="new-password"
                  pattern="\d{4,12}"
                  required
                />
              </label>
              <button type="submit">{t('settings.pin.set')}</button>
            </form>
          )}
          <h2>{t('settings.versions.title')}</h2>
          <ScrollRegion label={t('settings.versions.title')}>
            <table>
              <caption>{t('settings.versions.caption')}</caption>
              <thead>
                <tr>
                  {['version', 'by', 'at', 'devices', 'action'].map((column) => (
                    <th key={column} scope="col">
                      {t(`settings.versions.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {load.data.versions.map((version) => (
                  <tr key={version.version}>
                    <th scope="row">{version.version}</th>
                    <td>{version.publishedBy ?? '–'}</td>
                    <td>{new Date(version.publishedAt).toLocaleString()}</td>
                    <td>
                      {version.appliedBy.length === 0
                        ? '0'
                        : version.appliedBy.map((device) => device.name ?? device.id).join(', ')}
                    </td>
                    <td>
                      {!readOnly && version.version !== load.data.current?.version && (
                        <button
                          type="button"
                          onClick={() =>
                            void run(
                              'POST',
                              '/rollback',
                              { version: version.version },
                              t('settings.rolledBack', { version: version.version }),
                            )
                          }
                        >
                          {t('settings.versions.rollback', { version: version.version })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
