#include "pipeline/formats.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

namespace griot {
namespace {

// The JSON writer escapes strings itself, eight bytes at a time; nlohmann's dump (with
// invalid UTF-8 replaced) is the reference it must match byte for byte.
std::string Reference(const std::string& s) {
  return nlohmann::ordered_json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string SentenceField(const std::string& sentence) {
  Event e;
  e.event_id = "id";
  e.doc_id = "doc";
  e.sentence = sentence;
  e.rule = "rule";
  const std::string line = EventToJson(e);
  const std::string key = "\"sentence\":";
  const size_t at = line.find(key);
  const size_t end = line.find(",\"date\":", at);
  if (at == std::string::npos || end == std::string::npos) return "<no sentence field in " + line + ">";
  return line.substr(at + key.size(), end - at - key.size());
}

TEST(EventToJsonTest, StringsAsNlohmannWritesThem) {
  const std::vector<std::string> cases = {
      "",
      "Mali's junta expelled the French ambassador.",
      "He said \"we will leave\" \\ then left",
      "tab\there, line\nbreak, return\r, bell\x07, unit\x1f, delete\x7f",
      "Goïta met “Wagner” in Ménaka — 2021",
      "😀 four-byte characters 😀 at the edges 😀",
      "invalid \xff byte",
      "truncated at the end \xc3",
      "\xe2\x80 cut in the middle of a dash, then ASCII text long enough for words",
  };
  for (const std::string& s : cases) EXPECT_EQ(SentenceField(s), Reference(s)) << s;
}

TEST(EventToJsonTest, RandomStringsAsNlohmannWritesThem) {
  // Pieces that fall on every offset of the eight-byte words: plain text, the escaped
  // characters, valid multi-byte characters and invalid or cut sequences.
  const std::vector<std::string> pieces = {"a",    "Mali ", "1234567", "\"",   "\\",   "\n",     "\x01", "\x1f",
                                           "\x7f", " ",     "é",       "“",    "😀",   "\xff",   "\xc3", "\xe2\x80",
                                           "\x80", "/",     "<",       "\x20", "~~~~", "\xf0\x9f"};
  std::mt19937 rng(20261128);
  for (int r = 0; r < 20000; ++r) {
    std::string s;
    const int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    ASSERT_EQ(SentenceField(s), Reference(s)) << "case " << r;
  }
}

}  // namespace
}  // namespace griot
