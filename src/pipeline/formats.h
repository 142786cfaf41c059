// Output formats for coded events: JSON lines (the full event record), a GDELT-like TSV
// table and PETRARCH's tab-separated event lines.
#pragma once

#include <string>

#include "coding/event.h"

namespace griot {

enum class OutputFormat { kJsonl, kTsv, kPetrarch, kText };

// One event as a single-line JSON object, fields in the documented order.
std::string EventToJson(const Event& e);
// The TSV header row (with trailing newline) and one row per event.
std::string TsvHeader();
std::string EventToTsv(const Event& e);
// PETRARCH: date (YYYYMMDD), source, target, code, (issues), ids, publisher.
std::string EventToPetrarch(const Event& e);

// One readable line for people: date, source -> target, code and type, modality, place, the
// document and the sentence.
std::string EventToText(const Event& e);

}  // namespace griot
