#include "conformance/petrarch_suite.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <sstream>

#include "base/strings.h"

namespace griot {

namespace {

std::string Trim(std::string s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

}  // namespace

Result<PetrarchSuite> LoadPetrarchSuite(const std::string& path) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_file(path.c_str(), pugi::parse_default | pugi::parse_comments);
  if (!parsed) {
    return Status::InvalidInput(fmt::format("{}: not readable as XML: {} at byte {}", path, parsed.description(),
                                            parsed.offset));
  }
  PetrarchSuite suite;
  suite.path = path;
  pugi::xml_node root = doc.first_child();
  while (root && root.type() != pugi::node_element) root = root.next_sibling();
  pugi::xml_node env = root.child("Environment");
  suite.verb_file = Trim(env.child_value("Verbfile"));
  suite.actor_file = Trim(env.child_value("Actorfile"));
  suite.agent_file = Trim(env.child_value("Agentfile"));
  suite.discard_file = Trim(env.child_value("Discardfile"));
  std::istringstream inc(env.child_value("Include"));
  for (std::string c; inc >> c;) suite.include.push_back(c);
  for (pugi::xml_node c : env.children("Config"))
    suite.environment_config.emplace_back(c.attribute("option").value(), c.attribute("value").value());

  // Line numbers: pugixml gives byte offsets; map them to lines once.
  std::vector<size_t> line_starts;
  {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f) {
      size_t offset = 0;
      line_starts.push_back(0);
      for (int ch; (ch = std::fgetc(f)) != EOF; ++offset)
        if (ch == '\n') line_starts.push_back(offset + 1);
      std::fclose(f);
    }
  }
  auto line_of = [&](ptrdiff_t offset) {
    return static_cast<int>(std::upper_bound(line_starts.begin(), line_starts.end(), static_cast<size_t>(offset)) -
                            line_starts.begin());
  };

  pugi::xml_node sentences = root.child("Sentences");
  std::vector<std::pair<std::string, std::string>> pending_config;
  for (pugi::xml_node n = sentences.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) continue;
    const std::string name = n.name();
    if (name == "Config") {
      pending_config.emplace_back(n.attribute("option").value(), n.attribute("value").value());
      continue;
    }
    if (name != "Sentence") continue;
    SuiteRecord r;
    r.id = n.attribute("id").value();
    r.category = n.attribute("category").value();
    r.date = n.attribute("date").value();
    r.is_sentence = std::string(n.attribute("sentence").value()) != "false";
    r.text = CollapseWhitespace(n.child_value("Text"));
    r.parse = Trim(n.child_value("Parse"));
    r.line = line_of(n.offset_debug());
    r.config = std::move(pending_config);
    pending_config.clear();
    for (pugi::xml_node e : n.children("EventCoding")) {
      if (e.attribute("noevents")) {
        r.expect_none = true;
        continue;
      }
      if (e.attribute("error")) {
        r.expect_error = e.attribute("error").value();
        continue;
      }
      r.expected.push_back({Trim(e.attribute("sourcecode").value()), Trim(e.attribute("targetcode").value()),
                            Trim(e.attribute("eventcode").value())});
    }
    suite.records.push_back(std::move(r));
  }
  if (suite.records.empty()) return Status::InvalidInput(fmt::format("{}: no <Sentence> records", path));
  return suite;
}

}  // namespace griot
