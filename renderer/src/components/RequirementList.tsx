// What is still missing before a form can be sent (explains a disabled button).
import { useT } from '../i18n';

export interface Requirement {
  key: string;
  label: string;
  met: boolean;
}

export function RequirementList({ id, title, items }: { id: string; title: string; items: Requirement[] }) {
  const t = useT();
  return (
    <div className="requirements" id={id}>
      <p className="requirements-title">{title}</p>
      <ul className="requirements-list">
        {items.map((item) => (
          <li key={item.key} className={item.met ? 'requirement is-met' : 'requirement'} data-testid={`requirement-${item.key}`} data-met={item.met}>
            <span className="requirement-mark" aria-hidden="true">
              {item.met ? '✓' : '○'}
            </span>
            <span>{item.label}</span>
            <span className="visually-hidden">（{item.met ? t('welcome.reqMet') : t('welcome.reqNotMet')}）</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
