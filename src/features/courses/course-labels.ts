/**
 * Words for the course codes: a topic (a Lära lesson by number and title, or a course type),
 * a plan's languages, and a time in the volunteer's language. The translation function is
 * passed in, so this stays plain code.
 */
import type { TFunction } from 'i18next';
import type { HelpLanguage, LanguageCode } from '../../protocol/vocabulary';
import { isCourseType } from './course-record';
import type { CourseLesson } from './course-services';

export function topicLabel(
  topic: string,
  lessons: readonly CourseLesson[] | null,
  t: TFunction<'courses'>,
): string {
  if (isCourseType(topic)) return t(`courses:type.${topic}`);
  const lesson = lessons?.find((candidate) => candidate.id === topic);
  // A lesson the help point has since removed still has its code.
  return lesson ? t('courses:topic.lesson', { number: lesson.number, title: lesson.title }) : topic;
}

export function languagesLabel(languages: readonly HelpLanguage[], t: TFunction<'courses'>) {
  return languages.map((language) => t(`courses:language.${language}`)).join(', ');
}

export function whenLabel(epochMs: number, language: LanguageCode): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(epochMs);
}
