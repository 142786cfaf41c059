// Runs TABARI's validation suite (conformance/tabari_suite.h) through griot's coding engine
// and scores it as ValidatePetrarchSuite does; the report prints with FormatReport.
//
// Each record's text is coded from raw text (Coder::CodeDocument, which tags it with griot's
// POS model unless TabariValidationOptions::tagger is off) with the suite's own dictionaries
// only (no griot dictionaries, no gazetteer), on the record's date. Produced
// events are written as TABARI writes them: actor codes, an agent named alone as "~MIL".
//
// TABARI's record-level codes, which griot's engine has no notion of, are read from the
// coding here:
//   discard   a "[###]" code blocks the whole record: an event carrying "###" as source,
//             target or code; an actor phrase whose code on the record's date is "###"
//             ("NASGUL [###]", "USSR [USR <911226] [###]"); a verb entry whose own code is
//             "###" ("SOCCER [###]"); or, with SET: TIME SHIFT on, a <TIME> phrase coded
//             "[###]". A discarded record produces no events.
//   complex   an event carrying "+++", or with TIME SHIFT on a <TIME> phrase coded "[+++]".
//             A complex record produces no events. TABARI's other complexity tests (too many
//             verbs or conjunctions, no actor before the verb) are parser heuristics that
//             griot does not reproduce.
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
//                SOURCE [X] PRIOR / TARGET [Y] AFTER (a missing source / target becomes X /
//                Y), SET: TIME SHIFT (only for the discard / complex <TIME> phrases: dates are
//                not scored), SET: YYYY (dates are read by their length anyway)
//   no effect    OUTPUT:, LABEL:, SET: ... USAGE, SET: SKIP RECORDS, SET: DUP WARNING, and
//                SET: CODE BY CLAUSE / FORWARD: ... OFF (TABARI's defaults, griot's way)
//   not applied  COMPLEX:, SET: CODE BY SENTENCE, SET: CODE ALL, FORWARD:, COMMA:, any other;
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
