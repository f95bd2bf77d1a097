/** Picks the practice a lesson step asks for. */
import type { LessonStep } from '../lessons/lesson-schema';
import type { LessonTexts } from '../lessons/lesson-schema';
import { CameraCheck } from '../../../components/CameraCheck';
import { TapPractice } from '../practices/TapPractice';
import { DragPractice } from '../practices/DragPractice';
import { TypePractice } from '../practices/TypePractice';
import { EmailPractice } from '../practices/EmailPractice';
import { PasswordPractice } from '../practices/PasswordPractice';
import { LoginDemo } from '../practices/LoginDemo';
import { ChoosePractice } from '../practices/ChoosePractice';
import { SpotSignsPractice } from '../practices/SpotSignsPractice';

interface LessonPracticeProps {
  step: Extract<LessonStep, { kind: 'practice' }>;
  words: LessonTexts['steps'][number];
  lang?: string;
  onDone: () => void;
}

export function LessonPractice({ step, words, lang, onDone }: LessonPracticeProps) {
  switch (step.practice) {
    case 'tap':
      return <TapPractice onDone={onDone} />;
    case 'drag':
      return <DragPractice onDone={onDone} />;
    case 'type':
      return <TypePractice onDone={onDone} />;
    case 'email':
      return <EmailPractice onDone={onDone} />;
    case 'password':
      return <PasswordPractice onDone={onDone} />;
    case 'login-demo':
      return <LoginDemo onDone={onDone} />;
    case 'camera':
      return <CameraCheck onWorking={onDone} />;
    case 'choose':
      return (
        <ChoosePractice
          options={words.options ?? []}
          correct={step.correct}
          feedback={words.feedback ?? ''}
          lang={lang}
          onDone={onDone}
        />
      );
    case 'spot-signs':
      return (
        <SpotSignsPractice
          parts={words.parts ?? []}
          signs={step.signs}
          feedback={words.feedback ?? ''}
          lang={lang}
          onDone={onDone}
        />
      );
  }
}
