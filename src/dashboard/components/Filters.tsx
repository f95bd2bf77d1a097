/**
 * The filters every view shares: municipality (when the account has several), help point,
 * period, channel and language, and, on a view, what to compare with. Applied with a button so
 * a keyboard user can set several fields before the page fetches again.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, ViewFilters } from '../api-types';
import { CHANNELS, HELP_LANGUAGES } from '../../protocol/vocabulary';
import { previousPeriod } from '../dates';

interface Props {
  me: Me;
  filters: ViewFilters;
  onApply: (filters: ViewFilters) => void;
  withCompare?: boolean;
}

export function Filters({ me, filters, onApply, withCompare = false }: Props) {
  const { t } = useTranslation('dashboard');
  const [draft, setDraft] = useState<ViewFilters>(filters);
  const set = (patch: Partial<ViewFilters>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: ViewFilters = { ...draft };
    if (next.compare === 'period' && (!next.compareFrom || !next.compareTo)) {
      Object.assign(next, mapPrevious(next));
    }
    if (next.compare !== 'period') {
      delete next.compareFrom;
      delete next.compareTo;
    }
    if (next.compare !== 'help-point') delete next.compareHelpPoint;
    onApply(next);
  };

  return (
    <form className="filters" onSubmit={submit} aria-label={t('filters.label')}>
      {me.municipalities && me.municipalities.length > 1 ? (
        <label>
          {t('filters.municipality')}
          <select
            value={draft.municipality ?? me.municipality?.code ?? ''}
            onChange={(e) => set({ municipality: e.target.value })}
          >
            {me.municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name} ({m.code})
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="municipality">
          {t('filters.municipality')}:{' '}
          <strong>
            {me.municipality?.name ?? me.account.municipalityCode} ({me.account.municipalityCode})
          </strong>
        </p>
      )}
      <HelpPointSelect
        me={me}
        label={t('filters.helpPoint')}
        value={draft.helpPoint}
        onChange={(helpPoint) => set({ helpPoint })}
      />
      <label>
        {t('filters.from')}
        <input
          type="date"
          required
          value={draft.from}
          onChange={(e) => set({ from: e.target.value })}
        />
      </label>
      <label>
        {t('filters.to')}
        <input
          type="date"
          required
          value={draft.to}
          onChange={(e) => set({ to: e.target.value })}
        />
      </label>
      <label>
        {t('filters.channel')}
        <select
          value={draft.channel ?? ''}
          onChange={(e) => set({ channel: e.target.value || undefined })}
        >
          <option value="">{t('filters.all')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channel.${channel}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.language')}
        <select
          value={draft.language ?? ''}
          onChange={(e) => set({ language: e.target.value || undefined })}
        >
          <option value="">{t('filters.all')}</option>
          {HELP_LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      </label>
      {withCompare && (
        <fieldset>
          <legend>{t('compare.legend')}</legend>
          {(['', 'period', 'help-point'] as const).map((mode) => (
            <label key={mode} className="choice">
              <input
                type="radio"
                name="compare"
                value={mode}
                checked={(draft.compare ?? '') === mode}
                onChange={() =>
                  set(
                    mode === ''
                      ? { compare: undefined }
                      : mode === 'period'
                        ? { compare: mode, ...mapPrevious(draft) }
                        : { compare: mode },
                  )
                }
              />
              {t(`compare.${mode || 'none'}`)}
            </label>
          ))}
          {draft.compare === 'period' && (
            <>
              <label>
                {t('compare.from')}
                <input
                  type="date"
                  required
                  value={draft.compareFrom ?? ''}
                  onChange={(e) => set({ compareFrom: e.target.value })}
                />
              </label>
              <label>
                {t('compare.to')}
                <input
                  type="date"
                  required
                  value={draft.compareTo ?? ''}
                  onChange={(e) => set({ compareTo: e.target.value })}
                />
              </label>
            </>
          )}
          {draft.compare === 'help-point' && (
            <HelpPointSelect
              me={me}
              label={t('compare.helpPoint')}
              value={draft.compareHelpPoint}
              onChange={(compareHelpPoint) => set({ compareHelpPoint })}
              required
            />
          )}
        </fieldset>
      )}
      <button type="submit">{t('filters.apply')}</button>
    </form>
  );
}

function mapPrevious(filters: ViewFilters) {
  const previous = previousPeriod(filters.from, filters.to);
  return { compareFrom: previous.from, compareTo: previous.to };
}

export function HelpPointSelect(props: {
  me: Me;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  required?: boolean;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <label>
      {props.label}
      <select
        value={props.value ?? ''}
        required={props.required}
        onChange={(e) => props.onChange(e.target.value || undefined)}
      >
        <option value="">
          {props.required ? t('filters.choose') : t('filters.allHelpPoints')}
        </option>
        {props.me.helpPoints.map((helpPoint) => (
          <option key={helpPoint.id} value={helpPoint.id}>
            {helpPoint.name}
          </option>
        ))}
      </select>
    </label>
  );
}
