// Briefs: what the record says about a country, an actor or a search over a date window,
// written as prose in four sections — "What's Happening?", "Why It's Important?", "What's
// Next?" and "Beyond the Headlines" — where every sentence cites the stored events and the
// reporting sentences it rests on. A claim with no supporting event is never written; an
// empty window says so. User documentation: docs/brief.md.
//
// BuildBrief reads only the Store interface and the analysis stage (analysis/analysis.h).
// Renderers (render.h) turn a Brief into Markdown, one self-contained HTML file or JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "base/status.h"
#include "store/store.h"

namespace griot::brief {

// The evidence for a sentence: one report of a stored event.
struct Citation {
  std::string event_id;   // the stored event (Store::FindEvent resolves it)
  std::string doc_id;     // the document of the report
  std::string title;      // of the document
  std::string source;     // publisher
  std::string url;
  std::string date;       // of the event, YYYY-MM-DD (or YYYY-MM / YYYY for coarser dates)
  std::string sentence;   // the reporting sentence, exactly as stored
};

// What a sentence does, for readers and renderers:
//   event       tells what happened (one event or several merged)
//   aggregate   a figure computed from the record, citing example events behind it
//   projection  forward-looking: a stated intention, a trend or an escalation signal; never a fact
//   context     the wider picture (other countries, network, long-run series, successors)
//   absence     says that nothing is on record; the only kind that may have no citation
enum class SentenceKind { kEvent, kAggregate, kProjection, kContext, kAbsence };
const char* SentenceKindName(SentenceKind k);

struct BriefSentence {
  std::string text;
  std::vector<Citation> citations;
  SentenceKind kind = SentenceKind::kEvent;
};

struct Section {
  std::string title;
  std::vector<BriefSentence> sentences;
};

// The section titles, in order.
inline constexpr const char* kSectionTitles[4] = {"What's Happening?", "Why It's Important?", "What's Next?",
                                                  "Beyond the Headlines"};

struct Brief {
  std::string title;                      // "Mali, 2 August to 30 October 2025"
  std::string subject;                    // display name ("Mali", "the Wagner Group")
  std::string subject_kind;               // "country", "actor" or "query"
  std::string subject_value;              // as given ("MLI", "wagner_group")
  std::optional<analysis::Window> window; // absent only when the store has no event for the subject
  std::vector<Section> sections;          // always the four, in order
  int64_t events_in_window = 0;
  // Chart data for the HTML renderer: the window's series by QuadClass and the network.
  analysis::Bucket bucket = analysis::Bucket::kWeek;
  std::vector<analysis::SeriesPoint> series;
  analysis::Network network;
  // Problems met while writing that did not stop the brief (a citation whose event could not
  // be read, an unreadable actor_links.tsv...): each leaves the brief shorter, never wrong.
  std::vector<std::string> warnings;
};

struct BriefOptions {
  std::string data_dir;        // griot's data (countries, actor links); empty: ResolveDataDir("")
  int default_days = 90;       // window when none is given (analysis::DefaultWindow)
  size_t max_happenings = 8;   // sentences of "What's Happening?"
  size_t max_forward = 3;      // forward statements in "What's Next?"
  size_t citations_per_sentence = 4;
  // "Beyond the Headlines": the monthly series over at most this many years before the
  // window's end (its cost grows with the events of the period: see docs/performance.md).
  int long_run_years = 1;
};

// Builds the brief of `subject` over `window` (default: the last `default_days` days of data
// for that subject). Errors: the subject cannot be resolved (unknown actor or country), a
// window whose end precedes its start, store failures. An empty window is not an error.
Result<Brief> BuildBrief(Store& store, const analysis::Subject& subject, const std::optional<analysis::Window>& window,
                         const BriefOptions& options = {});

}  // namespace griot::brief
