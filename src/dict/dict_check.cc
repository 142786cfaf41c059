#include "dict/dict_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "base/strings.h"
#include "base/utf8.h"
#include "dict/dictionary_set.h"
#include "dict/phrase_index.h"
#include "dict/verb_dict.h"

namespace griot {

namespace fs = std::filesystem;

namespace {

// Region codes of the CAMEO actor scheme (the codebook's region table), which sectors.tsv
// does not list. Extend this list if an entry needs another region.
constexpr std::array<std::string_view, 26> kRegions = {
    "AFR", "ARB", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR",
    "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST"};

// Religion codes of the CAMEO actor scheme (MOS Muslim, CHR Christian, JEW Jewish...).
constexpr std::array<std::string_view, 31> kReligions = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ",
    "HIN", "HSD", "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "PAG",
    "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "UDX", "ZRO"};

// Prefixes of actors that belong to no single state; an organisation's own code may follow.
constexpr std::array<std::string_view, 7> kInternational = {"IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS"};

constexpr std::array<std::string_view, 6> kLinkRelations = {"succeeded_by", "component_of", "member_of",
                                                            "leader_of",    "allied_with",  "split_from"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string JoinKeys(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::string> ReadTableColumn(const fs::path& path, std::string_view header) {
  std::vector<std::string> out;
  auto content = ReadFile(path.string());
  if (!content.ok()) return out;
  size_t pos = 0;
  const std::string& c = *content;
  while (pos < c.size()) {
    size_t eol = c.find('\n', pos);
    if (eol == std::string::npos) eol = c.size();
    std::string_view line(c.data() + pos, eol - pos);
    pos = eol + 1;
    const size_t tab = line.find('\t');
    std::string_view first = TrimView(line.substr(0, tab));
    if (first.empty() || first.front() == '#' || first == header) continue;
    out.emplace_back(first);
  }
  return out;
}

enum class FileKind { kActors, kAgents, kVerbs, kLinks, kUnknown };

FileKind KindOf(std::string_view path) {
  if (path.ends_with(".actors.txt") || path.ends_with(".actors")) return FileKind::kActors;
  if (path.ends_with(".agents.txt") || path.ends_with(".agents")) return FileKind::kAgents;
  if (path.ends_with(".verbs.txt") || path.ends_with(".verbs")) return FileKind::kVerbs;
  if (path.ends_with("links.tsv")) return FileKind::kLinks;
  return FileKind::kUnknown;
}

std::string DatedCodeText(const DatedCode& dc) {
  if (dc.from && dc.to) return fmt::format("[{} {}-{}]", dc.code, dc.from->ToCompact(), dc.to->ToCompact());
  if (dc.from) return fmt::format("[{} >{}]", dc.code, dc.from->ToCompact());
  if (dc.to) return fmt::format("[{} <{}]", dc.code, dc.to->ToCompact());
  return fmt::format("[{}]", dc.code);
}

std::string CodeSignature(const std::vector<ActorCodeLine>& codes) {
  std::string out;
  for (const ActorCodeLine& c : codes) out += DatedCodeText(c.code);
  return out;
}


// "&WEAPON_" -> "WEAPON", as the verb loader names synsets.
std::string SynsetName(std::string_view raw) {
  if (!raw.empty() && raw.front() == '&') raw.remove_prefix(1);
  std::string name = Upper(TrimView(raw));
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name;
}

// Splits "[163]" / "[032:033]" into its codes.
std::vector<std::string> BracketCodes(std::string_view text) {
  std::vector<std::string> out;
  const size_t open = text.find('[');
  const size_t close = open == std::string_view::npos ? open : text.find(']', open);
  if (close == std::string_view::npos) return out;
  std::string_view inner = text.substr(open + 1, close - open - 1);
  size_t pos = 0;
  while (pos <= inner.size()) {
    size_t colon = inner.find(':', pos);
    if (colon == std::string_view::npos) colon = inner.size();
    std::string_view c = TrimView(inner.substr(pos, colon - pos));
    if (!c.empty()) out.push_back(Upper(c));
    pos = colon + 1;
  }
  return out;
}

struct Where {
  size_t file = 0;  // index into the checked files
  int line = 0;
};

class Checker {
 public:
  Checker(const std::vector<std::string>& files, const CodeReference& ref) : files_(files), ref_(ref) {}

  CheckReport Run() {
    for (size_t f = 0; f < files_.size(); ++f) CheckFile(f);
    FinishActors();
    FinishAgents();
    FinishVerbs();
    FinishLinks();
    CheckReport report;
    report.files = files_;
    std::stable_sort(findings_.begin(), findings_.end(), [](const auto& a, const auto& b) {
      if (a.first.file != b.first.file) return a.first.file < b.first.file;
      return a.first.line < b.first.line;
    });
    for (auto& [where, finding] : findings_) report.findings.push_back(std::move(finding));
    return report;
  }

 private:
  void Add(Where where, CheckSeverity severity, std::string category, std::string message) {
    CheckFinding f;
    f.severity = severity;
    f.file = files_[where.file];
    f.line = where.line;
    f.category = std::move(category);
    f.message = std::move(message);
    findings_.emplace_back(where, std::move(f));
  }
  std::string Loc(Where w) const { return fmt::format("{}:{}", files_[w.file], w.line); }

  void CheckFile(size_t f) {
    const std::string& path = files_[f];
    auto content = ReadFile(path);
    if (!content.ok()) {
      Add({f, 0}, CheckSeverity::kError, "malformed", content.status().message());
      tabari_.push_back(false);
      return;
    }
    const FileKind kind = KindOf(path);
    const DictSyntax syntax = DetectDictSyntax(path, *content);
    tabari_.push_back(syntax == DictSyntax::kTabari);
    // Malformed lines, exactly as the loaders report them.
    std::vector<DictIssue> issues;
    switch (kind) {
      case FileKind::kActors: {
        ActorDictionary d;
        d.Load(*content, path, &issues);
        ReadActors(f, *content, syntax);
        break;
      }
      case FileKind::kAgents: {
        AgentDictionary d;
        d.Load(*content, path, &issues);
        ReadAgents(f, *content, syntax);
        break;
      }
      case FileKind::kVerbs: {
        VerbDictionary d;
        d.Load(*content, path, &issues);
        ReadVerbs(f, *content, syntax);
        break;
      }
      case FileKind::kLinks:
        links_.emplace_back(f, std::move(*content));
        break;
      case FileKind::kUnknown:
        Add({f, 0}, CheckSeverity::kError, "malformed",
            "cannot tell the dictionary kind (name it *.actors.txt, *.agents.txt, *.verbs.txt or *links.tsv)");
        break;
    }
    for (const DictIssue& issue : issues) Add({f, issue.line}, CheckSeverity::kError, "malformed", issue.reason);
  }

  // ---- actors --------------------------------------------------------------------------------
  struct ActorRecord {
    ActorSource source;
    size_t file = 0;
  };

  void ReadActors(size_t f, const std::string& content, DictSyntax syntax) {
    for (ActorSource& a : ReadActorSources(content, syntax)) {
      actor_ids_.insert(ActorIdOf(a.primary));
      actors_.push_back({std::move(a), f});
    }
  }

  void CheckPhraseStyle(Where w, std::string_view phrase) {
    // In TABARI's dialect the ending of a phrase is meaningful (a stem, "=", "_").
    if (!tabari_[w.file] && !phrase.ends_with("_"))
      Add(w, CheckSeverity::kWarning, "style",
          fmt::format("phrase '{}' does not end with '_' (griot's files match whole words and end every phrase "
                      "with '_')",
                      phrase));
  }

  void FinishActors() {
    std::map<std::string, std::vector<std::pair<size_t, Where>>> by_phrase;  // key -> (actor, where)
    for (size_t a = 0; a < actors_.size(); ++a) {
      const ActorRecord& rec = actors_[a];
      const ActorSource& src = rec.source;
      const Where head{rec.file, src.line};
      if (src.codes.empty()) Add(head, CheckSeverity::kError, "code", fmt::format("actor '{}' has no code", src.primary));
      for (const auto& [phrase, line] : src.phrases) {
        CheckPhraseStyle({rec.file, line}, phrase);
        auto words = SplitPhrase(phrase);
        if (!words.empty()) by_phrase[JoinKeys(words)].push_back({a, {rec.file, line}});
      }
      for (const ActorCodeLine& c : src.codes)
        for (const CodeProblem& p : CheckActorCode(c.code.code, ref_))
          Add({rec.file, c.line}, p.severity, "code", p.message);
      CheckDates(rec);
    }
    for (const auto& [key, uses] : by_phrase) {
      for (size_t k = 1; k < uses.size(); ++k) {
        const auto& [actor, where] = uses[k];
        const auto& [first_actor, first_where] = uses[0];
        const ActorSource& a = actors_[actor].source;
        const ActorSource& b = actors_[first_actor].source;
        if (actor == first_actor) {
          Add(where, CheckSeverity::kWarning, "duplicate",
              fmt::format("phrase '{}' is listed twice in entry '{}' (first at line {})", key, a.primary,
                          first_where.line));
          continue;
        }
        const bool same_codes = CodeSignature(a.codes) == CodeSignature(b.codes);
        Add(where, same_codes ? CheckSeverity::kWarning : CheckSeverity::kError, "duplicate",
            fmt::format("phrase '{}' of entry '{}' is also a phrase of entry '{}' ({}){}; the first loaded wins", key,
                        a.primary, b.primary, Loc(first_where),
                        same_codes ? " with the same codes"
                                   : fmt::format(", which codes {} instead of {}", CodeSignature(b.codes),
                                                 CodeSignature(a.codes))));
      }
    }
  }

  void CheckDates(const ActorRecord& rec) {
    const auto& codes = rec.source.codes;
    int undated = 0;
    const ActorCodeLine* previous_dated = nullptr;
    for (size_t i = 0; i < codes.size(); ++i) {
      const DatedCode& a = codes[i].code;
      const Where w{rec.file, codes[i].line};
      if (!a.from && !a.to) {
        if (++undated == 2)
          Add(w, CheckSeverity::kWarning, "dates",
              fmt::format("'{}' has a second undated code {}; only the first undated code is ever used",
                          rec.source.primary, DatedCodeText(a)));
        continue;
      }
      // Time order: each dated line starts no earlier than the one before.
      if (previous_dated) {
        const DatedCode& p = previous_dated->code;
        const bool earlier = (a.from && p.from && *a.from < *p.from) || (!a.from && p.from) ||
                             (!a.from && !p.from && a.to && p.to && *a.to < *p.to);
        if (earlier)
          Add(w, CheckSeverity::kWarning, "dates",
              fmt::format("dated code {} of '{}' comes before {} (line {}) in time; list dated codes in time order",
                          DatedCodeText(a), rec.source.primary, DatedCodeText(p), previous_dated->line));
      }
      previous_dated = &codes[i];
      for (size_t j = 0; j < i; ++j) {
        const DatedCode& b = codes[j].code;
        if (!b.from && !b.to) continue;
        if (a.code == b.code) continue;
        // Overlap of [from, to] ranges (open ends unbounded).
        const bool overlap = (!a.from || !b.to || *a.from <= *b.to) && (!b.from || !a.to || *b.from <= *a.to);
        if (!overlap) continue;
        // griot's convention: two roles may share the boundary day of a change (a coup, a
        // reshuffle), the earlier role listed first; that day takes the first listed code.
        if (b.to && a.from && *b.to == *a.from) continue;
        const Date start = std::max(a.from.value_or(Date{}), b.from.value_or(Date{}));
        std::string from_text = (a.from || b.from) ? start.ToString() : std::string("the beginning");
        std::string to_text;
        if (a.to && b.to) to_text = std::min(*a.to, *b.to).ToString();
        else if (a.to) to_text = a.to->ToString();
        else if (b.to) to_text = b.to->ToString();
        else to_text = "open end";
        Add(w, CheckSeverity::kError, "dates",
            fmt::format("'{}' has two codes for the same days: {} (line {}) and {} overlap from {} to {}; the "
                        "first listed wins",
                        rec.source.primary, DatedCodeText(b), codes[j].line, DatedCodeText(a), from_text, to_text));
      }
    }
  }

  // ---- agents --------------------------------------------------------------------------------
  struct AgentPhrase {
    std::string key;
    std::string written;
    Where where;
    size_t entry = 0;
    bool generated = false;  // a regular plural griot adds
  };
  struct AgentRecord {
    std::string phrase;
    std::string code;  // as written, "~MIL"
    Where where;
  };

  void ReadAgents(size_t f, const std::string& content, DictSyntax syntax) {
    std::map<std::string, std::vector<std::string>> sets;
    bool word_list = false;  // TABARI's <NOUN> / <ADJECTIVE> lists
    for (const DictLine& line : ReadDictLines(content, syntax)) {
      std::string_view text = line.text;
      const Where w{f, line.number};
      std::string tag;
      bool closing = false;
      if (syntax == DictSyntax::kTabari && ParseSectionTag(text, &tag, &closing)) {
        if (tag == "NOUN" || tag == "ADJECTIVE") word_list = !closing;
        continue;
      }
      if (word_list) continue;
      if (text.front() == '!' && text.find('=') != std::string_view::npos) {
        const size_t eq = text.find('=');
        std::vector<std::string> members;
        std::string_view rest = text.substr(eq + 1);
        size_t pos = 0;
        while (pos <= rest.size()) {
          size_t comma = rest.find(',', pos);
          if (comma == std::string_view::npos) comma = rest.size();
          std::string_view m = TrimView(rest.substr(pos, comma - pos));
          if (!m.empty()) members.emplace_back(m);
          pos = comma + 1;
        }
        sets[Upper(TrimView(text.substr(0, eq)))] = std::move(members);
        continue;
      }
      const size_t open = text.find('[');
      const size_t close = open == std::string_view::npos ? open : text.find(']', open);
      if (close == std::string_view::npos) continue;  // the loader reports it
      std::string code = Upper(TrimView(text.substr(open + 1, close - open - 1)));
      code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
      std::string bare = code;
      bare.erase(std::remove(bare.begin(), bare.end(), '~'), bare.end());
      if (!bare.empty())
        for (const CodeProblem& p : CheckActorCode(bare, ref_, /*agent=*/true)) Add(w, p.severity, "code", p.message);
      std::string_view head = TrimView(text.substr(0, open));
      std::vector<std::string> plurals;
      bool explicit_plurals = false;
      if (const size_t brace = head.find('{'); brace != std::string_view::npos) {
        const size_t brace_close = head.find('}', brace);
        if (brace_close == std::string_view::npos) continue;
        explicit_plurals = true;
        for (std::string_view word : SplitSpaces(head.substr(brace + 1, brace_close - brace - 1))) plurals.emplace_back(word);
        head = TrimView(head.substr(0, brace));
      }
      const size_t entry = agents_.size();
      agents_.push_back({std::string(head), code, w});
      std::vector<std::string> forms = {std::string(head)};
      forms.insert(forms.end(), plurals.begin(), plurals.end());
      for (const std::string& form : forms) {
        CheckPhraseStyle(w, form);
        for (const std::string& expanded : ExpandSets(form, sets)) {
          auto words = SplitPhrase(expanded);
          if (words.empty()) continue;
          if (!explicit_plurals) {
            auto plural = words;
            plural.back() = RegularPlural(plural.back());
            agent_phrases_.push_back({JoinKeys(plural), expanded, w, entry, true});
          }
          agent_phrases_.push_back({JoinKeys(words), expanded, w, entry, false});
        }
      }
    }
  }

  // One phrase per member of each substitution set it names; unknown sets are the loader's
  // to report, and yield nothing here.
  static std::vector<std::string> ExpandSets(const std::string& form,
                                             const std::map<std::string, std::vector<std::string>>& sets) {
    std::vector<std::string> pending = {form}, done;
    for (int depth = 0; depth < 4 && !pending.empty(); ++depth) {
      std::vector<std::string> next;
      for (const std::string& p : pending) {
        const size_t a = p.find('!');
        const size_t b = a == std::string::npos ? a : p.find('!', a + 1);
        if (b == std::string::npos) {
          done.push_back(p);
          continue;
        }
        auto it = sets.find(Upper(p.substr(a, b - a + 1)));
        if (it == sets.end()) continue;
        for (const std::string& m : it->second) next.push_back(p.substr(0, a) + m + p.substr(b + 1));
      }
      pending = std::move(next);
    }
    return done;
  }

  void FinishAgents() {
    std::map<std::string, std::vector<const AgentPhrase*>> by_key;
    for (const AgentPhrase& p : agent_phrases_) by_key[p.key].push_back(&p);
    for (const auto& [key, uses] : by_key) {
      // Report each other entry once, against the first entry that lists the phrase.
      const AgentPhrase* first = uses.front();
      for (const AgentPhrase* u : uses) {
        if (!u->generated) {
          first = u;
          break;
        }
      }
      std::set<size_t> reported = {first->entry};
      for (const AgentPhrase* u : uses) {
        if (reported.count(u->entry)) continue;
        reported.insert(u->entry);
        const AgentRecord& a = agents_[u->entry];
        const AgentRecord& b = agents_[first->entry];
        const bool same = a.code == b.code;
        const bool generated = u->generated || first->generated;
        const CheckSeverity severity = same || generated ? CheckSeverity::kWarning : CheckSeverity::kError;
        Add(u->where, severity, "duplicate",
            fmt::format("agent phrase '{}'{} of '{}' [{}] is also {} of '{}' [{}] ({}){}", key,
                        u->generated ? " (its regular plural)" : "", a.phrase, a.code,
                        first->generated ? "the regular plural" : "a phrase", b.phrase, b.code, Loc(b.where),
                        same ? "" : "; the first loaded wins"));
      }
    }
  }

  // ---- verbs ---------------------------------------------------------------------------------
  struct FormUse {
    std::string block;
    Where block_where;
    Where where;
    bool noun = false;
  };

  void CheckEventCodes(Where w, const std::vector<std::string>& codes) {
    for (const std::string& c : codes) {
      if (c == "---") continue;
      if (!ref_.events.Has(c))
        Add(w, CheckSeverity::kError, "code", fmt::format("'{}' is not a CAMEO event code (data/cameo/cameo_codes.tsv)", c));
    }
  }

  void ReadVerbs(size_t f, const std::string& content, DictSyntax syntax) {
    std::string block;  // current block name
    Where block_where{f, 0};
    bool in_synset = false;
    std::string synset;
    for (const DictLine& line : ReadDictLines(content, syntax)) {
      std::string_view text = line.text;
      const Where w{f, line.number};
      std::string tag;
      bool closing = false;
      if (syntax == DictSyntax::kTabari && ParseSectionTag(text, &tag, &closing)) continue;
      if (text.starts_with("---")) {
        in_synset = false;
        std::string_view inner = TrimView(text.substr(3));
        if (inner.ends_with("---")) inner = TrimView(inner.substr(0, inner.size() - 3));
        block = Upper(TrimView(inner.substr(0, inner.find('['))));
        block_where = w;
        CheckEventCodes(w, BracketCodes(inner));
        continue;
      }
      if (text.front() == '&') {
        in_synset = true;
        synset = SynsetName(text);
        auto [it, inserted] = synsets_.emplace(synset, w);
        if (!inserted)
          Add(w, CheckSeverity::kWarning, "synset",
              fmt::format("synset &{} is defined again (first at {}); the members are merged", synset, Loc(it->second)));
        continue;
      }
      if (text.front() == '+' && in_synset) {
        // A member may name another synset, alone or within a phrase ("+MEMOS_ON_&TIETYPES").
        std::string_view member = TrimView(text.substr(1));
        size_t pos = 0;
        while (pos < member.size()) {
          size_t end = member.find_first_of("_ \t", pos);
          if (end == std::string_view::npos) end = member.size();
          const std::string_view piece = member.substr(pos, end - pos);
          if (piece.size() > 1 && piece.front() == '&') synset_refs_.push_back({SynsetName(piece), w, "synset &" + synset});
          pos = end + 1;
        }
        continue;
      }
      in_synset = false;
      if (text.front() == '~') continue;
      if (block.empty()) continue;  // the loader reports lines outside a block
      if (text.front() == '-') {
        VerbPattern p;
        std::string error;
        if (!ParsePatternLine(text, &p, &error)) continue;  // reported by the loader
        std::vector<std::string> codes = {p.code};
        if (!p.paired_code.empty()) codes.push_back(p.paired_code);
        CheckEventCodes(w, codes);
        for (const auto* side : {&p.pre, &p.post})
          for (const PatternElement& el : *side)
            if (el.kind == PatternToken::kSynset) synset_refs_.push_back({el.key, w, "pattern of " + block});
        continue;
      }
      // A verb form line: "VERB {FORMS}", "+MULTI_WORD {...}", "@NOUN {NOUNS}", maybe "[code]".
      const bool noun = text.front() == '@';
      std::string_view spec = noun ? text.substr(1) : text;
      if (const size_t open = spec.find('['); open != std::string_view::npos) {
        CheckEventCodes(w, BracketCodes(spec.substr(open)));
        spec = TrimView(spec.substr(0, open));
      }
      if (const size_t brace = spec.find('{'); brace != std::string_view::npos) spec = TrimView(spec.substr(0, brace));
      std::string written;
      for (char c : spec)
        if (c != '+') written.push_back(c);
      auto words = SplitPhrase(written);
      if (words.empty()) continue;
      forms_[JoinKeys(words) + (noun ? " (noun)" : "")].push_back({block, block_where, w, noun});
    }
  }

  void FinishVerbs() {
    for (const auto& [key, uses] : forms_) {
      for (size_t k = 1; k < uses.size(); ++k) {
        if (uses[k].block == uses[0].block) continue;  // the loader merges forms of one block
        Add(uses[k].where, CheckSeverity::kWarning, "duplicate",
            fmt::format("{} '{}' of block {} is also listed in block {} ({}); the first listed block's patterns apply",
                        uses[k].noun ? "event noun" : "verb", key.substr(0, key.find(" (noun)")), uses[k].block,
                        uses[0].block, Loc(uses[0].where)));
      }
    }
    for (const SynsetRef& r : synset_refs_) {
      if (synsets_.count(r.name)) continue;
      Add(r.where, CheckSeverity::kError, "synset",
          fmt::format("{} refers to the undefined synset &{}", r.context, r.name));
    }
  }

  // ---- links ---------------------------------------------------------------------------------
  void FinishLinks() {
    const bool know_actors = !actors_.empty();
    for (const auto& [f, content] : links_) {
      int number = 0;
      size_t pos = 0;
      while (pos < content.size()) {
        size_t eol = content.find('\n', pos);
        if (eol == std::string::npos) eol = content.size();
        std::string_view line(content.data() + pos, eol - pos);
        pos = eol + 1;
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (TrimView(line).empty() || line.front() == '#') continue;
        const std::vector<std::string_view> cols = SplitTabs(line);
        const Where w{f, number};
        if (number == 1) {
          if (cols.empty() || cols[0] != "from")
            Add(w, CheckSeverity::kError, "links", "first line must be the header: from to relation start end note");
          continue;
        }
        if (cols.size() < 3) {
          Add(w, CheckSeverity::kError, "links",
              fmt::format("expected at least 3 tab-separated columns (from, to, relation), got {}", cols.size()));
          continue;
        }
        for (size_t c = 0; c < 2; ++c) {
          const std::string id(TrimView(cols[c]));
          if (id.empty()) Add(w, CheckSeverity::kError, "links", fmt::format("empty '{}' actor_id", c ? "to" : "from"));
          else if (know_actors && !actor_ids_.count(id))
            Add(w, CheckSeverity::kError, "links", fmt::format("unknown actor_id '{}' (no such primary phrase)", id));
        }
        const std::string_view relation = TrimView(cols[2]);
        if (!In(kLinkRelations, relation))
          Add(w, CheckSeverity::kError, "links",
              fmt::format("unknown relation '{}' (succeeded_by, component_of, member_of, leader_of, allied_with, "
                          "split_from)",
                          relation));
        std::optional<Date> dates[2];
        for (size_t c = 3; c < 5 && c < cols.size(); ++c) {
          const std::string_view d = TrimView(cols[c]);
          if (d.empty()) continue;
          dates[c - 3] = d.size() == 8 ? ParseCompactDate(d) : std::nullopt;
          if (!dates[c - 3])
            Add(w, CheckSeverity::kError, "links", fmt::format("{} '{}' is not a YYYYMMDD day", c == 3 ? "start" : "end", d));
        }
        if (dates[0] && dates[1] && *dates[1] < *dates[0])
          Add(w, CheckSeverity::kError, "links", "end is before start");
      }
    }
  }

  struct SynsetRef {
    std::string name;
    Where where;
    std::string context;
  };

  const std::vector<std::string>& files_;
  const CodeReference& ref_;
  std::vector<std::pair<Where, CheckFinding>> findings_;
  std::vector<ActorRecord> actors_;
  std::set<std::string> actor_ids_;
  std::vector<AgentRecord> agents_;
  std::vector<AgentPhrase> agent_phrases_;
  std::map<std::string, Where> synsets_;
  std::vector<SynsetRef> synset_refs_;
  std::map<std::string, std::vector<FormUse>> forms_;
  std::vector<std::pair<size_t, std::string>> links_;
  std::vector<bool> tabari_;  // per file: TABARI's dialect
};

}  // namespace

std::string CheckFinding::ToString() const {
  return fmt::format("{}:{}: {}: [{}] {}", file, line, severity == CheckSeverity::kError ? "error" : "warning",
                     category, message);
}

size_t CheckReport::errors() const {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(),
                                           [](const CheckFinding& f) { return f.severity == CheckSeverity::kError; }));
}

size_t CheckReport::warnings() const { return findings.size() - errors(); }

bool IsCameoRegion(std::string_view part) { return In(kRegions, part); }
bool IsCameoReligion(std::string_view part) { return In(kReligions, part); }

Result<CodeReference> LoadCodeReference(const std::string& data_dir) {
  const fs::path root = ResolveDataDir(data_dir);
  CodeReference ref;
  const fs::path codes = root / "cameo" / "cameo_codes.tsv";
  auto content = ReadFile(codes.string());
  if (!content.ok()) return content.status();
  std::vector<DictIssue> issues;
  ref.events.Load(*content, codes.string(), &issues);
  for (std::string& c : ReadTableColumn(root / "generated" / "countries.tsv", "iso3")) ref.countries.insert(std::move(c));
  for (std::string& c : ReadTableColumn(root / "cameo" / "sectors.tsv", "code")) ref.sectors.insert(std::move(c));
  return ref;
}

std::vector<std::string> DefaultDictionaryFiles(const std::string& data_dir) {
  const fs::path root = ResolveDataDir(data_dir);
  std::vector<std::string> out;
  std::error_code ec;
  const fs::path generated = root / "generated" / "countries.actors.txt";
  if (fs::exists(generated, ec)) out.push_back(generated.string());
  for (std::string_view suffix : {".actors.txt", ".agents.txt", ".verbs.txt"}) {
    std::vector<std::string> found;
    if (fs::is_directory(root / "dict", ec)) {
      for (const auto& e : fs::directory_iterator(root / "dict", ec)) {
        const std::string name = e.path().filename().string();
        if (e.is_regular_file() && name.ends_with(suffix)) found.push_back(e.path().string());
      }
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  const fs::path links = root / "dict" / "actor_links.tsv";
  if (fs::exists(links, ec)) out.push_back(links.string());
  return out;
}

std::vector<CodeProblem> CheckActorCode(std::string_view code, const CodeReference& ref, bool agent) {
  std::vector<CodeProblem> out;
  if (code == "---") return out;
  if (code.empty() || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    out.push_back({CheckSeverity::kError, fmt::format("actor code '{}' must be upper-case letters A-Z", code)});
    return out;
  }
  if (code.size() % 3 != 0) {
    out.push_back({CheckSeverity::kError,
                   fmt::format("actor code '{}' is not made of three-letter parts ({} letters)", code, code.size())});
    return out;
  }
  const size_t parts = code.size() / 3;
  if (parts > 5)
    out.push_back({CheckSeverity::kWarning, fmt::format("actor code '{}' has {} parts; the scheme has at most five", code, parts)});
  auto known = [&](std::string_view p) {
    const std::string s(p);
    return ref.countries.count(s) || ref.sectors.count(s) || IsCameoRegion(p) || IsCameoReligion(p);
  };
  const std::string_view first = code.substr(0, 3);
  const bool international = In(kInternational, first);
  for (size_t i = 0; i < parts; ++i) {
    const std::string_view part = code.substr(3 * i, 3);
    if (known(part)) continue;
    if (agent) {
      out.push_back({CheckSeverity::kWarning,
                     fmt::format("'{}' in agent code '{}' is not a role, international prefix, region or religion code",
                                 part, code)});
    } else if (i == 0) {
      out.push_back({CheckSeverity::kWarning,
                     fmt::format("actor code '{}' starts with '{}', which is neither a country (countries.tsv) nor a "
                                 "role, international prefix or region",
                                 code, part)});
    } else if (!international && i + 1 < parts) {
      out.push_back({CheckSeverity::kWarning,
                     fmt::format("'{}' in actor code '{}' is not a country, role, region or religion code (an "
                                 "organisation's own code goes after IGO/NGO/IMG/MNC or at the end)",
                                 part, code)});
    }
  }
  return out;
}

std::vector<ActorSource> ReadActorSources(std::string_view content, DictSyntax syntax) {
  std::vector<ActorSource> out;
  bool current = false;
  auto bracket_codes = [](std::string_view text, int line, std::vector<ActorCodeLine>* codes) {
    size_t pos = text.find('[');
    while (pos != std::string_view::npos) {
      const size_t close = text.find(']', pos);
      if (close == std::string_view::npos) return;
      std::string error;
      if (auto dc = ParseDatedCode(text.substr(pos, close - pos + 1), &error)) codes->push_back({std::move(*dc), line});
      pos = text.find('[', close);
    }
  };
  bool word_list = false;  // inside TABARI's <NOUN> / <ADJECTIVE> lists, which are not actors
  for (const DictLine& line : ReadDictLines(content, syntax)) {
    std::string_view text = line.text;
    std::string tag;
    bool closing = false;
    if (syntax == DictSyntax::kTabari && ParseSectionTag(text, &tag, &closing)) {
      if (tag == "NOUN" || tag == "ADJECTIVE") word_list = !closing;
      current = false;
      continue;
    }
    if (word_list) continue;
    if (text.front() == '[') {
      if (current) {
        std::string error;
        const size_t close = text.find(']');
        if (close == std::string_view::npos) continue;
        if (auto dc = ParseDatedCode(text.substr(0, close + 1), &error))
          out.back().codes.push_back({std::move(*dc), line.number});
      }
      continue;
    }
    const std::string_view phrase = TrimView(text.substr(0, text.find('[')));
    if (text.front() == '+') {
      if (current && phrase.size() > 1) out.back().phrases.emplace_back(TrimView(phrase.substr(1)), line.number);
      continue;
    }
    if (phrase.empty()) {
      current = false;
      continue;
    }
    ActorSource a;
    a.primary = std::string(phrase);
    a.line = line.number;
    a.phrases.emplace_back(phrase, line.number);
    bracket_codes(text, line.number, &a.codes);
    out.push_back(std::move(a));
    current = true;
  }
  return out;
}

int ChosenCodeIndex(const std::vector<DatedCode>& codes, const std::optional<Date>& date) {
  int undated = -1;
  for (size_t i = 0; i < codes.size(); ++i) {
    const DatedCode& dc = codes[i];
    if (!dc.from && !dc.to) {
      if (undated < 0) undated = static_cast<int>(i);
      continue;
    }
    if (date && dc.Covers(*date)) return static_cast<int>(i);
  }
  if (undated >= 0) return undated;
  if (!date && !codes.empty()) return 0;
  return -1;
}

CheckReport CheckDictionaryFiles(const std::vector<std::string>& files, const CodeReference& ref) {
  Checker checker(files, ref);
  return checker.Run();
}

}  // namespace griot
