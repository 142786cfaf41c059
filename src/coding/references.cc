#include "coding/references.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "base/strings.h"
#include "base/utf8.h"

namespace griot {

namespace {

enum class Want { kPerson, kOrganisation, kNonStateGroup };

bool In(std::string_view key, std::initializer_list<std::string_view> set) { return IsOneOf(key, set); }

bool IsPerson(const DictionarySet& dicts, const ActorMention& m) {
  if (m.actor_entry < 0) return false;
  for (const DatedCode& c : dicts.actors.entry(static_cast<uint32_t>(m.actor_entry)).codes)
    if (c.from || c.to) return true;
  return false;
}

bool Compatible(const DictionarySet& dicts, const ActorMention& m, Want want) {
  if (m.actor_entry < 0 || m.is_country || m.code.empty() || m.code.starts_with("---")) return false;
  const bool person = IsPerson(dicts, m);
  if (want == Want::kPerson) return person;
  if (person) return false;
  if (want == Want::kOrganisation) return true;
  std::string country, sector;
  SplitActorCode(dicts, m.code, &country, &sector);
  const std::string_view head = std::string_view(sector).substr(0, 3);
  return !In(head, {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}) && !(sector.empty() && !country.empty());
}

bool Covered(const std::vector<ActorMention>& ms, uint32_t first, uint32_t end) {
  for (const ActorMention& m : ms)
    if (m.first < end && first < m.end) return true;
  return false;
}

bool IsVerbAt(const Sentence& s, uint32_t t) {
  // Adverbs between ("it also said") are skipped.
  while (t < s.tags.size() && s.tags[t] == "RB") ++t;
  return t < s.tags.size() && (s.tags[t].starts_with("VB") || s.tags[t] == "MD");
}

}  // namespace

void ResolveReferences(const std::vector<Sentence>& sentences, const DictionarySet& dicts,
                       std::vector<std::vector<ActorMention>>* mentions) {
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (s.tags.size() != s.tokens.size()) continue;  // untagged text: no subject test, no resolution
    std::vector<ActorMention> added;
    for (uint32_t t = 0; t < s.tokens.size(); ++t) {
      const std::string_view k = s.tokens[t].key;
      Want want;
      uint32_t first = t, end = t + 1;
      // "she" is left alone: actor entries record no gender, and the women named in reports
      // are mostly people the dictionaries lack (spokeswomen, envoys), so the one person
      // entry in scope is too often the wrong antecedent.
      if (k == "he") {
        want = Want::kPerson;
      } else if (k == "it") {
        want = Want::kOrganisation;
        if (t + 1 < s.tokens.size() && In(s.tokens[t + 1].key, {"is", "was", "'s", "seems", "seemed", "appears",
                                                                  "appeared", "remains", "remained", "would", "will"}))
          continue;
      } else if (k == "the" && t + 1 < s.tokens.size() &&
                 In(s.tokens[t + 1].key, {"group", "movement", "organisation", "organization"})) {
        want = Want::kNonStateGroup;
        end = t + 2;
      } else {
        continue;
      }
      if (!IsVerbAt(s, end) || Covered((*mentions)[i], first, end)) continue;
      // Scopes, nearest first: this sentence before the anaphor, then up to two before.
      const ActorMention* found = nullptr;
      bool ambiguous = false;
      for (size_t back = 0; back <= 2 && back <= i && !found && !ambiguous; ++back) {
        const size_t j = i - back;
        for (const ActorMention& m : (*mentions)[j]) {
          if (back == 0 && m.end > first) continue;
          if (!Compatible(dicts, m, want)) continue;
          if (found && (found->code != m.code || found->actor_entry != m.actor_entry)) {
            ambiguous = true;
            break;
          }
          found = &m;
        }
      }
      if (!found || ambiguous) continue;
      ActorMention r = *found;
      r.first = first;
      r.end = end;
      added.push_back(std::move(r));
      t = end - 1;
    }
    if (added.empty()) continue;
    auto& ms = (*mentions)[i];
    int group = -1;  // a group of its own: a resolved mention acts alone
    for (const ActorMention& m : ms) group = std::max(group, m.group);
    for (ActorMention& m : added) m.group = ++group;
    ms.insert(ms.end(), added.begin(), added.end());
    std::stable_sort(ms.begin(), ms.end(), [](const ActorMention& a, const ActorMention& b) { return a.first < b.first; });
  }
}

bool IsAnaphorText(std::string_view text) {
  std::string key = FoldKey(text);
  while (!key.empty() && key.back() == ' ') key.pop_back();
  if (key == "he" || key == "she" || key == "it") return true;
  for (const char* d : {"the group", "the movement", "the organisation", "the organization"})
    if (key == d) return true;
  return false;
}

}  // namespace griot
