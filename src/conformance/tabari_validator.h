// Runs TABARI's validation suite (conformance/tabari_suite.h) through griot's coding engine
// and scores it as ValidatePetrarchSuite does; the report prints with FormatReport.
//
// Each record's text is coded from raw text (Coder::CodeDocument, which tags it with griot's
// POS model unless TabariValidationOptions::tagger is off) with the suite's own dictionaries
// only (no griot dictionaries, no gazetteer), on the record's date, with TABARI's reading of
// the coder (CoderOptions: '?' codes only alone, a '!' code alone once coded, the source the
// first actor of the clause, the target within the verb's clause, pronouns for the first
// actor, pattern words at any distance in the clause, one coded verb per clause). An "_" in the text
// joins words as in the dictionaries ("Dol_Amroth" reads "Dol Amroth"). Produced
// events are written as TABARI writes them: actor codes, an agent named alone as "~MIL".
//
// TABARI's record-level codes, which griot's engine has no notion of, are read from the
// coding here:
//   discard   a "[###]" code blocks the whole record: an event carrying "###" as source,
//             target or code; an actor phrase whose code on the record's date is "###"
//             ("NASGUL [###]", "USSR [USR <911226] [###]"); a verb entry whose own code is
//             "###" ("SOCCER [###]"); or, with SET: TIME SHIFT on, a <TIME> phrase coded
//             "[###]". A discarded record produces no events.
//   complex   an event carrying "+++", or with TIME SHIFT on a <TIME> phrase coded "[+++]",
//             or a sentence the coder finds complex under the COMPLEX: command in force
//             (VERBS[n]: n verbs or more; CONJ[n]: n conjunctions opening clauses or more;
//             NOACTPRIOR: no actor before the first coded verb; CoderOptions::complex_*).
//             A complex record produces no events.
//
// Scoring (a record passes if any expectation it lists holds; "alternatives" such as
// DEBUG-11's {+++} or its events):
//   events      the set of (source, target, code) produced equals the expected set; with a
//               "-{" block, the events before it need only be among those produced (and a
//               record whose first block is "-{" checks nothing: it passes, as in TABARI)
//   {---}       nothing is coded and the record is neither discarded nor complex
//   {###}       the record is discarded
//   {+++}       the record is flagged complex, or nothing is coded (griot's reading of
//               TABARI's complexity filter: it leaves such sentences uncoded)
// Records with no expectation (OPTION records, FINAL-01) are not scored, nor are the records
// after FINAL-01 (TABARI's standard suite ends there).
//
// Options, from the .options file and then {OPTION: ...} records, in file order:
//   applied      SET: CONVERT AGENT (an agent alone is an actor "~CODE"; when off, it is no
//                actor: its role is missing), SET: MINIMUM WORDS (records with fewer
//                blank-separated words are not coded; TABARI's default is 8), DEFAULT:
//                SOURCE [X] (PRIOR) TARGET [Y] (AFTER) (a missing role of a verb's events:
//                with PRIOR the source is X, else the target's first actor moves into it;
//                with AFTER the target is Y, else a compound source is split), FORWARD: (a
//                missing source is the previous record's first actor), COMMA: (comma-
//                delimited clauses of so many words are deleted before coding, marked as
//                TABARI marks them: commas in pairs from the left, actor lists passed over;
//                TABARI's default deletes internal and terminal clauses of 2 to 10
//                words), SET: TIME
//                SHIFT (only for the discard / complex <TIME> phrases: dates are not scored),
//                SET: YYYY (dates are read by their length anyway), SET: CODE BY CLAUSE (the
//                default) / CODE BY SENTENCE / CODE ALL (CoderOptions::code_by), COMPLEX:
//                VERBS[n] CONJ[n] NOACTPRIOR (the tests named are on, the others off; EXPLAIN
//                has no effect; while FORWARD: forwards an actor, a pronoun before the verb
//                counts as an actor for NOACTPRIOR)
//   no effect    OUTPUT:, LABEL:, SET: ... USAGE, SET: SKIP RECORDS, SET: DUP WARNING
//   not applied  any other (and a COMPLEX: command with an unknown test);
//                records scored while one of these differs from the suite's .options file
//                are listed in the report's notes.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "conformance/tabari_suite.h"
#include "conformance/validator.h"

namespace griot {

// What griot made of one record.
struct TabariOutcome {
  std::vector<ExpectedCoding> produced;  // distinct (source, target, code), sorted
  bool discarded = false;
  bool complex = false;
  bool not_coded = false;  // skipped by an option (MINIMUM WORDS)
};

// True if `outcome` satisfies one of the record's expectations (see the header comment).
bool ScoreTabariRecord(const TabariRecord& record, const TabariOutcome& outcome);

// "(no events) | (discard) | ARN GON 064, ..." — the record's expectations for a report.
std::string DescribeTabariExpectation(const TabariRecord& record);

struct TabariValidationOptions {
  // Tag each record with griot's POS model before coding, as `griot code` does with raw
  // text. Off: the coder reads untagged tokens (to see what the tagger changes).
  bool tagger = true;
};

Result<ValidationReport> ValidateTabariSuite(const TabariSuite& suite, const TabariValidationOptions& options = {});

}  // namespace griot
