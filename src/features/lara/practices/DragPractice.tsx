/**
 * Drag practice: move the picture into the box with a finger or the mouse. Dragging is not
 * for everyone (WCAG 2.5.7), so tapping the picture and then the box does the same.
 */
import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Picture } from '../../../components/Picture';
import { PracticeDone } from './PracticeDone';

export function DragPractice({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState(false);
  const [done, setDone] = useState(false);
  const [offset, setOffset] = useState<{ x: number; y: number } | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const zoneRef = useRef<HTMLButtonElement>(null);

  const finish = () => {
    setDone(true);
    setPicked(false);
    setOffset(null);
    onDone();
  };
  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    const zone = zoneRef.current?.getBoundingClientRect();
    const moved = offset && (Math.abs(offset.x) > 10 || Math.abs(offset.y) > 10);
    start.current = null;
    setOffset(null);
    if (!moved) return; // a tap: the click handler picks it up
    if (
      zone &&
      event.clientX >= zone.left &&
      event.clientX <= zone.right &&
      event.clientY >= zone.top &&
      event.clientY <= zone.bottom
    )
      finish();
  };

  return (
    <div className="practice practice--drag">
      <div className="drag-area">
        {done ? null : (
          <button
            type="button"
            className="drag-item"
            aria-pressed={picked}
            data-testid="drag-item"
            style={offset ? { transform: `translate(${offset.x}px, ${offset.y}px)` } : undefined}
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              start.current = { x: event.clientX, y: event.clientY };
            }}
            onPointerMove={(event) => {
              if (start.current)
                setOffset({
                  x: event.clientX - start.current.x,
                  y: event.clientY - start.current.y,
                });
            }}
            onPointerUp={onPointerUp}
            onPointerCancel={() => {
              start.current = null;
              setOffset(null);
            }}
            onClick={() => setPicked((value) => !value)}
          >
            <Picture name="check" />
            <span>{picked ? t('practice.dragPicked') : t('practice.dragItem')}</span>
          </button>
        )}
        <button
          type="button"
          ref={zoneRef}
          className={done ? 'drag-zone drag-zone--filled' : 'drag-zone'}
          data-testid="drag-zone"
          onClick={() => {
            if (picked && !done) finish();
          }}
        >
          {done ? <Picture name="check" /> : null}
          <span>{t('practice.dragZone')}</span>
        </button>
      </div>
      <PracticeDone done={done} />
    </div>
  );
}
