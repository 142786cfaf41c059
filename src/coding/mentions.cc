#include "coding/mentions.h"

#include "base/strings.h"
#include "structure/treebank.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <vector>

namespace griot {

namespace {

bool In(std::string_view key, std::initializer_list<std::string_view> set) { return IsOneOf(key, set); }

bool IsDeterminer(const Token& t) {
  return In(t.key, {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these",
                    "those", "some", "several", "two", "three", "four", "five", "dozens", "hundreds",
                    "many", "other", "both"});
}

struct PhraseHit {
  int entry = -1;
  uint32_t length = 0;  // tokens before any gap (PhraseIndex::Match::head)
  uint64_t tail = 0;    // words matched after a gap (PhraseIndex::Match::tail)
};

// `hash`: HashKey of token `pos`'s key when the caller has it (0: made here).
PhraseHit Longest(const PhraseIndex& index, const Sentence& s, uint32_t pos, uint64_t hash = 0) {
  if (pos >= s.tokens.size()) return {};
  if (hash == 0) hash = KeyHash(s, pos);
  if (!index.MayMatchAt(hash)) return {};  // most tokens: decided before any other work
  thread_local std::vector<PhraseIndex::Match> matches;
  index.MatchAt([&](uint32_t i) -> const std::string& { return s.tokens[i].key; },
                static_cast<uint32_t>(s.tokens.size()), pos, hash, &matches);
  if (matches.empty()) return {};
  return {static_cast<int>(matches.front().entry), matches.front().head, matches.front().tail};
}


// TABARI's word classes for compound marking (MentionOptions::compounds_from_and).
enum : uint8_t { kWordOther = 0, kWordActor, kWordActorHead, kWordAgent };

// MentionOptions::compounds_from_and: groups `mentions` into the compounds TABARI marks
// around each "and" / "nor", from the word classes of the sentence's tokens.
void GroupCompoundsAroundAnd(const Sentence& s, const DictionarySet& dicts,
                             const MentionOptions& options, const std::vector<uint8_t>& word_class,
                             std::vector<ActorMention>* mentions) {
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  auto actor = [&](uint32_t t) {
    return word_class[t] == kWordActor || word_class[t] == kWordActorHead;
  };
  auto other = [&](uint32_t t, std::initializer_list<std::string_view> keys) {
    return word_class[t] == kWordOther && In(s.tokens[t].key, keys);
  };
  auto modifier = [&](uint32_t t) {
    return word_class[t] == kWordOther &&
           (In(s.tokens[t].key, {"the", "a", "an"}) || dicts.IsListedAdjective(s.tokens[t].key) ||
            (!options.former_agent_code.empty() && s.tokens[t].key == "former"));
  };
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // [first, last] tokens of each compound
  for (uint32_t k = 0; k < n; ++k) {
    if (!other(k, {"and", "nor"})) continue;
    // After the conjunction: actors with only articles and adjectives between them.
    int64_t last = -1;
    for (uint32_t t = k + 1; t < n && (actor(t) || modifier(t)); ++t) {
      if (!actor(t)) continue;
      // Two actors side by side join only through a possessive ("Arnor's Elrond"); TABARI
      // joins any, but "Arnor and Dagolath Osgiliath, Mordor and Elrond who ..." then loses
      // Osgiliath with the comma clause it deletes (a compound reaching into a deleted clause
      // loses its head), which the runner's comma rule does not reproduce.
      if (last >= 0 && t == static_cast<uint32_t>(last) + 1 &&
          s.tokens[static_cast<uint32_t>(last)].key != "'s")
        break;
      while (t + 1 < n && word_class[t + 1] == kWordActor) ++t;
      last = t;
    }
    if (last < 0) continue;
    // Before it: actors each separated from the next by a comma or a conjunction.
    int64_t first = -1;
    bool need_connector = false;
    for (int64_t t = k; t >= 0; --t) {
      const uint32_t u = static_cast<uint32_t>(t);
      if (other(u, {"and", "nor", "but", "or", ",", ";", ":", "(", ")"})) {
        need_connector = false;
        continue;
      }
      if (modifier(u)) continue;
      if (!actor(u) || need_connector) break;
      while (t > 0 && word_class[static_cast<uint32_t>(t)] != kWordActorHead) --t;
      first = t;
      need_connector = true;
    }
    if (first >= 0) spans.emplace_back(static_cast<uint32_t>(first), static_cast<uint32_t>(last));
  }
  // A later compound holding an earlier one replaces it; overlapping ones are read as one.
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<uint32_t, uint32_t>> merged;
  for (const auto& sp : spans) {
    if (!merged.empty() && sp.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, sp.second);
    else
      merged.push_back(sp);
  }
  std::vector<int> span_group(merged.size(), -1);
  int group = 0;
  for (size_t k = 0; k < mentions->size(); ++k) {
    ActorMention& m = (*mentions)[k];
    // Parts of one phrase ("THE_SHIRE [FRO/BIL/SAM]") stay together.
    if (k > 0 && m.first == (*mentions)[k - 1].first) {
      m.group = (*mentions)[k - 1].group;
      continue;
    }
    // A member is placed by its actor word ("ambassadors of Arnor": Arnor).
    uint32_t at = m.first;
    for (uint32_t t = m.first; t < m.end && t < n; ++t)
      if (word_class[t] == kWordActorHead) {
        at = t;
        break;
      }
    m.group = -1;
    for (size_t r = 0; r < merged.size() && m.group < 0; ++r)
      if (merged[r].first <= at && at <= merged[r].second) {
        if (span_group[r] < 0) span_group[r] = group++;
        m.group = span_group[r];
      }
    if (m.group < 0) m.group = group++;
  }
}

}  // namespace

bool IsFunctionWord(std::string_view k) {
  // Bucketed by first letter once, then compared within the bucket (a few words each):
  // asked about for many tokens, a binary search over the whole list cost ~400 instructions.
  static const std::array<std::vector<std::string_view>, 26> kByLetter = [] {
    std::vector<std::string_view> w = {
        "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from",
        "into", "near", "against", "over", "under", "after", "before", "during", "since", "the",
        "a", "an", "who", "which", "that", "have", "has", "had", "were", "was", "is", "are", "be",
        "been", "will", "would", "could", "can", "may", "might", "must", "should", "shall", "did",
        "do", "does", "not", "also", "then", "as", "than", "said", "say", "says", "reportedly",
        "allegedly", "themselves", "itself", "there", "here", "when", "while", "where", "if",
        "across", "around", "inside", "outside", "about", "last", "this", "these", "those", "their",
        "its", "his", "her", "own", "alone", "both", "all", "each", "still", "now", "already",
        "later", "again", "it", "he", "she", "they", "we", "i", "you", "often", "regularly",
        "never", "repeatedly",
    };
    std::array<std::vector<std::string_view>, 26> by_letter;
    for (std::string_view x : w) by_letter[static_cast<size_t>(x[0] - 'a')].push_back(x);
    return by_letter;
  }();
  if (k.empty() || k[0] < 'a' || k[0] > 'z') return false;
  for (std::string_view x : kByLetter[static_cast<size_t>(k[0] - 'a')])
    if (x.size() == k.size() && std::memcmp(x.data(), k.data(), k.size()) == 0) return true;
  return false;
}

namespace {

// True if token `t` continues a noun phrase after an agent word: a lower-case content word
// that is not a verb form of the dictionaries nor a participle.
// With `by_dictionary` (MentionOptions::verb_words_by_dictionary) the tags are not read: a
// word of the verb dictionaries is a verb unless an article comes before it.
bool IsVerbForm(const Sentence& s, const DictionarySet& dicts, uint32_t t, bool by_dictionary) {
  if (by_dictionary) {
    if (t > 0 && In(s.tokens[t - 1].key, {"the", "a", "an"})) return false;
  } else if (!s.tags.empty()) {
    return s.tags[t].starts_with("VB") || s.tags[t] == "MD";
  }
  thread_local std::vector<PhraseIndex::Match> matches;
  dicts.verbs.forms_index().MatchAt([&](uint32_t i) -> const std::string& { return s.tokens[i].key; },
                                    static_cast<uint32_t>(s.tokens.size()), t, &matches);
  return !matches.empty();
}

bool IsModifiedNoun(const Sentence& s, const DictionarySet& dicts, uint32_t t) {
  const Token& next = s.tokens[t];
  if (next.kind != TokenKind::kWord || next.capitalized || next.key == "'s") return false;
  if (IsFunctionWord(next.key)) return false;
  if (next.key.ends_with("ed") || next.key.ends_with("ing") || next.key.ends_with("ly")) return false;
  thread_local std::vector<PhraseIndex::Match> matches;
  dicts.verbs.forms_index().MatchAt([&](uint32_t i) -> const std::string& { return s.tokens[i].key; },
                                    static_cast<uint32_t>(s.tokens.size()), t, &matches);
  return matches.empty();
}

// True if `code` holds `agent` after its first three letters, at a three-letter boundary:
// "HGWGOVMED" holds GOVMED and GOV, "GMWGOV" does not hold WGO.
bool HoldsSectorCode(const std::string& code, const std::string& agent) {
  if (agent.empty()) return true;
  for (size_t pos = 3; pos + agent.size() <= code.size(); pos += 3)
    if (code.compare(pos, agent.size(), agent) == 0) return true;
  return false;
}

}  // namespace

void SplitActorCode(const DictionarySet& dicts, const std::string& code, std::string* country,
                    std::string* sector) {
  *country = dicts.CountryOf(code);
  const size_t from = country->empty() ? 0 : 3;
  *sector = code.size() >= from + 3 ? code.substr(from, 3) : "";
}

std::vector<ActorMention> FindMentions(const Sentence& s, const DictionarySet& dicts,
                                  const std::optional<Date>& date, const MentionOptions& options) {
  std::vector<ActorMention> out;
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  auto actor_code = [&](int entry) { return dicts.actors.entry(static_cast<uint32_t>(entry)).CodeOn(date); };
  auto is_country_code = [&](const std::string& code) {
    return code.size() == 3 && dicts.countries.count(code) > 0;
  };
  // One noun phrase's pieces: agents before the actor (prefix codes "[NGO~]" or titles),
  // the actor, agents after it ("Malian soldiers", "Arnor security officials"), or an
  // agent with "of"/"in" + actor ("the president of Mali", "activists in Arnor").
  struct Piece {
    uint32_t first, end;
    int actor = -1, agent = -1;
    uint64_t tail = 0;  // relative to first
  };
  // With a parse, a noun phrase is known: pieces join across any words inside the NP that
  // holds the first piece (climbing through left-branching possessives, "(NP (NP Ithilen 's)
  // awful and evil minister Calimehtar)").
  std::vector<uint32_t> np_extent;
  if (s.tree) {
    np_extent.assign(n, 0);
    const auto& nodes = s.tree->nodes;
    for (const ParseNode& node : nodes) {
      if (!node.preterminal || node.first_token >= n) continue;
      int np = -1;
      for (int a = node.parent; a >= 0; a = nodes[static_cast<size_t>(a)].parent)
        if (nodes[static_cast<size_t>(a)].label.starts_with("NP")) {
          np = a;
          break;
        }
      while (np >= 0) {
        const int parent = nodes[static_cast<size_t>(np)].parent;
        if (parent < 0 || !nodes[static_cast<size_t>(parent)].label.starts_with("NP") ||
            nodes[static_cast<size_t>(parent)].children.front() != np)
          break;
        // Only a possessive NP is part of its parent's phrase ("Ithilen 's minister"); an NP
        // with a PP after it is not ("Osgiliath soldiers [in south Ithilen]").
        const ParseNode& child = nodes[static_cast<size_t>(np)];
        if (child.end_token == 0 || s.tags.size() < child.end_token || s.tags[child.end_token - 1] != "POS") break;
        // Stop at a coordination: "(NP (NP Ithilen) (CC and) (NP the government ...))".
        bool coordinated = false;
        for (int c : nodes[static_cast<size_t>(parent)].children)
          coordinated |= nodes[static_cast<size_t>(c)].label == "CC" || nodes[static_cast<size_t>(c)].label == ",";
        if (coordinated) break;
        np = parent;
      }
      np_extent[node.first_token] = np >= 0 ? nodes[static_cast<size_t>(np)].end_token : 0;
    }
  }
  // Tokens taken by a phrase whose words other words separated (ActorMention::tail).
  thread_local std::vector<bool> taken;  // per-thread buffers, reused from sentence to sentence
  taken.assign(n, false);
  std::vector<uint8_t> word_class;  // MentionOptions::compounds_from_and
  if (options.compounds_from_and) word_class.assign(n, kWordOther);
  uint32_t i = 0;
  while (i < n) {
    if (taken[i]) {
      ++i;
      continue;
    }
    // One hash of the token for both look-ups (most tokens start neither phrase).
    const uint64_t hash = KeyHash(s, i);
    PhraseHit actor = Longest(dicts.actors.index(), s, i, hash);
    PhraseHit agent = Longest(dicts.agents.index(), s, i, hash);
    if (actor.entry < 0 && agent.entry < 0) {
      ++i;
      continue;
    }
    thread_local std::vector<Piece> pieces;
    pieces.clear();
    uint32_t j = i;
    bool have_actor = false;
    // "former" before the phrase or between its pieces (MentionOptions::former_agent_code).
    const bool former_on = !options.former_agent_code.empty();
    bool former = former_on && i > 0 && s.tokens[i - 1].key == "former";
    while (j < n) {
      // The first piece starts where the look-ups above were made.
      PhraseHit a = j == i ? actor : Longest(dicts.actors.index(), s, j);
      PhraseHit g = j == i ? agent : Longest(dicts.agents.index(), s, j);
      if (a.entry >= 0 && (a.length >= g.length || g.entry < 0)) {
        if (have_actor) {
          // A second actor: only a person or organisation right after a title or an
          // actor's possessive ("Mali's Sadio Camara") joins; otherwise a new mention.
          // ("Bree Prime Minister Romendacil": the title holder's own code decides).
          if (pieces.back().agent < 0) break;
        }
        pieces.push_back({j, j + a.length, a.entry, -1, a.tail});
        have_actor = true;
        j += a.length;
      } else if (g.entry >= 0) {
        pieces.push_back({j, j + g.length, -1, g.entry, g.tail});
        j += g.length;
      } else {
        break;
      }
      // What may sit between pieces: a possessive, or up to two modifier words before an
      // agent ("Malian transitional authorities").
      uint32_t k = j;
      if (k < n && s.tokens[k].key == "'s") ++k;
      if (former_on && k + 1 < n && s.tokens[k].key == "former" && Longest(dicts.agents.index(), s, k + 1).entry >= 0) {
        former = true;
        ++k;
      }
      uint32_t skipped = 0;
      const uint32_t extent = s.tree ? np_extent[pieces.front().first] : 0;
      while (k < extent) {
        if (Longest(dicts.agents.index(), s, k).entry >= 0 || Longest(dicts.actors.index(), s, k).entry >= 0) break;
        if (s.tokens[k].key == "," || s.tokens[k].key == "and" || s.tokens[k].key == "or") break;
        ++k;
      }
      while (!s.tree && k < n && skipped < static_cast<uint32_t>(std::max(0, options.agent_modifier_words))) {
        if (Longest(dicts.agents.index(), s, k).entry >= 0 || Longest(dicts.actors.index(), s, k).entry >= 0) break;
        const Token& w = s.tokens[k];
        if (w.kind != TokenKind::kWord || w.capitalized || IsFunctionWord(w.key) || w.key.ends_with("ing") ||
            w.key.ends_with("ed"))
          break;
        ++k;
        ++skipped;
      }
      if (k < n && (Longest(dicts.agents.index(), s, k).entry >= 0 ||
                    (Longest(dicts.actors.index(), s, k).entry >= 0 && skipped == 0))) {
        j = k;
        continue;
      }
      break;
    }
    // "the president of Mali", "activists in Arnor": agents only so far, then of/in + actor.
    // "from" only without a possessive: "soldiers from Gondor", not "its troops from Niger".
    const bool owned = i > 0 && In(s.tokens[i - 1].key, {"its", "their", "his", "her", "our"});
    if (!have_actor && j + 1 < n &&
        (In(s.tokens[j].key, {"of", "in"}) || (s.tokens[j].key == "from" && !owned))) {
      const uint32_t at = j + 1 + (IsDeterminer(s.tokens[j + 1]) ? 1 : 0);
      PhraseHit a = at < n ? Longest(dicts.actors.index(), s, at) : PhraseHit{};
      if (a.entry >= 0) {
        pieces.push_back({at, at + a.length, a.entry, -1, a.tail});
        have_actor = true;
        j = at + a.length;
      }
    }
    // Compose the code.
    ActorMention m;
    m.first = i;
    m.end = pieces.back().end;
    for (const Piece& p : pieces) {
      const uint32_t shift = p.first - m.first;
      if (p.tail && shift < 64) m.tail |= p.tail << shift;
    }
    int head_actor = -1;
    for (const Piece& p : pieces)
      if (p.actor >= 0) head_actor = p.actor;  // the last actor: "Mali's Sadio Camara" -> Camara
    std::string code;
    if (head_actor >= 0) {
      code = actor_code(head_actor);
      m.actor_entry = head_actor;
      m.actor_id = dicts.actors.entry(static_cast<uint32_t>(head_actor)).actor_id;
      const bool bare = code.size() == 3;  // a country or group code without a sector
      std::string prefix, suffix;
      bool after = false;
      for (const Piece& p : pieces) {
        if (p.actor == head_actor) {
          after = true;
          continue;
        }
        if (p.agent < 0) continue;
        const AgentEntry& a = dicts.agents.entry(static_cast<uint32_t>(p.agent));
        m.agent_entry = p.agent;
        // A prefix code already leading the actor's own code is not repeated ("NGM~" before
        // an NGM actor).
        if (a.prefix) {
          if (!code.starts_with(a.code) && prefix.find(a.code) == std::string::npos) prefix += a.code;
          continue;
        }
        const std::string& agent_code = former ? options.former_agent_code : a.code;
        if (options.agent_extends_sector_codes) {
          if ((after || suffix.empty()) && !HoldsSectorCode(code, agent_code)) suffix = agent_code;
        } else if (bare && (after || suffix.empty()) && code.find(agent_code, 3) == std::string::npos) {
          suffix = agent_code;
        }
      }
      if (code != "---" && !code.empty()) code = prefix + code + suffix;
      m.is_country = is_country_code(code);
    } else {
      for (const Piece& p : pieces) {
        const AgentEntry& a = dicts.agents.entry(static_cast<uint32_t>(p.agent));
        m.agent_entry = p.agent;
        const std::string& agent_code = former && !a.prefix ? options.former_agent_code : a.code;
        if (code.find(agent_code) == std::string::npos) code = a.prefix ? agent_code + code : code + agent_code;
      }
    }
    m.code = code == "---" ? "" : code;  // "---": deliberately uncoded phrase, blocks matching
    // An agent word alone before another noun is a modifier, not an actor: "military
    // equipment", "police station". Verbs ("soldiers killed") and function words end a
    // noun phrase, so they keep the mention.
    m.agent_first = !pieces.empty() && pieces.front().agent >= 0 && have_actor;
    if (!s.tree && options.agent_before_noun_is_modifier && m.actor_entry < 0 && m.end < n &&
        IsModifiedNoun(s, dicts, m.end)) {
      i = m.end;
      continue;
    }
    i = m.end;
    if (!word_class.empty() && !m.code.empty()) {
      // An actor's possessive is part of it; an agent named alone is an actor (TABARI).
      for (const Piece& p : pieces) {
        const uint8_t cls = p.actor >= 0 || head_actor < 0 ? kWordActor : kWordAgent;
        for (uint32_t t = p.first; t < p.end; ++t) word_class[t] = cls;
        if (cls == kWordActor) word_class[p.first] = kWordActorHead;
        if (p.end < n && s.tokens[p.end].key == "'s") word_class[p.end] = cls;
      }
    }
    for (uint32_t k = 0; k < 64; ++k)
      if ((m.tail >> k) & 1 && m.first + k < n) taken[m.first + k] = true;
    // "THE_SHIRE [FRO/BIL/SAM]": one phrase naming several actors acts as a compound.
    if (m.code.find('/') != std::string::npos) {
      std::string all = m.code;
      size_t pos = 0;
      while (pos <= all.size()) {
        size_t slash = all.find('/', pos);
        if (slash == std::string::npos) slash = all.size();
        ActorMention part = m;
        part.code = all.substr(pos, slash - pos);
        if (!part.code.empty()) out.push_back(part);
        pos = slash + 1;
      }
      continue;
    }
    out.push_back(std::move(m));
  }
  if (options.compounds_from_and) {
    GroupCompoundsAroundAnd(s, dicts, options, word_class, &out);
    return out;
  }
  // Compound groups: runs of mentions separated only by commas, conjunctions, determiners
  // and adjectives ("Mordor, Rohan, Fornost and Bree", "Fornost and the evil awful Gondor")
  // act together when the run ends in a conjunction; a comma alone is an apposition
  // ("Osgiliath, the state's fiercest foe").
  auto gap_ok = [&](uint32_t b, uint32_t e, bool* conj) {
    *conj = false;
    uint32_t adjectives = 0;
    for (uint32_t t = b; t < e; ++t) {
      const Token& tok = s.tokens[t];
      if (In(tok.key, {"and", "or", "nor", "well"})) *conj = true;
      if (In(tok.key, {",", "and", "or", "nor", "as", "well", "both", "the", "either", "neither"}) ||
          IsDeterminer(tok))
        continue;
      if (tok.kind == TokenKind::kWord && !IsFunctionWord(tok.key) &&
          !IsVerbForm(s, dicts, t, options.verb_words_by_dictionary) &&
          (s.tags.empty() || s.tags[t].starts_with("JJ") || s.tags[t].starts_with("NN")) && ++adjectives <= 3)
        continue;
      return false;
    }
    return true;
  };
  int group = 0;
  size_t run_start = 0;
  auto close_run = [&](size_t run_end) {  // mentions [run_start, run_end)
    bool list = false;
    if (run_end - run_start > 1) {
      bool conj = false;
      gap_ok(out[run_end - 2].end, out[run_end - 1].first, &conj);
      list = conj || out[run_end - 2].first == out[run_end - 1].first;
    }
    for (size_t k = run_start; k < run_end; ++k) {
      if (!list && k > run_start && out[k].first != out[k - 1].first) ++group;
      out[k].group = group;
    }
    // "the ambassadors of Arnor, Osgiliath and Gondor": the agent applies to every member.
    if (list && options.agent_to_whole_list && out[run_start].agent_first && out[run_start].agent_entry >= 0) {
      const AgentEntry& a = dicts.agents.entry(static_cast<uint32_t>(out[run_start].agent_entry));
      for (size_t k = run_start + 1; k < run_end; ++k)
        if (out[k].agent_entry < 0 && out[k].code.size() == 3) {
          if (a.prefix) out[k].code.insert(0, a.code);
          else out[k].code += a.code;
        }
    }
    ++group;
  };
  for (size_t k = 1; k <= out.size(); ++k) {
    bool conj = false;
    const bool joined = k < out.size() && (out[k].first == out[k - 1].first ||
                                            (out[k].first > out[k - 1].end && gap_ok(out[k - 1].end, out[k].first, &conj)));
    if (!joined) {
      close_run(k);
      run_start = k;
    }
  }
  return out;
}

std::vector<PlaceMention> FindPlaces(const Sentence& s, const DictionarySet& dicts,
                                     const std::unordered_set<std::string>& doc_countries,
                                     std::vector<ActorMention>* mentions) {
  std::vector<PlaceMention> out;
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  for (uint32_t i = 0; i + 1 < n; ++i) {
    if (!In(s.tokens[i].key, {"in", "near", "at", "outside", "around", "across", "throughout",
                              "inside", "into", "from"}))
      continue;
    uint32_t j = i + 1;
    if (j < n && s.tokens[j].key == "the") ++j;
    // "the town of Moura", "the village of Ogossagou", "the region of Mopti"
    if (j + 1 < n && In(s.tokens[j].key, {"town", "village", "city", "region", "district",
                                           "commune", "area", "locality", "province"}) &&
        s.tokens[j + 1].key == "of")
      j += 2;
    if (j >= n || !s.tokens[j].capitalized) continue;
    const bool from = s.tokens[i].key == "from";
    // A country or seat mention here is a place, not a participant ("attacked ... in Mali").
    auto mention = std::find_if(mentions->begin(), mentions->end(),
                                [&](const ActorMention& m) { return m.first == j; });
    PlaceMention pm;
    pm.first = j;
    thread_local std::vector<PhraseIndex::Match> matches;
    dicts.places.index().MatchAt([&](uint32_t k) -> const std::string& { return s.tokens[k].key; }, n, j,
                                 &matches);
    if (matches.empty()) continue;
    pm.end = j + matches.front().length;
    // An actor mention here stays an actor unless it is a country, or a seat of government
    // named exactly as a place ("fired on demonstrators in Bamako").
    if (mention != mentions->end() && !mention->is_country &&
        !(mention->end == pm.end && mention->agent_entry < 0))
      continue;
    const auto& cands = dicts.places.Candidates(matches.front().entry);
    // Resolution: candidates in the document's countries; among them countries and regions
    // named exactly, then the most populous locality. Unresolved if none is in those countries
    // and the name is shared across countries.
    int best = -1;
    auto better = [&](int a, int b) {
      const Place& pa = dicts.places.place(static_cast<uint32_t>(a));
      const Place& pb = dicts.places.place(static_cast<uint32_t>(b));
      auto rank = [](const Place& p) { return p.kind == "country" ? 3 : p.kind == "region" ? 1 : 2; };
      if (rank(pa) != rank(pb)) return rank(pa) > rank(pb);
      return pa.population > pb.population;
    };
    std::unordered_set<std::string> cand_countries;
    for (uint32_t c : cands) cand_countries.insert(dicts.places.place(c).country);
    for (uint32_t c : cands) {
      const Place& p = dicts.places.place(c);
      const bool in_doc = doc_countries.count(p.country) > 0;
      if (!in_doc && cand_countries.size() > 1) continue;
      if (best < 0 || better(static_cast<int>(c), best)) best = static_cast<int>(c);
    }
    pm.place = best;
    if (from && mention != mentions->end()) continue;  // "troops from France": an actor
    if (mention != mentions->end()) mentions->erase(mention);
    out.push_back(pm);
    i = pm.end - 1;
  }
  return out;
}

namespace {

int MonthOf(std::string_view key) {
  // Most words are no month: turned away by length and first letter before the lists.
  if (key.size() < 3 || key.size() > 9 || std::string_view("jfmasond").find(key[0]) == std::string_view::npos) return 0;
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december"};
  static constexpr std::array<std::string_view, 12> kShort = {
      "jan.", "feb.", "mar.", "apr.", "may", "jun.", "jul.", "aug.", "sept.", "oct.", "nov.", "dec."};
  for (int m = 0; m < 12; ++m)
    if (kFull[m][0] == key[0] &&  // every form of a month starts with its name's letter
        (key == kFull[m] || key == kShort[m] || (key.size() == 3 && kFull[m].starts_with(key) && m != 4)))
      return m + 1;
  if (key == "sep.") return 9;
  return 0;
}

int WeekdayOf(std::string_view key) {
  if (key.size() < 6 || key.size() > 9 || std::string_view("smtwf").find(key[0]) == std::string_view::npos) return -1;
  static constexpr std::array<std::string_view, 7> kDays = {"sunday", "monday", "tuesday", "wednesday",
                                                            "thursday", "friday", "saturday"};
  for (int d = 0; d < 7; ++d)
    if (key == kDays[d]) return d;
  return -1;
}

int NumberOf(const Token& t) {
  if (t.kind != TokenKind::kNumber || t.key.size() > 4) return -1;
  int v = 0;
  for (char c : t.key) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Year for a month (and day) mentioned without one: the latest such date not after `ref`.
int InferYear(const Date& ref, int month, int day) {
  const int y = ref.year();
  const unsigned rm = ref.month(), rd = ref.day();
  if (static_cast<unsigned>(month) < rm || (static_cast<unsigned>(month) == rm && (day == 0 || static_cast<unsigned>(day) <= rd)))
    return y;
  return y - 1;
}

}  // namespace

std::vector<DateMention> FindDates(const Sentence& s, const Date& ref) {
  std::vector<DateMention> out;
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  auto add = [&](uint32_t first, uint32_t end, std::optional<Date> d) {
    if (d) out.push_back({first, end, *d});
  };
  using P = Date::Precision;
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = s.tokens[i];
    // Every reading below starts at a number, a capitalised word (a month or a weekday) or one
    // of three words: other tokens are passed over at once.
    const std::string_view key = t.key;  // compared as a view: sizes first, no call per word
    if (t.kind != TokenKind::kNumber && !t.capitalized && key != "yesterday" && key != "today" && key != "last")
      continue;
    // "by January 1", "before June": a deadline, not when the reported event happened (and
    // read against the report's date it would land a year early).
    if (i > 0 && In(s.tokens[i - 1].key, {"by", "before"}) &&
        ((t.capitalized && MonthOf(t.key)) || (NumberOf(t) >= 1 && i + 1 < n && MonthOf(s.tokens[i + 1].key)) ||
         NumberOf(t) >= 1900)) {
      // Skip the whole expression: its month, day and year tokens.
      while (i + 1 < n && (MonthOf(s.tokens[i + 1].key) || NumberOf(s.tokens[i + 1]) >= 1 || s.tokens[i + 1].key == ","))
        ++i;
      continue;
    }
    const int month = t.kind == TokenKind::kWord && t.capitalized ? MonthOf(t.key) : 0;
    if (month) {
      // "July 24, 2023" / "July 24" / "July 2023" / "in July"
      const int a = i + 1 < n ? NumberOf(s.tokens[i + 1]) : -1;
      if (a >= 1 && a <= 31) {
        uint32_t k = i + 2;
        if (k < n && s.tokens[k].key == ",") ++k;
        const int y = k < n ? NumberOf(s.tokens[k]) : -1;
        if (y >= 1900 && y <= 2100) {
          add(i, k + 1, Date::Make(y, static_cast<unsigned>(month), static_cast<unsigned>(a)));
          i = k;
        } else {
          add(i, i + 2, Date::Make(InferYear(ref, month, a), static_cast<unsigned>(month), static_cast<unsigned>(a)));
          i = i + 1;
        }
        continue;
      }
      if (a >= 1900 && a <= 2100) {
        add(i, i + 2, Date::Make(a, static_cast<unsigned>(month), 1, P::kMonth));
        i = i + 1;
        continue;
      }
      // A bare month needs a preposition to be a date ("in June"; "May" is also a verb).
      if (i > 0 && In(s.tokens[i - 1].key, {"in", "since", "until", "early", "late", "mid", "from", "during", "last", "this"})) {
        int y = InferYear(ref, month, 0);
        if (s.tokens[i - 1].key == "last" && y == ref.year()) --y;
        add(i, i + 1, Date::Make(y, static_cast<unsigned>(month), 1, P::kMonth));
      }
      continue;
    }
    const int num = NumberOf(t);
    if (num >= 1 && num <= 31 && i + 1 < n && MonthOf(s.tokens[i + 1].key) && s.tokens[i + 1].capitalized) {
      // "24 July 2023" / "24 July"
      const int m = MonthOf(s.tokens[i + 1].key);
      const int y = i + 2 < n ? NumberOf(s.tokens[i + 2]) : -1;
      if (y >= 1900 && y <= 2100) {
        add(i, i + 3, Date::Make(y, static_cast<unsigned>(m), static_cast<unsigned>(num)));
        i += 2;
      } else {
        add(i, i + 2, Date::Make(InferYear(ref, m, num), static_cast<unsigned>(m), static_cast<unsigned>(num)));
        i += 1;
      }
      continue;
    }
    if (num >= 1900 && num <= 2100 && i > 0 &&
        In(s.tokens[i - 1].key, {"in", "since", "until", "of", "during", "early", "late", "mid"})) {
      add(i, i + 1, Date::Make(num, 1, 1, P::kYear));
      continue;
    }
    const int wd = t.capitalized ? WeekdayOf(t.key) : -1;
    if (wd >= 0) {
      // The latest such weekday on or before the document date.
      const int ref_wd = static_cast<int>(std::chrono::weekday(std::chrono::sys_days(ref.ymd)).c_encoding());
      const int back = (ref_wd - wd + 7) % 7;
      add(i, i + 1, Date::FromDayNumber(ref.DayNumber() - back));
      continue;
    }
    if (key == "yesterday") add(i, i + 1, Date::FromDayNumber(ref.DayNumber() - 1));
    if (key == "today") add(i, i + 1, ref);
    if (key == "last" && i + 1 < n) {
      const std::string& k = s.tokens[i + 1].key;
      if (k == "year") add(i, i + 2, Date::Make(ref.year() - 1, 1, 1, P::kYear));
      if (k == "month") {
        const int m = static_cast<int>(ref.month()) - 1;
        add(i, i + 2, m >= 1 ? Date::Make(ref.year(), static_cast<unsigned>(m), 1, P::kMonth)
                             : Date::Make(ref.year() - 1, 12, 1, P::kMonth));
      }
    }
  }
  return out;
}

}  // namespace griot
