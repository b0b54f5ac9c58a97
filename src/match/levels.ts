// The comparison levels of each field, from best to worst agreement. Their names appear in explanations and in
// match-report.csv, so they are part of the contract with auditors: rename with care.

export const NAME_LEVELS = ['exact', 'folded-exact', 'middle-dropped', 'typo', 'middle-differs', 'given-only', 'disagree', 'missing'] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];

export const BIRTH_LEVELS = ['exact', 'swapped', 'year-only', 'year', 'year-near', 'disagree', 'missing'] as const;
export type BirthLevel = (typeof BIRTH_LEVELS)[number];

export const SEX_LEVELS = ['agree', 'disagree', 'missing'] as const;
export type SexLevel = (typeof SEX_LEVELS)[number];

export const ADDRESS_LEVELS = ['village', 'commune', 'disagree', 'missing'] as const;
export type AddressLevel = (typeof ADDRESS_LEVELS)[number];

/** How the row's written ID relates to a fuzzy candidate's registry ID. */
export const ID_LEVELS = ['typo', 'prefix', 'disagree', 'missing'] as const;
export type IdLevel = (typeof ID_LEVELS)[number];
