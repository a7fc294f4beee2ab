// The sections of the app shell, in navigation order. All but settings arrive in later
// work; until then each shows what it will hold (from DESIGN.md "What the seeds ask for").
import type { TKey } from '../i18n';

export const SECTION_IDS = ['home', 'evidence', 'timeline', 'debts', 'finances', 'plan', 'application', 'repayments', 'help', 'settings'] as const;
export type SectionId = (typeof SECTION_IDS)[number];
export type PlannedSectionId = Exclude<SectionId, 'settings' | 'help' | 'home' | 'repayments'>;

export interface PlannedSection {
  intro: TKey;
  points: readonly TKey[];
}

export const PLANNED_SECTIONS: Record<PlannedSectionId, PlannedSection> = {
  evidence: {
    intro: 'sections.evidence.intro',
    points: ['sections.evidence.p1', 'sections.evidence.p2', 'sections.evidence.p3', 'sections.evidence.p4', 'sections.evidence.p5', 'sections.evidence.p6'],
  },
  timeline: {
    intro: 'sections.timeline.intro',
    points: ['sections.timeline.p1', 'sections.timeline.p2', 'sections.timeline.p3', 'sections.timeline.p4'],
  },
  debts: {
    intro: 'sections.debts.intro',
    points: ['sections.debts.p1', 'sections.debts.p2', 'sections.debts.p3'],
  },
  finances: {
    intro: 'sections.finances.intro',
    points: ['sections.finances.p1', 'sections.finances.p2', 'sections.finances.p3'],
  },
  plan: {
    intro: 'sections.plan.intro',
    points: ['sections.plan.p1', 'sections.plan.p2', 'sections.plan.p3', 'sections.plan.p4'],
  },
  application: {
    intro: 'sections.application.intro',
    points: ['sections.application.p1', 'sections.application.p2', 'sections.application.p3', 'sections.application.p4', 'sections.application.p5'],
  },
};
