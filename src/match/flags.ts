// Every flag a MatchResult may carry, defined once; the README's table is made from this list.
export const MATCH_FLAGS = {
  name_unaccented: 'The names agree once marks are ignored; one side is written without marks.',
  name_differs: 'The names differ (a typo, a dropped or different middle name, another family name) but not enough to be another person.',
  dob_differs: 'The birth dates differ: day and month swapped, a different day or month, or the year off.',
  sex_differs: 'The row and the registry disagree on sex.',
  id_sex_mismatch: "The ID's 4th digit (century and sex) disagrees with the row's sex.",
  id_year_mismatch: "The ID's century digit and digits 5-6 disagree with the row's birth year.",
  id_conflict: "The row's ID belongs to a registry person with another name or birth date (a relative's ID?): never matched automatically.",
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
} as const;
export type MatchFlag = keyof typeof MATCH_FLAGS;
