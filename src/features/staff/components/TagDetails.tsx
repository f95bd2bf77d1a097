/**
 * The optional part of a record, folded away: how many visitors (batch entry of totals),
 * when (backdating within today), area, errand, agency, effort on the READ scale, obstacles,
 * the language and the channel, and the postcode area where the help point has turned it
 * on. Set these before the last of the three main taps, or afterwards by editing the record.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGENCIES,
  AREAS,
  CHANNELS,
  EFFORT_LEVELS,
  HELP_LANGUAGES,
  OBSTACLES,
  type Channel,
  type EffortLevel,
  type HelpLanguage,
  type Obstacle,
} from '../../../protocol/vocabulary';
import { backdatedTime, type TagDraft } from '../tagging/tag-record';
import type { ErrandOption } from '../staff-services';
import { CountStepper } from '../../../components/CountStepper';
import { ChipGroup } from './ChipGroup';

interface TagDetailsProps {
  draft: TagDraft;
  errands: ErrandOption[];
  askPostcodeArea: boolean;
  open: boolean;
  onSet: (patch: Partial<TagDraft>) => void;
  onToggleObstacle: (obstacle: Obstacle) => void;
}

/** How many visitors one record may count: a batch of questions, entered as one. */
const MIN_COUNT = 1;
const MAX_COUNT = 200;

function clockOf(epoch: number): string {
  const when = new Date(epoch);
  return `${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
}

export function TagDetails(props: TagDetailsProps) {
  const { draft, errands, onSet } = props;
  const { t } = useTranslation('staff');
  const [clock, setClock] = useState(() => clockOf(draft.helpedAt));
  const [timeProblem, setTimeProblem] = useState(false);
  const [postcode, setPostcode] = useState(draft.postcodeArea ?? '');
  // Folded away, the fields are not rendered at all: most records never open them, and each
  // tap then only redraws what it changed.
  const [isOpen, setOpen] = useState(props.open);

  const changeClock = (value: string) => {
    setClock(value);
    const when = backdatedTime(value, Date.now());
    setTimeProblem(when === null);
    if (when !== null) onSet({ helpedAt: when });
  };
  const changePostcode = (value: string) => {
    // Digits only, three at most: nothing else can be typed into the record.
    const digits = value.replace(/\D/g, '').slice(0, 3);
    setPostcode(digits);
    onSet({ postcodeArea: digits.length === 3 ? digits : null });
  };

  return (
    <details
      className="tag-details card"
      open={isOpen}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="tag-details"
    >
      <summary className="tag-details__summary">{t('tag.moreDetails')}</summary>
      {isOpen ? (
        <>
          <CountStepper
            label={t('tag.count')}
            hint={t('tag.countHint')}
            value={draft.count}
            min={MIN_COUNT}
            max={MAX_COUNT}
            lessLabel={t('stepper.less', { label: t('tag.count') })}
            moreLabel={t('stepper.more', { label: t('tag.count') })}
            // A record always has a count: until the field holds a whole number, it keeps the last.
            onChange={(count) => {
              if (Number.isFinite(count))
                onSet({ count: Math.min(MAX_COUNT, Math.max(MIN_COUNT, count)) });
            }}
            testId="tag-count"
          />
          <div className="field">
            <label htmlFor="tag-when" className="field-label">
              {t('tag.when')}
            </label>
            <input
              id="tag-when"
              type="time"
              className="input"
              value={clock}
              onChange={(event) => changeClock(event.target.value)}
              aria-invalid={timeProblem}
              aria-describedby="tag-when-hint"
              data-testid="tag-when"
            />
            <p id="tag-when-hint" className={timeProblem ? 'field-problem' : 'field-hint'}>
              {timeProblem ? t('tag.whenProblem') : t('tag.whenHint')}
            </p>
          </div>
          <OptionalSelect
            name="errand"
            label={t('tag.errand')}
            none={t('tag.none')}
            value={draft.errandId}
            options={errands.map((errand) => ({ value: errand.id, label: errand.title }))}
            onChange={(id) => {
              const errand = errands.find((option) => option.id === id) ?? null;
              onSet({ errandId: errand?.id ?? null, agency: errand?.agency ?? draft.agency });
            }}
          />
          <OptionalSelect
            name="agency"
            label={t('tag.agency')}
            none={t('tag.none')}
            value={draft.agency}
            options={AGENCIES.map((agency) => ({
              value: agency,
              label: t(`codes.agency.${agency}`),
            }))}
            onChange={(agency) => onSet({ agency })}
          />
          <OptionalSelect
            name="area"
            label={t('tag.area')}
            none={t('tag.none')}
            value={draft.area}
            options={AREAS.map((area) => ({ value: area, label: t(`codes.area.${area}`) }))}
            onChange={(area) => onSet({ area })}
          />
          <ChipGroup<EffortLevel>
            legend={t('tag.effort')}
            options={EFFORT_LEVELS}
            selected={draft.effort ? [draft.effort] : []}
            label={(level) => t(`codes.effort.${level}`)}
            onToggle={(level) => onSet({ effort: draft.effort === level ? null : level })}
            testId="tag-effort"
          />
          <ChipGroup<Obstacle>
            legend={t('tag.obstacles')}
            options={OBSTACLES}
            selected={draft.obstacles}
            label={(obstacle) => t(`codes.obstacle.${obstacle}`)}
            onToggle={props.onToggleObstacle}
            testId="tag-obstacles"
          />
          <ChipGroup<HelpLanguage>
            legend={t('tag.language')}
            options={HELP_LANGUAGES}
            selected={[draft.language]}
            label={(language) => t(`codes.language.${language}`)}
            onToggle={(language) => onSet({ language })}
            testId="tag-language"
          />
          <ChipGroup<Channel>
            legend={t('tag.channel')}
            options={CHANNELS}
            selected={[draft.channel]}
            label={(channel) => t(`codes.channel.${channel}`)}
            onToggle={(channel) => onSet({ channel })}
            testId="tag-channel"
          />
          {props.askPostcodeArea ? (
            <div className="field">
              <label htmlFor="tag-postcode" className="field-label">
                {t('tag.postcode')}
              </label>
              <input
                id="tag-postcode"
                className="input input--short"
                inputMode="numeric"
                autoComplete="off"
                maxLength={3}
                value={postcode}
                onChange={(event) => changePostcode(event.target.value)}
                aria-describedby="tag-postcode-hint"
                data-testid="tag-postcode"
              />
              <p id="tag-postcode-hint" className="field-hint">
                {t('tag.postcodeHint')}
              </p>
            </div>
          ) : null}
        </>
      ) : null}
    </details>
  );
}

interface OptionalSelectProps<T extends string> {
  name: string;
  label: string;
  none: string;
  value: T | null;
  options: { value: T; label: string }[];
  onChange: (value: T | null) => void;
}

/** A labelled select with "none chosen" first: for the optional fields that are long lists. */
function OptionalSelect<T extends string>(props: OptionalSelectProps<T>) {
  const id = `tag-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      <select
        id={id}
        className="input"
        value={props.value ?? ''}
        onChange={(event) =>
          props.onChange(
            props.options.find((option) => option.value === event.target.value)?.value ?? null,
          )
        }
        data-testid={id}
      >
        <option value="">{props.none}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
