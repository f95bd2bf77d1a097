/**
 * Camera and microphone check for video calls, used by a Lära practice and a Testa demo.
 * The picture and the sound level stay on screen only: nothing is recorded or kept. Every
 * track is stopped when the check closes, when the screen changes and on the visitor wipe.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onVisitorWipe } from '../lib/visitor-wipe';
import './button.css';
import './camera-check.css';

type CheckState = 'idle' | 'starting' | 'running' | 'denied' | 'unavailable';

export function CameraCheck({ onWorking }: { onWorking?: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CheckState>('idle');
  const [level, setLevel] = useState(0);
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const stopRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const unregister = onVisitorWipe(() => stopRef.current());
    return () => {
      unregister();
      stopRef.current();
    };
  }, []);

  const start = async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unavailable');
      return;
    }
    setState('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    } catch (error) {
      setState(
        error instanceof DOMException && error.name === 'NotAllowedError'
          ? 'denied'
          : 'unavailable',
      );
      return;
    }
    streamRef.current = stream;
    const audio = new AudioContext();
    const analyser = audio.createAnalyser();
    analyser.fftSize = 256;
    audio.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.frequencyBinCount);
    const timer = window.setInterval(() => {
      analyser.getByteFrequencyData(samples);
      const peak = samples.reduce((max, value) => Math.max(max, value), 0);
      setLevel(Math.round((peak / 255) * 100));
    }, 200);
    stopRef.current = () => {
      window.clearInterval(timer);
      stream.getTracks().forEach((track) => track.stop());
      void audio.close().catch(() => undefined);
      streamRef.current = null;
      if (videoRef.current) videoRef.current.srcObject = null;
      stopRef.current = () => undefined;
    };
    setState('running');
    onWorking?.();
  };

  useEffect(() => {
    if (state === 'running' && videoRef.current && streamRef.current) {
      videoRef.current.srcObject = streamRef.current;
      void videoRef.current.play().catch(() => undefined);
    }
  }, [state]);

  return (
    <div className="camera-check" data-testid="camera-check" data-state={state}>
      <p>{t('camera.privacy')}</p>
      {state === 'running' ? (
        <>
          <video
            ref={videoRef}
            className="camera-check__video"
            muted
            playsInline
            aria-label={t('camera.videoLabel')}
          />
          <p>
            <label htmlFor="mic-level">{t('camera.micLabel')}</label>{' '}
            <meter id="mic-level" min={0} max={100} value={level} className="camera-check__meter" />
          </p>
          <p role="status">{t('camera.working')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              stopRef.current();
              setState('idle');
            }}
            data-testid="camera-stop"
          >
            {t('camera.stop')}
          </button>
        </>
      ) : (
        <>
          {state === 'denied' || state === 'unavailable' ? (
            <p role="status">{t(`camera.${state}`)}</p>
          ) : null}
          <button
            type="button"
            className="button button--primary"
            disabled={state === 'starting'}
            onClick={() => void start()}
            data-testid="camera-start"
          >
            {t('camera.start')}
          </button>
        </>
      )}
    </div>
  );
}
