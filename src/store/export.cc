#include "store/export.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

#include "base/strings.h"
#include "pipeline/formats.h"

namespace griot {

namespace {

using Json = nlohmann::ordered_json;

std::string Clean(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string Coord(const std::optional<double>& v) { return v ? fmt::format("{:.4f}", *v) : std::string(); }


Json ActorJson(const std::optional<ActorRef>& a) {
  if (!a) return nullptr;
  Json j;
  j["text"] = a->text;
  j["code"] = a->code;
  j["country"] = a->country.empty() ? Json(nullptr) : Json(a->country);
  j["sector"] = a->sector.empty() ? Json(nullptr) : Json(a->sector);
  j["actor_id"] = a->actor_id.empty() ? Json(nullptr) : Json(a->actor_id);
  return j;
}

}  // namespace

std::string StoredEventToJson(const StoredEvent& e) {
  std::string json = EventToJson(e.record);
  // EventToJson writes one object; the store's fields are appended before its closing brace
  // so the record's own fields keep their documented order.
  json.pop_back();
  json += fmt::format(",\"mentions\":{},\"documents\":{}", e.mentions, e.documents);
  if (!e.doc_ids.empty()) json += ",\"doc_ids\":" + Json(e.doc_ids).dump(-1, ' ', false, Json::error_handler_t::replace);
  json += '}';
  return json;
}

std::string EventsCsvHeader() {
  return "event_id,date,date_precision,source_code,source_country,source_sector,source_actor_id,source_text,"
         "target_code,target_country,target_sector,target_actor_id,target_text,cameo,cameo_root,quad_class,"
         "goldstein,plover,plover_mode,modality,location,location_country,lat,lon,mentions,documents,doc_id,"
         "sentence_index,url,sentence\r\n";
}

std::string StoredEventToCsv(const StoredEvent& se) {
  const Event& e = se.record;
  std::vector<std::string> f;
  f.push_back(e.event_id);
  f.push_back(e.date.valid() ? e.date.ToString() : "");
  f.push_back(e.date.valid() ? e.date.PrecisionName() : "");
  for (const auto* a : {&e.source, &e.target}) {
    if (*a) {
      f.insert(f.end(), {(*a)->code, (*a)->country, (*a)->sector, (*a)->actor_id, (*a)->text});
    } else {
      f.insert(f.end(), 5, "");
    }
  }
  f.push_back(e.cameo);
  f.push_back(e.cameo_root);
  f.push_back(std::to_string(e.quad_class));
  f.push_back(fmt::format("{:.1f}", e.goldstein));
  f.push_back(e.plover);
  f.push_back(e.plover_mode);
  f.push_back(ModalityName(e.modality));
  f.push_back(e.location ? e.location->name : "");
  f.push_back(e.location ? e.location->country : "");
  f.push_back(e.location ? Coord(e.location->lat) : "");
  f.push_back(e.location ? Coord(e.location->lon) : "");
  f.push_back(std::to_string(se.mentions));
  f.push_back(std::to_string(se.documents));
  f.push_back(e.doc_id);
  f.push_back(std::to_string(e.sentence_index));
  f.push_back(e.url);
  f.push_back(e.sentence);
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) out += ',';
    out += CsvField(f[i]);
  }
  out += "\r\n";
  return out;
}

