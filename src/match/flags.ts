import type { DuplicateFlag } from '../dedupe/apply-duplicate-flags.js';
// Every flag a MatchResult may carry, defined once; the README's table is made from this list.
export const MATCH_FLAGS = {
  name_unaccented: 'The names agree once marks are ignored; one side is written without marks.',
  name_differs: 'The names differ (a typo, a dropped or different middle name, another family name) but not enough to be another person.',
  dob_differs: 'The birth dates differ: day and month swapped, a different day or month, or the year off.',
  sex_differs: 'The row and the registry disagree on sex.',
  id_sex_mismatch: "The ID's 4th digit (century and sex) disagrees with the row's sex.",
  id_year_mismatch: "The ID's century digit and digits 5-6 disagree with the row's birth year.",
  id_conflict: "The row's ID belongs to a registry person with another name or birth date (a relative's ID?): never matched automatically, unless id_of_relative applies.",
  id_of_relative:
    "The row's ID belongs to another registry person at the same address (a relative's ID copied by mistake), and the row fits a person there exactly (name, full birth date, sex, village): matched to that person, whose ID is given.",
  cmnd_conflict: "The row's old CMND belongs to a registry person with another name or birth date.",
  id_from_cmnd_column: 'A 12-digit ID written in the CMND column was used.',
  registry_duplicate_id: 'Several registry rows hold this ID or CMND and agree with the row.',
  name_missing: 'The row has an ID but no name to confirm it by.',
  id_not_in_registry: "The row's ID is well formed but no registry person holds it.",
  id_differs: "The best candidate holds a registry ID that is not the row's ID nor one typo from it.",
  id_corrected: "The row's ID is one digit or one swap away from the matched person's; the registry ID is given.",
  ambiguous: 'Several registry people fit the row about equally well.',
  homonyms: 'Several registry people share the name and birth year and the row gives no full birth date to tell them apart.',
  weak_name: 'Only part of the name agrees; a person must confirm.',
  deceased: 'The registry says the person has died.',
  list_says_deceased: 'The list itself notes that the person died ("Đã chết", "Từ trần", "Chết ngày …"): never paid.',
  list_says_moved: 'The list itself notes that the person moved away ("Chuyển đi …", "Chuyển khẩu"): never paid.',
  list_says_stopped: 'The list itself notes that the benefit was cut or suspended ("Cắt từ tháng …", "Thôi hưởng", "Tạm dừng", "Dừng chi trả"): never paid.',
  row_struck: "The person's name is struck through in the list: never paid.",
  row_hidden: 'The row is hidden or filtered out in the workbook: never paid.',
  list_registry_disagree: 'The list says the person died but the registry has them alive: check which is right.',
} as const;
export type MatchFlag = keyof typeof MATCH_FLAGS;

/** Flags a review decision adds (decisions.ts). */
export const DECISION_FLAGS = {
  decision_stale: 'A review decision was made for this row, but the row has changed since: review it again.',
  decision_unknown_id: 'The review decision names a registry ID that is not in this registry.',
  not_in_registry: 'Decided by hand: the person is not in the registry.',
} as const;
export type DecisionFlag = keyof typeof DECISION_FLAGS;

/** Every flag a row can carry: a closed set, so payment and reports can only ask for flags that exist. */
export type Flag = MatchFlag | DuplicateFlag | DecisionFlag;
