// The catalogue of every code a normaliser may put on a row, with its severity and what it means.
// The README lists this table; a code used in src/normalize or src/rules must be here (finding() only accepts these).
import type { Severity } from '../types.js';

export interface ProblemCodeInfo {
  readonly severity: Severity;
  readonly description: string;
}

export const PROBLEM_CODES = {
  row_no_identity: { severity: 'error', description: 'The row has no name, no ID and no birth date: nobody can be identified.' },

  name_missing: { severity: 'warning', description: 'The name cell is empty.' },
  name_not_text: { severity: 'error', description: 'The name cell holds a date or a true/false value, not a name.' },
  name_no_letters: { severity: 'error', description: 'The name cell holds no letters.' },
  name_has_digits: { severity: 'warning', description: 'The name contains digits (a year or a number typed into the name?).' },
  name_unusual_characters: { severity: 'warning', description: 'The name contains punctuation or symbols (a note or an abbreviation in the name?).' },
  name_one_word: { severity: 'warning', description: 'The name is a single word: family name or given name missing.' },

  id_missing: { severity: 'warning', description: 'No personal ID.' },
  id_leading_zero_restored: { severity: 'info', description: 'The ID was stored as a number and lost its leading zero(s); restored.' },
  id_scientific_notation: { severity: 'error', description: 'The ID was shown as 3.80412E+10 and saved so: its last digits are lost for good.' },
  id_precision_lost: { severity: 'error', description: 'The ID number has more than 15 digits; Excel turned the digits past the 15th into zeros.' },
  id_is_cmnd: { severity: 'warning', description: 'An old 9-digit CMND is written where the 12-digit personal ID belongs (CMND invalid since 1 Jan 2025).' },
  id_not_digits: { severity: 'error', description: 'The ID contains characters other than digits, spaces, dots and dashes.' },
  id_wrong_length: { severity: 'error', description: 'The ID has neither 12 digits (personal ID) nor 9 (old CMND).' },
  id_bad_province: { severity: 'error', description: 'The ID starts with a place-of-birth code that does not exist (not 001-096 as listed, nor 101-295).' },
  id_sex_mismatch: { severity: 'warning', description: "The ID's 4th digit (century and sex) disagrees with the row's sex." },
  id_year_mismatch: { severity: 'warning', description: "The ID's century digit and digits 5-6 disagree with the row's birth year." },
  id_from_old_id_column: { severity: 'info', description: 'The personal-ID column is empty; the 12-digit ID found in the CMND column is used.' },
  old_id_invalid: { severity: 'warning', description: 'The CMND column holds neither 9 nor 12 digits.' },

  date_missing: { severity: 'warning', description: 'No birth date.' },
  date_year_only: { severity: 'info', description: 'Only the birth year is known (1945, 00/00/1945, Năm 1945).' },
  date_month_year_only: { severity: 'info', description: 'Only the birth month and year are known.' },
  date_placeholder: { severity: 'warning', description: '01/01 is often written when only the year is known; the day and month may not be real.' },
  date_two_digit_year: { severity: 'warning', description: 'A two-digit year was given; the century was taken from the ID, or else the latest year not after the run year.' },
  date_order_unsettled: { severity: 'warning', description: 'Day and month are both 12 or less and the file does not show which comes first.' },
  date_impossible: { severity: 'error', description: 'The date does not exist (31/02, month 13, Excel serial 60 = the fake 29 Feb 1900).' },
  date_future: { severity: 'error', description: 'The birth date is after the run year.' },
  date_too_old: { severity: 'error', description: 'The birth date makes the person older than 120.' },
  date_unreadable: { severity: 'error', description: 'The birth-date cell is not a date in any known form.' },

  sex_unreadable: { severity: 'warning', description: 'The sex cell is not Nam/Nữ, 1/0, M/F or Male/Female.' },
  sex_both_columns: { severity: 'warning', description: 'Both the Nam and the Nữ column are filled: sex unknown.' },
  sex_conflict: { severity: 'warning', description: 'The sex column and the Nam/Nữ date columns disagree; the sex column is used.' },

  amount_not_integer: { severity: 'error', description: 'The amount has a fractional part; VND has no minor unit.' },
  amount_negative: { severity: 'error', description: 'The amount is negative.' },
  amount_unreadable: { severity: 'error', description: 'The amount is not a number in any known form.' },
  rate_from_coefficient: { severity: 'info', description: 'No monthly rate is written: the coefficient (Hệ số) times the standard level (Mức chuẩn) is used as the rate.' },
  arrears_mismatch: { severity: 'warning', description: 'The arrears amount is not the monthly rate times the arrears months.' },
  total_mismatch: { severity: 'warning', description: 'The total is not the monthly rate plus the arrears; the total is what is paid.' },
  amount_in_words: { severity: 'info', description: 'The amount was written with a unit word (1,5 triệu, 1tr5, 1 triệu rưỡi, 500 nghìn, 750k; not trăm or tỷ); read as a whole number of đồng, shown in the message.' },

  account_mangled: { severity: 'error', description: 'The account number was stored as a long number or in 1.2E+15 form; its last digits are lost.' },
  account_from_number: { severity: 'warning', description: 'The account number was stored as a number: leading zeros, if it had any, are lost.' },
  account_invalid: { severity: 'error', description: 'The account number is not 6-19 digits.' },

  phone_invalid: { severity: 'warning', description: 'Not a Vietnamese phone number (10-digit mobile or 11-digit 02x landline).' },
  phone_leading_zero_restored: { severity: 'info', description: 'The phone was stored as a number and lost its leading 0; restored.' },
  phone_old_prefix: { severity: 'info', description: 'An 11-digit mobile number from before the 2018 renumbering; converted to the 10-digit number.' },
  phone_several: { severity: 'info', description: 'The cell holds several phone numbers; the first is used.' },

  bank_unknown: { severity: 'warning', description: 'The bank name matches no known bank, wallet or cash keyword.' },

  name_words_removed: { severity: 'info', description: 'A courtesy or kinship word before the name (Cụ, Bà, Ông, LS …) or a remark in brackets after it is kept out of the compared name; the cleaned list shows it in name_prefix or note.' },
  section_programme_differs: { severity: 'warning', description: "The row's programme column disagrees with the section heading above it (I. NGƯỜI CAO TUỔI …); the column is used." },
  qr_disagrees: { severity: 'warning', description: "The chip card's QR string in the row gives another name, birth date or sex than the row's own cells; the row's own cells are used." },
  qr_read: { severity: 'info', description: "A chip card's QR string (ID|CMND|name|birth|sex|address|issue date) gave the ID and filled the row's empty fields." },
  commune_divided: { severity: 'warning', description: "The list's old commune was divided in 2025 between several new communes and neither the village nor the registry address says which: check the commune." },
  commune_from_registry: { severity: 'info', description: "The list names its commune nowhere (column, address, title, sheet or file name); at least 80 % of the people it matched live in one commune of the province by the registry, and the list's rows are put there." },
  list_says_removed: { severity: 'warning', description: 'The list itself marks the person as removed (a note that they died, moved away, were cut or suspended, a struck-through name, a hidden row): never paid.' },

  // Entitlement checks of the payment period (src/rules): reported, never corrected; who is paid does not change.
  amount_below_rate: { severity: 'warning', description: "The monthly rate is below the lowest national rate of the row's category in the period (underpaid, or a rate not raised with the standard level)." },
  amount_above_rate: { severity: 'info', description: "The monthly rate is above the highest national rate (and any province level set) of the row's category: a province's own level? Check its resolution." },
  amount_not_a_rate: { severity: 'warning', description: "The monthly rate lies between the rates of the row's category in the period but is none of them." },
  age_turns_4: { severity: 'info', description: 'The person turns 4 this month: a child without support moves from coefficient 2.5 to 1.5.' },
  age_turns_16: { severity: 'info', description: 'The person turns 16 this month: child categories end (only a 16-22 year-old still studying keeps the allowance); a disabled child moves to the adult rate.' },
  age_turns_60: { severity: 'info', description: 'The person turns 60 this month: elderly categories start; a disabled adult moves to the elderly rate.' },
  age_turns_75: { severity: 'info', description: 'The person turns 75 this month: the social pension (from 1 Jul 2025) and the 75-80 elderly category start.' },
  age_turns_80: { severity: 'info', description: 'The person turns 80 this month: the 80+ elderly categories start (the 60-80 ones end).' },
  age_below_category: { severity: 'warning', description: "The person's age in the period is below every category the programme text fits (an elderly category under 60 …)." },
  age_above_category: { severity: 'warning', description: "The person's age in the period is above every category the programme text fits (a child category from 22 …)." },
  category_unknown: { severity: 'info', description: 'The programme text fits no category of the rules (or none in force in the period): its amount is not checked.' },
  benefits_exclusive: { severity: 'warning', description: 'The same person holds the old-age social allowance and the social pension in the period; the law pays only the higher (Law on Social Insurance 2024, Art. 22): the duplicate rules keep the higher one.' },
  encoding_mixed: { severity: 'warning', description: 'A file-level problem: the CSV lines are not all in one encoding (UTF-8 and Windows-1258 pasted together); each line was decoded on its own. Check the names.' },
} as const satisfies Record<string, ProblemCodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