std::string StoredEventToPlover(const StoredEvent& se) {
  const Event& e = se.record;
  Json j;
  j["id"] = e.event_id;
  j["date"] = e.date.valid() ? Json(e.date.ToString()) : Json(nullptr);
  j["event_type"] = e.plover.empty() ? Json(nullptr) : Json(e.plover);
  j["mode"] = e.plover_mode.empty() ? Json(nullptr) : Json(e.plover_mode);
  j["context"] = Json::array();
  j["actor"] = ActorJson(e.source);
  j["recipient"] = ActorJson(e.target);
  if (e.location) {
    Json loc;
    loc["name"] = e.location->name;
    loc["country"] = e.location->country.empty() ? Json(nullptr) : Json(e.location->country);
    loc["admin1"] = e.location->admin1.empty() ? Json(nullptr) : Json(e.location->admin1);
    loc["lat"] = e.location->lat ? Json(*e.location->lat) : Json(nullptr);
    loc["lon"] = e.location->lon ? Json(*e.location->lon) : Json(nullptr);
    loc["precision"] = e.location->precision;
    j["location"] = loc;
  } else {
    j["location"] = nullptr;
  }
  j["event_text"] = e.sentence;
  j["story_id"] = e.doc_id;
  j["source"] = e.source_name.empty() ? Json(nullptr) : Json(e.source_name);
  j["url"] = e.url.empty() ? Json(nullptr) : Json(e.url);
  j["cameo"] = e.cameo;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["modality"] = ModalityName(e.modality);
  j["mentions"] = se.mentions;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string EventsTable(const std::vector<StoredEvent>& events) {
  auto actor = [](const std::optional<ActorRef>& a) {
    if (!a) return std::string("-");
    return fmt::format("{} {}", a->code, Clean(a->text));
  };
  std::vector<std::array<std::string, 9>> rows;
  rows.push_back({"EVENT", "DATE", "SOURCE", "TARGET", "CAMEO", "PLOVER", "MODALITY", "PLACE", "REPORTS"});
  for (const StoredEvent& se : events) {
    const Event& e = se.record;
    rows.push_back({e.event_id, e.date.valid() ? e.date.ToString() : "-", actor(e.source), actor(e.target), e.cameo,
                    e.plover.empty() ? "-" : e.plover, ModalityName(e.modality),
                    e.location ? Clean(e.location->name) : "-", std::to_string(se.mentions)});
  }
  static constexpr size_t kMax[9] = {16, 10, 30, 30, 5, 11, 9, 18, 7};
  size_t width[9] = {};
  for (auto& r : rows)
    for (size_t c = 0; c < 9; ++c) {
      r[c] = FitWidth(r[c], kMax[c]);
      width[c] = std::max(width[c], DisplayWidth(r[c]));
    }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (size_t c = 0; c < 9; ++c) {
      line += r[c];
      if (c + 1 < 9) line += std::string(width[c] - DisplayWidth(r[c]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  }
  return out;
}

std::string HighlightSentence(const Event& e, bool ansi) {
  struct Mark {
    Span span;
    const char* open;
    const char* close;
  };
  std::vector<Mark> marks;
  auto add = [&](const Span& s, const char* ansi_open, const char* bracket_open) {
    if (s.end <= s.begin || s.end > e.sentence.size()) return;
    marks.push_back({s, ansi ? ansi_open : bracket_open, ansi ? "\x1b[0m" : "]"});
  };
  if (e.source) add(e.source->span, "\x1b[1;34m", "[S: ");
  if (e.target) add(e.target->span, "\x1b[1;31m", "[T: ");
  add(e.trigger, "\x1b[7m", "[V: ");
  if (e.location) add(e.location->span, "\x1b[4m", "[P: ");
  // Keep the first of overlapping marks (source, target, trigger, place).
  std::vector<Mark> kept;
  for (const Mark& m : marks) {
    bool overlaps = false;
    for (const Mark& k : kept) overlaps = overlaps || (m.span.begin < k.span.end && k.span.begin < m.span.end);
    if (!overlaps) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(), [](const Mark& a, const Mark& b) { return a.span.begin < b.span.begin; });
  std::string out;
  size_t pos = 0;
  for (const Mark& m : kept) {
    out.append(e.sentence, pos, m.span.begin - pos);
    out += m.open;
    out.append(e.sentence, m.span.begin, m.span.end - m.span.begin);
    out += m.close;
    pos = m.span.end;
  }
  out.append(e.sentence, pos, std::string::npos);
  return out;
}

}  // namespace griot
