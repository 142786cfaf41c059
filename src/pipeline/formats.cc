#include "pipeline/formats.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

#include "base/utf8.h"

namespace griot {

namespace {

using Json = nlohmann::ordered_json;

// True if one of the 8 bytes at `p` is not plain printable ASCII for a JSON string: a
// control character, a quote, a backslash or a byte of a multi-byte character. Word-wide
// tests ("has a byte less than n", "has a zero byte"), exact as yes/no answers.
inline bool NeedsALook(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  uint64_t w;
  std::memcpy(&w, p, 8);
  auto has_zero = [&](uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  return (w & kHighs) != 0 || ((w - kOnes * 0x20) & ~w & kHighs) != 0 || has_zero(w ^ (kOnes * '"')) ||
         has_zero(w ^ (kOnes * '\\'));
}

// The event record written straight into a string, byte for byte what nlohmann::json's
// dump() gives for the same object (no spaces, keys in this order), without building the
// JSON tree: output runs on the pipeline's calling thread, so its cost is not shared out.
// Strings of valid UTF-8 are escaped here as nlohmann escapes them; a string with an invalid
// byte, and every floating-point number, is written by nlohmann itself (its UTF-8
// replacement, its number format).
class EventJsonWriter {
 public:
  std::string Take() { return std::move(out_); }
  void Reserve(size_t n) { out_.reserve(n); }
  void Open() {
    Separate();
    out_.push_back('{');
    first_ = true;
  }
  void Close() {
    out_.push_back('}');
    first_ = false;
  }
  void Key(std::string_view key) {  // keys are plain ASCII names
    char buf[40];
    if (key.size() > sizeof buf - 4) {
      Separate();
      out_.push_back('"');
      out_ += key;
      out_ += "\":";
      first_ = true;
      return;
    }
    // The separator, the quoted key and its colon in one append (the names are short).
    size_t n = 0;
    if (!first_) buf[n++] = ',';
    buf[n++] = '"';
    std::memcpy(buf + n, key.data(), key.size());
    n += key.size();
    buf[n++] = '"';
    buf[n++] = ':';
    out_.append(buf, n);
    first_ = true;  // the value follows without a comma
  }
  void String(std::string_view s) {
    Separate();
    // Valid UTF-8 is written as it is, ASCII control characters, quotes and backslashes
    // escaped, in runs (this is most of an event line: the sentence); a string with an invalid
    // byte goes through nlohmann, which replaces them. One pass, eight bytes at a time while
    // none needs a look.
    const size_t start = out_.size();
    out_.push_back('"');
    bool utf8_checked = false;
    size_t run = 0;
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
      if (i + 8 <= n && !NeedsALook(s.data() + i)) {
        i += 8;
        continue;
      }
      const auto c = static_cast<unsigned char>(s[i++]);
      if (c >= 0x80) {
        if (!utf8_checked && FindInvalidUtf8(s)) {
          out_.resize(start);
          out_ += Json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
          return;
        }
        utf8_checked = true;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - 1 - run);
      run = i;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\t': out_ += "\\t"; break;
        case '\n': out_ += "\\n"; break;
        case '\f': out_ += "\\f"; break;
        case '\r': out_ += "\\r"; break;
        default: out_ += fmt::format("\\u{:04x}", c);
      }
    }
    out_.append(s.data() + run, n - run);
    out_.push_back('"');
  }
  void StringOrNull(std::string_view s) {
    if (s.empty()) Null();
    else String(s);
  }
  void Null() {
    Separate();
    out_ += "null";
  }
  void Bool(bool b) {
    Separate();
    out_ += b ? "true" : "false";
  }
  void Int(long long v) {
    Separate();
    AppendInt(v);
  }
  void Double(double v) {
    Separate();
    out_ += Json(v).dump();
  }
  void SpanArray(const Span& s) {
    Separate();
    out_.push_back('[');
    AppendInt(s.begin);
    out_.push_back(',');
    AppendInt(s.end);
    out_.push_back(']');
  }

 private:
  void AppendInt(long long v) {
    const fmt::format_int digits(v);  // formatted in place: no string made
    out_.append(digits.data(), digits.size());
  }
  void Separate() {
    if (!first_) out_.push_back(',');
    first_ = false;
  }
  std::string out_;
  bool first_ = true;
};

void WriteActor(const std::optional<ActorRef>& a, EventJsonWriter* w) {
  if (!a) {
    w->Null();
    return;
  }
  w->Open();
  w->Key("text");
  w->String(a->text);
  w->Key("code");
  w->String(a->code);
  w->Key("country");
  w->StringOrNull(a->country);
  w->Key("sector");
  w->StringOrNull(a->sector);
  w->Key("actor_id");
  w->StringOrNull(a->actor_id);
  if (a->country_inferred) {
    w->Key("country_inferred");
    w->Bool(true);
  }
  w->Close();
}

std::string Clean(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string EventToJson(const Event& e) {
  EventJsonWriter w;
  // Room for the whole line at once (its fixed part is under 700 bytes): growing from empty
  // reallocated and copied the line some six times.
  w.Reserve(e.sentence.size() + e.rule.size() + e.doc_id.size() + 768);
  w.Open();
  w.Key("event_id");
  w.String(e.event_id);
  w.Key("doc_id");
  w.String(e.doc_id);
  w.Key("sentence_index");
  w.Int(e.sentence_index);
  w.Key("sentence");
  w.String(e.sentence);
  w.Key("date");
  if (e.date.valid()) w.String(e.date.ToString());
  else w.Null();
  w.Key("date_precision");
  if (e.date.valid()) w.String(e.date.PrecisionName());
  else w.Null();
  w.Key("source");
  WriteActor(e.source, &w);
  w.Key("target");
  WriteActor(e.target, &w);
  w.Key("cameo");
  w.String(e.cameo);
  w.Key("cameo_root");
  w.String(e.cameo_root);
  w.Key("quad_class");
  w.Int(e.quad_class);
  w.Key("goldstein");
  w.Double(e.goldstein);
  w.Key("plover");
  w.StringOrNull(e.plover);
  w.Key("plover_mode");
  w.StringOrNull(e.plover_mode);
  w.Key("modality");
  w.String(ModalityName(e.modality));
  w.Key("location");
  if (e.location) {
    w.Open();
    w.Key("name");
    w.String(e.location->name);
    w.Key("country");
    w.StringOrNull(e.location->country);
    w.Key("admin1");
    w.StringOrNull(e.location->admin1);
    w.Key("lat");
    if (e.location->lat) w.Double(*e.location->lat);
    else w.Null();
    w.Key("lon");
    if (e.location->lon) w.Double(*e.location->lon);
    else w.Null();
    w.Key("precision");
    w.String(e.location->precision);
    w.Close();
  } else {
    w.Null();
  }
  w.Key("spans");
  w.Open();
  w.Key("source");
  if (e.source) w.SpanArray(e.source->span);
  else w.Null();
  w.Key("target");
  if (e.target) w.SpanArray(e.target->span);
  else w.Null();
  w.Key("trigger");
  w.SpanArray(e.trigger);
  if (e.location) {
    w.Key("location");
    w.SpanArray(e.location->span);
  }
  w.Close();
  w.Key("rule");
  w.String(e.rule);
  w.Close();
  return w.Take();
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
