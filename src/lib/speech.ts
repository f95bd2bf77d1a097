/**
 * Read-aloud with the browser's speech synthesis. A kiosk may have no voice for a language
 * (Tigrinya and Somali rarely have one), so callers ask first and say so instead of failing
 * silently. Speech stops when the visitor leaves the text, and on every visitor wipe.
 *
 * Only voices with `localService === true` are used: a remote voice sends the text (in Testa,
 * what a visitor typed) to the voice's provider. With no local voice the control says so.
 */
import { onVisitorWipe } from './visitor-wipe';

function synthesis(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window
    ? window.speechSynthesis
    : null;
}

export function voiceFor(language: string): SpeechSynthesisVoice | null {
  const voices = (synthesis()?.getVoices() ?? []).filter((voice) => voice.localService === true);
  const wanted = language.toLowerCase();
  return (
    voices.find((voice) => voice.lang.toLowerCase() === wanted) ??
    voices.find((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === wanted) ??
    null
  );
}

/** Voices load asynchronously in Chromium: calls back now and whenever the list changes. */
export function subscribeVoices(listener: () => void): () => void {
  const speech = synthesis();
  if (!speech) return () => undefined;
  speech.addEventListener('voiceschanged', listener);
  return () => speech.removeEventListener('voiceschanged', listener);
}

export function speak(text: string, language: string, onEnd: () => void): boolean {
  const speech = synthesis();
  const voice = voiceFor(language);
  if (!speech || !voice) return false;
  speech.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  utterance.onend = onEnd;
  utterance.onerror = onEnd;
  speech.speak(utterance);
  return true;
}

export function stopSpeaking(): void {
  synthesis()?.cancel();
}

onVisitorWipe(stopSpeaking);
