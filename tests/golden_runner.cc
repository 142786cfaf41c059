// Runs one golden test file: codes its text with griot's dictionaries and checks the
// expected events. The format is documented in tests/golden/README.md.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "coding/coder.h"
#include "dict/dictionary_set.h"

namespace griot {
namespace {

std::string g_file;

struct Expectation {
  int line = 0;
  bool negative = false;  // expect-none
  std::string source, target, cameo;
  std::vector<std::pair<std::string, std::string>> attrs;  // modality=, date=, ...
};

struct GoldenTest {
  std::string name;
  std::string text;
  std::optional<Date> date;
  bool exact = false;
  std::vector<Expectation> expectations;
};

// "*" matches anything, "-" a missing actor, "ABC*" a prefix, anything else exactly.
bool Glob(const std::string& pattern, const std::string& value, bool present) {
  if (pattern == "*") return true;
  if (pattern == "-") return !present;
  if (!present) return false;
  if (pattern.ends_with("*")) return value.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == value;
}

bool Matches(const Expectation& x, const Event& e) {
  if (!Glob(x.source, e.source ? e.source->code : "", e.source.has_value())) return false;
  if (!Glob(x.target, e.target ? e.target->code : "", e.target.has_value())) return false;
  if (!Glob(x.cameo, e.cameo, true)) return false;
  for (const auto& [k, v] : x.attrs) {
    if (k == "modality" && v != ModalityName(e.modality)) return false;
    if (k == "date" && (!e.date.valid() || v != e.date.ToString())) return false;
    if (k == "plover" && v != e.plover) return false;
    if (k == "location" && (!e.location || v != e.location->name)) return false;
    if (k == "sentence" && e.sentence.find(v) == std::string::npos) return false;
    if (k == "source_id" && (!e.source || v != e.source->actor_id)) return false;
    if (k == "target_id" && (!e.target || v != e.target->actor_id)) return false;
  }
  return true;
}

std::string Describe(const Event& e) {
  return fmt::format("{} {} {} [{}] {} | {}", e.source ? e.source->code : "-", e.target ? e.target->code : "-",
                     e.cameo, ModalityName(e.modality), e.date.valid() ? e.date.ToString() : "-",
                     e.sentence.substr(0, 90));
}

GoldenTest Parse(const std::string& path) {
  std::ifstream in(path);
  if (!in) ADD_FAILURE() << "cannot open " << path;
  GoldenTest t;
  std::string line;
  int number = 0;
  bool in_text = false;
  while (std::getline(in, line)) {
    ++number;
    if (in_text) {
      if (line == ">>") {
        in_text = false;
      } else {
        t.text += line + "\n";
      }
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    std::string key;
    ss >> key;
    if (key == "name") {
      std::getline(ss >> std::ws, t.name);
    } else if (key == "date") {
      std::string d;
      ss >> d;
      t.date = ParseIsoDate(d);
      if (!t.date) ADD_FAILURE() << path << ":" << number << ": bad date " << d;
    } else if (key == "text") {
      in_text = true;  // "text <<" ... ">>"
    } else if (key == "file") {
      std::string f;
      ss >> f;
      if (f.starts_with("shared:")) f = std::string(GRIOT_SHARED_DIR) + "/" + f.substr(7);
      std::ifstream tf(f);
      if (!tf) {
        ADD_FAILURE() << path << ":" << number << ": cannot read " << f;
        continue;
      }
      std::stringstream buf;
      buf << tf.rdbuf();
      t.text += buf.str();
    } else if (key == "exact") {
      t.exact = true;
    } else if (key == "expect" || key == "expect-none") {
      Expectation x;
      x.line = number;
      x.negative = key == "expect-none";
      ss >> x.source >> x.target >> x.cameo;
      std::string attr;
      while (ss >> attr) {
        const size_t eq = attr.find('=');
        if (eq == std::string::npos) {
          ADD_FAILURE() << path << ":" << number << ": attribute without '=': " << attr;
          continue;
        }
        std::string value = attr.substr(eq + 1);
        // Values may be quoted to hold spaces: sentence="Human Rights Watch"
        if (value.starts_with("\"") && !(value.size() > 1 && value.ends_with("\""))) {
          std::string rest;
          std::getline(ss, rest, '"');
          value += rest + "\"";
        }
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        x.attrs.emplace_back(attr.substr(0, eq), value);
      }
      if (x.cameo.empty()) ADD_FAILURE() << path << ":" << number << ": expect needs source target cameo";
      t.expectations.push_back(std::move(x));
    } else {
      ADD_FAILURE() << path << ":" << number << ": unknown directive '" << key << "'";
    }
  }
  return t;
}

TEST(Golden, File) {
  ASSERT_FALSE(g_file.empty()) << "usage: griot_golden_tests FILE.test";
  GoldenTest t = Parse(g_file);
  ASSERT_FALSE(t.text.empty()) << g_file << ": no text";
  static auto dicts = LoadDictionaries(DictionaryOptions{});
  ASSERT_TRUE(dicts.ok()) << dicts.status().ToString();
  Coder coder(*dicts);
  auto doc = ParseTextDocument(t.text, "golden", g_file, t.date);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  DocumentResult result = coder.CodeDocument(*doc);
  std::vector<bool> used(result.events.size(), false);
  std::string produced;
  for (const Event& e : result.events) produced += "  " + Describe(e) + "\n";
  for (const Expectation& x : t.expectations) {
    if (x.negative) {
      for (const Event& e : result.events)
        EXPECT_FALSE(Matches(x, e)) << g_file << ":" << x.line << ": unexpected event " << Describe(e);
      continue;
    }
    bool found = false;
    for (size_t i = 0; i < result.events.size() && !found; ++i) {
      if (!used[i] && Matches(x, result.events[i])) used[i] = found = true;
    }
    EXPECT_TRUE(found) << g_file << ":" << x.line << ": expected " << x.source << " " << x.target << " "
                       << x.cameo << " not produced. Events:\n" << produced;
  }
  if (t.exact) {
    for (size_t i = 0; i < result.events.size(); ++i)
      EXPECT_TRUE(used[i]) << g_file << ": event not in the expectations (exact): " << Describe(result.events[i]);
  }
}

}  // namespace
}  // namespace griot

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (argc > 1) griot::g_file = argv[1];
  return RUN_ALL_TESTS();
}
