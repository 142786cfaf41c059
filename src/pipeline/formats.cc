#include "pipeline/formats.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace griot {

namespace {

using Json = nlohmann::ordered_json;

Json ActorJson(const std::optional<ActorRef>& a) {
  if (!a) return nullptr;
  Json j;
  j["text"] = a->text;
  j["code"] = a->code;
  j["country"] = a->country.empty() ? Json(nullptr) : Json(a->country);
  j["sector"] = a->sector.empty() ? Json(nullptr) : Json(a->sector);
  j["actor_id"] = a->actor_id.empty() ? Json(nullptr) : Json(a->actor_id);
  if (a->country_inferred) j["country_inferred"] = true;
  return j;
}

Json SpanJson(const Span& s) { return Json::array({s.begin, s.end}); }

std::string Clean(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string EventToJson(const Event& e) {
  Json j;
  j["event_id"] = e.event_id;
  j["doc_id"] = e.doc_id;
  j["sentence_index"] = e.sentence_index;
  j["sentence"] = e.sentence;
  j["date"] = e.date.valid() ? Json(e.date.ToString()) : Json(nullptr);
  j["date_precision"] = e.date.valid() ? Json(e.date.PrecisionName()) : Json(nullptr);
  j["source"] = ActorJson(e.source);
  j["target"] = ActorJson(e.target);
  j["cameo"] = e.cameo;
  j["cameo_root"] = e.cameo_root;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["plover"] = e.plover.empty() ? Json(nullptr) : Json(e.plover);
  j["plover_mode"] = e.plover_mode.empty() ? Json(nullptr) : Json(e.plover_mode);
  j["modality"] = ModalityName(e.modality);
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
  Json spans;
  spans["source"] = e.source ? SpanJson(e.source->span) : Json(nullptr);
  spans["target"] = e.target ? SpanJson(e.target->span) : Json(nullptr);
  spans["trigger"] = SpanJson(e.trigger);
  if (e.location) spans["location"] = SpanJson(e.location->span);
  j["spans"] = spans;
  j["rule"] = e.rule;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string TsvHeader() {
  return "event_id\tdoc_id\tsentence_index\tdate\tsource_code\tsource_country\tsource_sector\t"
         "source_text\ttarget_code\ttarget_country\ttarget_sector\ttarget_text\tcameo\tcameo_root\t"
         "quad_class\tgoldstein\tplover\tmodality\tlocation\tlocation_country\tlat\tlon\t"
         "source_url\tsentence\n";
}

std::string EventToTsv(const Event& e) {
  auto actor = [](const std::optional<ActorRef>& a) {
    if (!a) return std::string("\t\t\t");
    return fmt::format("{}\t{}\t{}\t{}", a->code, a->country, a->sector, Clean(a->text));
  };
  auto coord = [](const std::optional<double>& v) { return v ? fmt::format("{:.4f}", *v) : std::string(); };
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.1f}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", e.event_id,
                     e.doc_id, e.sentence_index, e.date.valid() ? e.date.ToString() : "", actor(e.source),
                     actor(e.target), e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.plover,
                     ModalityName(e.modality), e.location ? Clean(e.location->name) : "",
                     e.location ? e.location->country : "", e.location ? coord(e.location->lat) : "",
                     e.location ? coord(e.location->lon) : "", Clean(e.url), Clean(e.sentence));
}

std::string EventToPetrarch(const Event& e) {
  return fmt::format("{}\t{}\t{}\t{}\t\t{}\t{}\n", e.date.valid() ? e.date.ToCompact() : "",
                     e.source ? e.source->code : "---", e.target ? e.target->code : "---", e.cameo,
                     fmt::format("{}_{}", e.doc_id, e.sentence_index), Clean(e.source_name));
}

std::string EventToText(const Event& e) {
  auto actor = [](const std::optional<ActorRef>& a) {
    return a ? fmt::format("{} ({})", a->code, a->text) : std::string("-");
  };
  std::string sentence = Clean(e.sentence);
  if (sentence.size() > 160) sentence = sentence.substr(0, 157) + "...";
  return fmt::format("{}  {} -> {}  {} {}{}  [{}]{}  {}#{}: {}\n", e.date.valid() ? e.date.ToString() : "----------",
                     actor(e.source), actor(e.target), e.cameo, e.plover.empty() ? "-" : e.plover,
                     e.plover_mode.empty() ? "" : "/" + e.plover_mode, ModalityName(e.modality),
                     e.location ? "  @" + e.location->name : "", e.doc_id, e.sentence_index, sentence);
}

}  // namespace griot
