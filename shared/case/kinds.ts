// The case's fixed lists and identifiers, without zod, so the renderer can use them
// without bundling the schema library.

export const CASE_FORMAT = 'xieshang-case';
export const CASE_VERSION = 1;

export const PRODUCTS = ['huabei', 'jiebei', 'credit-card', 'other'] as const;
export type Product = (typeof PRODUCTS)[number];

export const CHANNEL_KINDS = ['hotline', 'app-chat', 'email', 'other'] as const;
export const PENALTY_MODES = ['simple', 'compound-daily'] as const;
/** How overdue days are counted (shared/money/penalty.ts): creditor = day 1 is the day after the due date. */
export const OVERDUE_CONVENTIONS = ['creditor', 'inclusive'] as const;
export const HARDSHIP_CATEGORIES = ['job-loss', 'income-drop', 'illness', 'family', 'business', 'disaster', 'other'] as const;
export const HOUSING = ['rent', 'own-mortgage', 'own-outright', 'family', 'employer', 'other'] as const;
export const EMPLOYMENT = ['employed', 'self-employed', 'unemployed', 'retired', 'student', 'unable', 'other'] as const;
export const INCOME_CATEGORIES = ['salary', 'self-employment', 'benefits', 'pension', 'support', 'other'] as const;
export const FIXED_COST_CATEGORIES = ['housing', 'utilities', 'transport', 'insurance', 'childcare', 'education', 'medical', 'other'] as const;
export const FLEXIBLE_COST_CATEGORIES = ['communications-leisure', 'food-housekeeping', 'personal', 'other'] as const;
export const PLAN_ROLES = ['offer', 'fallback', 'draft'] as const;
export const PLAN_BASES = ['everything', 'principal', 'principal-part-interest'] as const;
export type PlanBasis = (typeof PLAN_BASES)[number];
/** The kind of institution a creditor is: decides 贵行 / 贵司 in a letter to it. */
export const INSTITUTIONS = ['bank', 'consumer-finance', 'company'] as const;
export type Institution = (typeof INSTITUTIONS)[number];
