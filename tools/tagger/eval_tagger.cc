// Measures griot's part-of-speech tagger on Penn Treebank parses with their tags, as
// PETRARCH's XML files carry them (<Parse> elements; leaves are "(TAG word)").
//
//   griot_tagger_eval [--model FILE] [--floor F] [--confusions N] [--errors]
//                     [--set option=value]... FILE.xml...
//
// The words of each parse are joined into ordinary text (no space before punctuation and
// clitics, curly quotes for `` and ''), so that the text goes through griot's own tokenizer
// exactly as raw news does; each griot token is scored against the leaf it starts at.
// A token that starts inside a leaf (griot splits a word the parse kept whole) is not scored;
// a token covering several leaves ("did" + "n't" -> "didn't") is scored against the first.
// Gold tags PETRARCH added for auxiliaries (AUXZ, AUXD, ...) are mapped back to Penn verb tags.
//
// Prints token accuracy overall, on words the lexicon knows and on unknown words, and the
// most frequent confusions. Exit status: 0 when the accuracy reaches --floor, 1 below it,
// 2 when nothing could be read (missing file, no parse, no token, no model).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "base/utf8.h"
#include "structure/pos_tagger.h"
#include "structure/treebank.h"
#include "text/tokenizer.h"

#ifndef GRIOT_SOURCE_DATA_DIR
#define GRIOT_SOURCE_DATA_DIR "data"
#endif

