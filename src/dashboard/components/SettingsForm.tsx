/** The form over one help point's kiosk config; unknown fields are kept as they are. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpPointSettings } from '../api-types';
import {
  formatHours,
  parseAgencyHours,
  parseStaffedHours,
  previewLocalContent,
  type Hours,
} from '../settings-model';

type Current = NonNullable<HelpPointSettings['current']>;

export function SettingsForm(props: {
  current: Current;
  readOnly: boolean;
  onPublish: (body: unknown) => void;
}) {
  const { t } = useTranslation('dashboard');
  const config = props.current.config as Record<string, unknown> & {
    deskLocation?: Record<string, string>;
    staffedHours?: Hours[];
    agencyHours?: (Hours & { agency: string })[];
    testaItems?: string[];
  };
  const [error, setError] = useState('');
  const [catalogue, setCatalogue] = useState<unknown>(props.current.localCatalogue);
  const [lessons, setLessons] = useState<unknown>(props.current.localLessons);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const staffed = parseStaffedHours(text('staffedHours'));
    const agency = parseAgencyHours(text('agencyHours'));
    if (!staffed.ok)
      return setError(
        t('settings.badLine', { field: t('settings.staffedHours'), line: staffed.line }),
      );
    if (!agency.ok)
      return setError(
        t('settings.badLine', { field: t('settings.agencyHours'), line: agency.line }),
      );
    setError('');
    const testa = text('testaItems');
    props.onPublish({
      config: {
        ...config,
        helpPointName: text('helpPointName'),
        ownerName: text('ownerName'),
        deskLocation: {
          ...config.deskLocation,
          sv: text('deskSv'),
          ...(text('deskEn') ? { en: text('deskEn') } : {}),
        },
        staffedHours: staffed.value,
        agencyHours: agency.value,
        idleSeconds: Number(text('idleSeconds')),
        warningSeconds: Number(text('warningSeconds')),
        eServiceIdleMinutes: Number(text('eServiceIdleMinutes')),
        openEServiceOnKiosk: data.get('openEServiceOnKiosk') === 'on',
        askPostcodeArea: data.get('askPostcodeArea') === 'on',
        testaItems: testa ? testa.split(/[\s,]+/) : undefined,
      },
      localCatalogue: catalogue,
      localLessons: lessons,
    });
  };

  const num = (name: string, min: number, max: number) => (
    <label>
      {t(`settings.${name}`)}
      <input
        name={name}
        type="number"
        min={min}
        max={max}
        required
        defaultValue={String(config[name] ?? '')}
      />
    </label>
  );

  return (
    <form className="settings" onSubmit={submit}>
      <fieldset disabled={props.readOnly}>
        <legend>{t('settings.version', { version: props.current.version })}</legend>
        <label>
          {t('settings.helpPointName')}
          <input
            name="helpPointName"
            required
            maxLength={120}
            defaultValue={String(config.helpPointName ?? '')}
          />
        </label>
        <label>
          {t('settings.ownerName')}
          <input
            name="ownerName"
            required
            maxLength={120}
            defaultValue={String(config.ownerName ?? '')}
          />
        </label>
        <label>
          {t('settings.deskSv')}
          <input
            name="deskSv"
            required
            maxLength={300}
            defaultValue={config.deskLocation?.sv ?? ''}
          />
        </label>
        <label>
          {t('settings.deskEn')}
          <input name="deskEn" maxLength={300} defaultValue={config.deskLocation?.en ?? ''} />
        </label>
        <label>
          {t('settings.staffedHours')}
          <textarea
            name="staffedHours"
            rows={3}
            aria-describedby="hours-help"
            defaultValue={formatHours(config.staffedHours)}
          />
        </label>
        <label>
          {t('settings.agencyHours')}
          <textarea
            name="agencyHours"
            rows={3}
            aria-describedby="hours-help"
            defaultValue={formatHours(config.agencyHours)}
          />
        </label>
        <p id="hours-help" className="help">
          {t('settings.hoursHelp')}
        </p>
        {num('idleSeconds', 20, 1800)}
        {num('warningSeconds', 30, 600)}
        {num('eServiceIdleMinutes', 1, 60)}
        <label className="choice">
          <input
            name="openEServiceOnKiosk"
            type="checkbox"
            defaultChecked={config.openEServiceOnKiosk === true}
          />
          {t('settings.openEServiceOnKiosk')}
        </label>
        <label className="choice">
          <input
            name="askPostcodeArea"
            type="checkbox"
            defaultChecked={config.askPostcodeArea === true}
          />
          {t('settings.askPostcodeArea')}
        </label>
        <label>
          {t('settings.testaItems')}
          <input name="testaItems" defaultValue={(config.testaItems ?? []).join(', ')} />
        </label>
        <Upload name="catalogue" value={catalogue} onChange={setCatalogue} />
        <Upload name="lessons" value={lessons} onChange={setLessons} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">{t('settings.publish')}</button>
      </fieldset>
    </form>
  );
}

function Upload(props: {
  name: 'catalogue' | 'lessons';
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation('dashboard');
  const [preview, setPreview] = useState<string[] | null>(null);
  const [error, setError] = useState('');
  const read = async (file: File | undefined) => {
    if (!file) return;
    const parsed = previewLocalContent(await file.text());
    if (!parsed.ok) {
      setError(t('settings.upload.invalid'));
      setPreview(null);
      return;
    }
    setError('');
    setPreview(parsed.value.items);
    props.onChange(parsed.value.data);
  };
  return (
    <div className="upload">
      <label>
        {t(`settings.upload.${props.name}`)}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => void read(e.target.files?.[0])}
        />
      </label>
      <p>{props.value ? t('settings.upload.present') : t('settings.upload.none')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {preview && (
        <>
          <p>{t('settings.upload.preview', { count: preview.length })}</p>
          <ul>
            {preview.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
          <button type="button" onClick={() => props.onChange(null)}>
            {t('settings.upload.remove')}
          </button>
        </>
      )}
    </div>
  );
}
