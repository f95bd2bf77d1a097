/**
 * The frame shared by the three sections (Lära, Använda, Testa): its title, with the Swedish
 * name beside it for visitors in other languages (staff use the Swedish names), and a way home.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackButton } from './BackButton';
import { Screen } from './Screen';
import './section-screen.css';

interface SectionScreenProps {
  name: string;
  title: string;
  swedishTitle: string;
  lead: string;
  onBackHome: () => void;
  children?: ReactNode;
}

export function SectionScreen({
  name,
  title,
  swedishTitle,
  lead,
  onBackHome,
  children,
}: SectionScreenProps) {
  const { t, i18n } = useTranslation();
  const heading =
    i18n.language === 'sv' ? (
      title
    ) : (
      <>
        {title}{' '}
        <span className="screen__title-swedish" lang="sv">
          ({swedishTitle})
        </span>
      </>
    );
  return (
    <Screen name={name} title={heading} lead={lead}>
      {children}
      <BackButton label={t('section.backHome')} onBack={onBackHome} testId="back-home" />
    </Screen>
  );
}
