// Output formats for stored events (`griot events`) and the highlighted sentences of
// `griot explain`. JSONL, GDELT-like TSV and PETRARCH lines reuse pipeline/formats.h, so a
// stored event prints exactly as `griot code` printed its first report, plus the store's
// fields.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace griot {

enum class EventsFormat { kTable, kJsonl, kCsv, kTsv, kPetrarch, kPlover };

// The `griot code` JSON record of the event followed by the store's fields: "mentions" (how
// many reports), "documents" (how many documents) and, when loaded, "doc_ids".
std::string StoredEventToJson(const StoredEvent& e);

// CSV (RFC 4180: fields with commas, quotes or line breaks are quoted), header first.
std::string EventsCsvHeader();
std::string StoredEventToCsv(const StoredEvent& e);

// One PLOVER-style JSON object per line, with PLOVER's field names: id, date,
// event_type, mode, context (always empty: griot does not code contexts yet), actor and
// recipient ({text, code, country, sector, actor_id}), location, event_text (the sentence),
// story_id, source, url, cameo, quad_class, goldstein, modality, mentions.
std::string StoredEventToPlover(const StoredEvent& e);

// An aligned text table for terminals: id, date, source, target, CAMEO, PLOVER, place,
// reports. Cells are cut to fit with "…".
std::string EventsTable(const std::vector<StoredEvent>& events);

// The sentence of `e` with its source, target, trigger and place marked: ANSI colours
// (source bold blue, target bold red, trigger reverse video, place underlined) when `ansi`,
// else brackets: "[S: ...]", "[T: ...]", "[V: ...]", "[P: ...]". Overlapping spans keep the
// first marked.
std::string HighlightSentence(const Event& e, bool ansi);

}  // namespace griot
