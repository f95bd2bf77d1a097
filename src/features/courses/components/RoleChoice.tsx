/** Who led the session: native radio buttons, big enough to tap, in a fieldset. */
import { useTranslation } from 'react-i18next';
import { COURSE_ROLES, type CourseRole } from '../../../protocol/vocabulary';

interface RoleChoiceProps {
  name: string;
  legend: string;
  value: CourseRole;
  onChange: (role: CourseRole) => void;
}

export function RoleChoice({ name, legend, value, onChange }: RoleChoiceProps) {
  const { t } = useTranslation('courses');
  return (
    <fieldset className="courses-fieldset">
      <legend className="field-label">{legend}</legend>
      <div className="cluster">
        {COURSE_ROLES.map((role) => (
          <label key={role} className="courses-choice">
            <input
              type="radio"
              name={name}
              value={role}
              checked={value === role}
              data-role={role}
              onChange={() => onChange(role)}
            />
            {t(`courses:role.${role}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
