// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { speak, voiceFor } from '../../src/lib/speech';

type FakeVoice = Pick<SpeechSynthesisVoice, 'lang' | 'name' | 'localService'>;

function installVoices(voices: FakeVoice[]) {
  const spoken: { text: string; voice: FakeVoice | null }[] = [];
  const synthesis = {
    getVoices: () => voices,
    cancel: vi.fn(),
    speak: (utterance: { text: string; voice: FakeVoice | null }) => spoken.push(utterance),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      voice: FakeVoice | null = null;
      lang = '';
      rate = 1;
      onend: unknown = null;
      onerror: unknown = null;
      constructor(public text: string) {}
    },
  );
  return spoken;
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window, 'speechSynthesis');
});

describe('read-aloud uses only voices on this device', () => {
  it('picks a local voice and never a remote one, even when the remote one matches better', () => {
    const spoken = installVoices([
      { lang: 'sv-SE', name: 'Remote Swedish', localService: false },
      { lang: 'sv-FI', name: 'Local Swedish', localService: true },
    ]);
    expect(voiceFor('sv')?.name).toBe('Local Swedish');
    expect(speak('Hej', 'sv', () => undefined)).toBe(true);
    expect(spoken.map((utterance) => utterance.voice?.name)).toEqual(['Local Swedish']);
  });

  it('with only a remote voice for the language, says there is none and sends nothing', () => {
    const spoken = installVoices([
      { lang: 'ar-SA', name: 'Remote Arabic', localService: false },
      { lang: 'sv-SE', name: 'Local Swedish', localService: true },
    ]);
    expect(voiceFor('ar')).toBeNull();
    expect(speak('مرحبا', 'ar', () => undefined)).toBe(false);
    expect(spoken).toEqual([]);
  });
});
