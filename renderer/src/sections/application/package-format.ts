// Display helpers shared by the package list and the verify report.
import type { TKey, Translate } from '../../i18n';
// Type only: shared/pdf/model's values would bundle zod into the renderer.
import type { Template } from '../../../../shared/pdf/model';

/** "6ef00879e7…5a8bb66ca3": enough to compare by eye; the full value goes in a title. */
export function shortSha(sha: string): string {
  return sha.length > 20 ? `${sha.slice(0, 10)}…${sha.slice(-6)}` : sha;
}

/** Every template has a title in application.templates (zh-CN: TEMPLATE_TITLES of shared/pdf/model). */
const TEMPLATE_KEYS: Record<Template, TKey> = {
  negotiation: 'application.templates.negotiation.title',
  waiver: 'application.templates.waiver.title',
  installments: 'application.templates.installments.title',
  complaint: 'application.templates.complaint.title',
  mediation: 'application.templates.mediation.title',
  callsheet: 'application.templates.callsheet.title',
  'stop-contact': 'application.templates.stop-contact.title',
  'statement-request': 'application.templates.statement-request.title',
  'confirm-agreement': 'application.templates.confirm-agreement.title',
};

/** The letter's title; an unknown template (a newer app's) is shown as recorded. */
export function templateTitle(t: Translate, template: string): string {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_KEYS, template) ? t(TEMPLATE_KEYS[template as Template]) : template;
}
