/** The "back" button at the foot of a screen: one look and one size everywhere. */
import { Icon } from './Icon';
import './button.css';

interface BackButtonProps {
  label: string;
  onBack: () => void;
  testId: string;
}

export function BackButton({ label, onBack, testId }: BackButtonProps) {
  return (
    <p>
      <button
        type="button"
        className="button button--secondary"
        onClick={onBack}
        data-testid={testId}
      >
        <Icon name="back" /> {label}
      </button>
    </p>
  );
}
