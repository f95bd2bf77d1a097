/** The fleet: every device with its warnings (always as text), rename, revoke, enroll with QR. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../components/ScrollRegion';
import { request } from '../api';
import type { DeviceInfo, Enrollment, Me } from '../api-types';
import { HelpPointSelect } from '../components/Filters';
import { useLoad } from '../use-load';

export function DevicesScreen({ me }: { me: Me }) {
  const { t } = useTranslation('dashboard');
  const [load, reload] = useLoad<{ devices: DeviceInfo[] } | DeviceInfo[]>('/devices');
  const [message, setMessage] = useState('');
  const readOnly = me.account.role === 'viewer';
  const devices =
    load.state === 'ok' ? (Array.isArray(load.data) ? load.data : load.data.devices) : [];
  const nameOf = (id: string) => me.helpPoints.find((h) => h.id === id)?.name ?? id;

  const act = async (path: string, body: unknown, done: string) => {
    try {
      await request('POST', path, body);
      setMessage(done);
      reload();
    } catch (error) {
      setMessage(t('error.action', { message: error instanceof Error ? error.message : '' }));
    }
  };

  const rename = (device: DeviceInfo) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    void act(`/devices/${encodeURIComponent(device.id)}/name`, { name }, t('devices.renamed'));
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('devices.title')}</h1>
      <p role="status">{message}</p>
      {load.state === 'error' && (
        <p className="error">{t('error.load', { message: load.message })}</p>
      )}
      <ScrollRegion label={t('devices.title')}>
        <table>
          <caption>{t('devices.caption')}</caption>
          <thead>
            <tr>
              {[
                'name',
                'helpPoint',
                'role',
                'lastSeen',
                'version',
                'queue',
                'warnings',
                'actions',
              ].map((column) => (
                <th key={column} scope="col">
                  {t(`devices.column.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id} data-device={device.id}>
                <th scope="row">{device.name ?? device.id}</th>
                <td>{nameOf(device.helpPointId)}</td>
                <td>{t(`devices.role.${device.role}`)}</td>
                <td>
                  {device.lastSeenAt
                    ? new Date(device.lastSeenAt).toLocaleString()
                    : t('devices.never')}
                </td>
                <td>{device.heartbeat?.appVersion ?? '–'}</td>
                <td className="number">{device.heartbeat?.queueDepth ?? '–'}</td>
                <td>
                  {device.warnings.length === 0 ? (
                    t('devices.ok')
                  ) : (
                    <ul className="warnings">
                      {device.warnings.map((warning) => (
                        <li key={warning}>
                          <span aria-hidden="true">⚠ </span>
                          {t(`devices.warning.${warning}`)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {device.revokedAt && <p>{t('devices.isRevoked')}</p>}
                  {!readOnly && !device.revokedAt && (
                    <div className="row-actions">
                      <form onSubmit={rename(device)}>
                        <label>
                          {t('devices.newName')}
                          <input
                            name="name"
                            defaultValue={device.name ?? ''}
                            required
                            maxLength={80}
                          />
                        </label>
                        <button type="submit">{t('devices.rename')}</button>
                      </form>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          if (
                            confirm(t('devices.confirmRevoke', { name: device.name ?? device.id }))
                          )
                            void act(
                              `/devices/${encodeURIComponent(device.id)}/revoke`,
                              {},
                              t('devices.revoked'),
                            );
                        }}
                      >
                        {t('devices.revoke')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {!readOnly && <Enroll me={me} />}
    </section>
  );
}

function Enroll({ me }: { me: Me }) {
  const { t } = useTranslation('dashboard');
  const [helpPoint, setHelpPoint] = useState<string | undefined>(me.helpPoints[0]?.id);
  const [role, setRole] = useState<'kiosk' | 'staff'>('kiosk');
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      setEnrollment(
        await request<Enrollment>('POST', '/enrollments', { helpPointId: helpPoint, role }),
      );
    } catch (failure) {
      setError(t('error.action', { message: failure instanceof Error ? failure.message : '' }));
    }
  };
  return (
    <section aria-labelledby="enroll-heading">
      <h2 id="enroll-heading">{t('devices.enroll.title')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <HelpPointSelect
          me={me}
          label={t('filters.helpPoint')}
          value={helpPoint}
          onChange={setHelpPoint}
          required
        />
        <label>
          {t('devices.enroll.role')}
          <select
            value={role}
            onChange={(e) => setRole(e.target.value === 'staff' ? 'staff' : 'kiosk')}
          >
            <option value="kiosk">{t('devices.role.kiosk')}</option>
            <option value="staff">{t('devices.role.staff')}</option>
          </select>
        </label>
        <button type="submit">{t('devices.enroll.create')}</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {enrollment && (
        <div className="enrollment">
          <p>
            {t('devices.enroll.expires', { at: new Date(enrollment.expiresAt).toLocaleString() })}
          </p>
          <p>
            <a href={enrollment.link}>{enrollment.link}</a>
          </p>
          <img
            className="qr"
            alt={t('devices.enroll.qr')}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrollment.qrSvg)}`}
          />
        </div>
      )}
    </section>
  );
}
