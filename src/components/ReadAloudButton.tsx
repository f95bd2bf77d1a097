/**
 * "Read aloud" for a passage, in the session's language. With no voice for that language on
 * this kiosk, the control says so (and suggests the staff) instead of doing nothing.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { speak, stopSpeaking, subscribeVoices, voiceFor } from '../lib/speech';
import './button.css';
import './read-aloud.css';

export function ReadAloudButton({ text, language }: { text: string; language: string }) {
  const { t } = useTranslation();
  const hasVoice = useSyncExternalStore(subscribeVoices, () => voiceFor(language) !== null);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => stopSpeaking(), [text]);

  if (!hasVoice) {
    return (
      <p className="read-aloud read-aloud--none" data-testid="read-aloud-none">
        {t('readAloud.noVoice')}
      </p>
    );
  }
  return (
    <p className="read-aloud">
      <button
        type="button"
        className="button button--secondary"
        aria-pressed={speaking}
        data-testid="read-aloud"
        onClick={() => {
          if (speaking) {
            stopSpeaking();
            setSpeaking(false);
          } else if (speak(text, language, () => setSpeaking(false))) {
            setSpeaking(true);
          }
        }}
      >
        {speaking ? t('readAloud.stop') : t('readAloud.start')}
      </button>
    </p>
  );
}
