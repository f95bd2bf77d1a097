/**
 * The bar at the top of every screen during a visit. "End my visit" is always here, one tap
 * away; so are the way home, the language and the text size.
 */
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';
import { TEXT_SIZES, type TextSize } from '../../../protocol/vocabulary';
import './session.css';

interface VisitToolbarProps {
  showHome: boolean;
  textSize: TextSize;
  onHome: () => void;
  onLanguage: () => void;
  onTextSize: (size: TextSize) => void;
  onEndVisit: () => void;
}

export function VisitToolbar({
  showHome,
  textSize,
  onHome,
  onLanguage,
  onTextSize,
  onEndVisit,
}: VisitToolbarProps) {
  const { t } = useTranslation();
  return (
    <header className="top-bar visit-toolbar">
      <nav className="cluster visit-toolbar__row" aria-label={t('chrome.toolbarLabel')}>
        <span className="visit-toolbar__brand" lang="sv">
          {t('app.name')}
        </span>
        {showHome ? (
          <button
            type="button"
            className="button button--toolbar"
            onClick={onHome}
            data-testid="go-home"
          >
            <Icon name="home" /> {t('chrome.home')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--toolbar"
          onClick={onLanguage}
          data-testid="change-language"
        >
          <Icon name="language" /> {t('chrome.language')}
        </button>
        <fieldset className="cluster text-size">
          <legend className="text-size__legend">
            <Icon name="textSize" /> {t('chrome.textSize')}
          </legend>
          {TEXT_SIZES.map((size) => (
            <button
              key={size}
              type="button"
              className="button button--toolbar button--size"
              aria-pressed={textSize === size}
              data-text-size={size}
              onClick={() => onTextSize(size)}
            >
              {size}%
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          className="button button--end"
          onClick={onEndVisit}
          data-testid="end-visit"
        >
          <Icon name="exit" /> {t('chrome.endVisit')}
        </button>
      </nav>
    </header>
  );
}