namespace griot {
namespace {

struct Score {
  long correct = 0;
  long total = 0;
  double Rate() const { return total == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(total); }
};

std::string GoldTag(const std::string& tag) {
  // PETRARCH's auxiliary tags -> Penn.
  if (tag == "AUX") return "VB";
  if (tag == "AUXB") return "VB";
  if (tag == "AUXD") return "VBD";
  if (tag == "AUXG") return "VBG";
  if (tag == "AUXN") return "VBN";
  if (tag == "AUXP") return "VBP";
  if (tag == "AUXZ") return "VBZ";
  return tag;
}

// Tokens written without a space before them.
bool GluesLeft(const std::string& word, const std::string& tag) {
  if (word == "," || word == "." || word == ":" || word == ";" || word == "?" || word == "!" || word == ")" ||
      word == "]" || word == "}" || word == "%" || word == "''" || word == "n't" || word == "'s" ||
      word == "'re" || word == "'ve" || word == "'ll" || word == "'d" || word == "'m")
    return true;
  return word == "'" && tag == "POS";
}
// Tokens written without a space after them.
bool GluesRight(const std::string& word) { return word == "(" || word == "[" || word == "{" || word == "``" || word == "$"; }

std::string Surface(const std::string& word) {
  if (word == "``") return "\u201c";
  if (word == "''") return "\u201d";
  if (word == "-LCB-") return "{";
  if (word == "-RCB-") return "}";
  if (word == "-LSB-") return "[";
  if (word == "-RSB-") return "]";
  return word;
}

struct Options {
  std::string model = std::string(GRIOT_SOURCE_DATA_DIR) + "/" + std::string(PosTagger::kModelRelativePath);
  double floor = 0.0;
  int confusions = 15;
  bool errors = false;
  PosTaggerOptions tagger;
  std::vector<std::string> files;
};

bool SetOption(PosTaggerOptions* o, const std::string& assignment) {
  const size_t eq = assignment.find('=');
  if (eq == std::string::npos) return false;
  const std::string name = assignment.substr(0, eq);
  char* end = nullptr;
  const double v = std::strtod(assignment.c_str() + eq + 1, &end);
  if (end == assignment.c_str() + eq + 1 || *end != '\0') return false;
  if (name == "known_smoothing") o->known_smoothing = v;
  else if (name == "rare_word_max_count") o->rare_word_max_count = static_cast<int>(v);
  else if (name == "max_suffix_length") o->max_suffix_length = static_cast<int>(v);
  else if (name == "wordnet_outside_factor") o->wordnet_outside_factor = v;
  else if (name == "capitalized_other_factor") o->capitalized_other_factor = v;
  else if (name == "capitalized_adjective_factor") o->capitalized_adjective_factor = v;
  else if (name == "capitalized_noun_factor") o->capitalized_noun_factor = v;
  else if (name == "all_caps_factor") o->all_caps_factor = v;
  else if (name == "lowercase_proper_factor") o->lowercase_proper_factor = v;
  else if (name == "initial_unknown_exponent") o->initial_unknown_exponent = v;
  else if (name == "capitalized_proper_floor") o->capitalized_proper_floor = v;
  else if (name == "prune_ratio") o->prune_ratio = v;
  else return false;
  return true;
}

int Usage() {
  std::fprintf(stderr,
               "usage: griot_tagger_eval [--model FILE] [--floor F] [--confusions N] [--errors] "
               "[--set option=value]... FILE.xml...\n");
  return 2;
}

int Run(const Options& opt) {
  auto tagger = PosTagger::LoadFile(opt.model, opt.tagger);
  if (!tagger.ok()) {
    std::fprintf(stderr, "error: %s\n", tagger.status().ToString().c_str());
    return 2;
  }
  Score all, known, unknown, unknown_upper, unknown_lower;
  long sentences = 0, split_tokens = 0, merged_leaves = 0, bad_parses = 0;
  std::map<std::pair<std::string, std::string>, long> confusions;

  for (const std::string& file : opt.files) {
    pugi::xml_document doc;
    const pugi::xml_parse_result loaded = doc.load_file(file.c_str());
    if (!loaded) {
      std::fprintf(stderr, "error: %s: %s (byte %td)\n", file.c_str(), loaded.description(), loaded.offset);
      return 2;
    }
    long file_tokens = 0;
    for (const pugi::xpath_node& node : doc.select_nodes("//Parse")) {
      const std::string parse_text = node.node().child_value();
      auto parsed = ParseTreebank(parse_text);
      const std::string id = node.node().parent().attribute("id").as_string("?");
      if (!parsed.ok()) {
        std::fprintf(stderr, "warning: %s: sentence %s: %s\n", file.c_str(), id.c_str(),
                     parsed.status().message().c_str());
        ++bad_parses;
        continue;
      }
      const auto& words = parsed->words;
      const auto& tags = parsed->tags;
      // Text with natural spacing, and the byte span of every leaf in it.
      std::string text;
      std::vector<uint32_t> leaf_begin, leaf_end;
      bool glue_next = true;
      for (size_t w = 0; w < words.size(); ++w) {
        if (!glue_next && !GluesLeft(words[w], tags[w])) text += ' ';
        leaf_begin.push_back(static_cast<uint32_t>(text.size()));
        text += Surface(words[w]);
        leaf_end.push_back(static_cast<uint32_t>(text.size()));
        glue_next = GluesRight(words[w]);
      }
      const std::vector<Token> tokens = Tokenize(text);
      const std::vector<PosTag> predicted = tagger->TagSentence(tokens, text);
      ++sentences;
      size_t leaf = 0;
      std::string marked;
      for (size_t t = 0; t < tokens.size(); ++t) {
        while (leaf + 1 < words.size() && leaf_end[leaf] <= tokens[t].begin) ++leaf;
        if (tokens[t].begin != leaf_begin[leaf]) {
          ++split_tokens;
          continue;
        }
        size_t last = leaf;
        while (last + 1 < words.size() && leaf_begin[last + 1] < tokens[t].end) ++last;
        merged_leaves += static_cast<long>(last - leaf);
        const std::string gold = GoldTag(tags[leaf]);
        const std::string pred(PosTagName(predicted[t]));
        const bool ok = gold == pred;
        const bool is_known = tagger->IsKnownWord(tokens[t].key);
        for (Score* s : {&all, is_known ? &known : &unknown}) {
          s->total += 1;
          s->correct += ok ? 1 : 0;
        }
        if (!is_known) {
          Score* s = (tokens[t].capitalized || tokens[t].all_caps) ? &unknown_upper : &unknown_lower;
          s->total += 1;
          s->correct += ok ? 1 : 0;
        }
        if (!ok) ++confusions[{gold, pred}];
        if (opt.errors) {
          marked += text.substr(tokens[t].begin, tokens[t].end - tokens[t].begin);
          marked += '/';
          marked += pred;
          if (!ok) marked += "[" + gold + "]" + (is_known ? "" : "*");
          marked += ' ';
        }
        ++file_tokens;
      }
      if (opt.errors) std::printf("%s: %s\n", id.c_str(), marked.c_str());
    }
    std::printf("%s: %ld tokens scored\n", file.c_str(), file_tokens);
  }
  if (all.total == 0) {
    std::fprintf(stderr, "error: no token scored (no <Parse> read)\n");
    return 2;
  }
  std::printf("model: %s (%zu words, %zu WordNet lemmas)\n", opt.model.c_str(), tagger->lexicon_size(),
              tagger->wordnet_lemma_count());
  std::printf("sentences %ld, tokens scored %ld (not scored: %ld split tokens; %ld leaves merged into "
              "contractions; %ld unreadable parses)\n",
              sentences, all.total, split_tokens, merged_leaves, bad_parses);
  auto line = [](const char* what, const Score& s) {
    std::printf("%-28s %6.2f %%  (%ld / %ld)\n", what, 100.0 * s.Rate(), s.correct, s.total);
  };
  line("accuracy, all tokens", all);
  line("  known words", known);
  line("  unknown words", unknown);
  line("    capitalised unknown", unknown_upper);
  line("    lower-case unknown", unknown_lower);
  std::vector<std::pair<long, std::pair<std::string, std::string>>> top;
  for (const auto& [pair, n] : confusions) top.push_back({n, pair});
  std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::printf("top confusions (gold -> tagged: count)\n");
  for (size_t i = 0; i < top.size() && static_cast<int>(i) < opt.confusions; ++i)
    std::printf("  %-6s -> %-6s %ld\n", top[i].second.first.c_str(), top[i].second.second.c_str(), top[i].first);
  if (all.Rate() < opt.floor) {
    std::printf("FAIL: accuracy %.2f %% is below the floor %.2f %%\n", 100.0 * all.Rate(), 100.0 * opt.floor);
    return 1;
  }
  if (opt.floor > 0) std::printf("ok: accuracy above the floor %.2f %%\n", 100.0 * opt.floor);
  return 0;
}

}  // namespace
}  // namespace griot

int main(int argc, char** argv) {
  griot::Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (a == "--model") {
      const char* v = value();
      if (!v) return griot::Usage();
      opt.model = v;
    } else if (a == "--floor") {
      const char* v = value();
      if (!v) return griot::Usage();
      opt.floor = std::atof(v);
    } else if (a == "--confusions") {
      const char* v = value();
      if (!v) return griot::Usage();
      opt.confusions = std::atoi(v);
    } else if (a == "--errors") {
      opt.errors = true;
    } else if (a == "--set") {
      const char* v = value();
      if (!v || !griot::SetOption(&opt.tagger, v)) {
        std::fprintf(stderr, "error: bad --set %s\n", v ? v : "");
        return 2;
      }
    } else if (!a.empty() && a[0] == '-') {
      return griot::Usage();
    } else {
      opt.files.push_back(a);
    }
  }
  if (opt.files.empty()) return griot::Usage();
  return griot::Run(opt);
}
