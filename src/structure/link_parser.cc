#include "structure/link_parser.h"

#include <algorithm>

#include <fmt/format.h>

#ifdef GRIOT_HAVE_LINK_GRAMMAR
#include <link-grammar/link-includes.h>
#endif

namespace griot {

std::string_view LinkOutcomeName(LinkOutcome outcome) {
  switch (outcome) {
    case LinkOutcome::kParsed: return "parsed";
    case LinkOutcome::kTimeout: return "timeout";
    case LinkOutcome::kNoLinkage: return "no-linkage";
    case LinkOutcome::kTooLong: return "too-long";
    case LinkOutcome::kUnmapped: return "unmapped";
  }
  return "?";
}

namespace {

// The constituent tree as printed, before it becomes a ParseTree: a node has a label and
// items, each a sub-node or a leaf (index into the linkage's words).
struct LinkNode {
  std::string label;
  std::vector<LinkNode> kids;
  int leaf = -1;  // >= 0: this item is leaf number `leaf`
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Reads the single-line constituent tree: "(S (NP a b) (VP c (NP d)) .)". Hand-written: the
// format is a bracketed list with bare words as leaves; the Treebank reader expects
// "(TAG word)" leaves, which Link Grammar does not print.
Status ReadLinkTree(std::string_view s, std::vector<LinkNode>* top, int* leaves) {
  std::vector<LinkNode*> stack;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (c == '(') {
      size_t j = i + 1;
      while (j < s.size() && !IsSpace(s[j]) && s[j] != '(' && s[j] != ')') ++j;
      LinkNode node;
      node.label = std::string(s.substr(i + 1, j - i - 1));
      if (node.label.empty()) return Status::ParseError(fmt::format("constituent without a label at byte {}", i));
      std::vector<LinkNode>& into = stack.empty() ? *top : stack.back()->kids;
      into.push_back(std::move(node));
      stack.push_back(&into.back());
      i = j;
      continue;
    }
    if (c == ')') {
      if (stack.empty()) return Status::ParseError(fmt::format("unbalanced ')' at byte {}", i));
      stack.pop_back();
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j]) && s[j] != ')') ++j;
    if (stack.empty()) return Status::ParseError(fmt::format("word outside a constituent at byte {}", i));
    LinkNode leaf;
    leaf.leaf = (*leaves)++;
    stack.back()->kids.push_back(std::move(leaf));
    i = j;
  }
  if (!stack.empty()) return Status::ParseError(fmt::format("{} unclosed '('", stack.size()));
  if (top->empty()) return Status::ParseError("empty constituent tree");
  return Status::Ok();
}

class TreeBuilder {
 public:
  TreeBuilder(const std::vector<TokenRange>& leaf_tokens, const std::vector<std::string>& tags)
      : leaf_tokens_(leaf_tokens), tags_(tags), tree_(std::make_shared<ParseTree>()) {}

  std::shared_ptr<ParseTree> Build(const std::vector<LinkNode>& top) {
    Add("ROOT", -1);
    for (const LinkNode& n : top) Walk(n, 0);
    // Tokens after the last leaf (a final bracket) go under the first clause.
    const int tail_parent = tree_->nodes[0].children.empty() ? 0 : tree_->nodes[0].children.front();
    EmitUpTo(static_cast<uint32_t>(tags_.size()), tail_parent);
    Prune(0);
    Normalize(0);
    Spans(0);
    // Renumber without the pruned nodes, in pre-order (parents before children).
    auto out = std::make_shared<ParseTree>();
    Copy(0, -1, out.get());
    return out;
  }

 private:
  int Add(std::string label, int parent) {
    ParseNode node;
    node.label = std::move(label);
    node.parent = parent;
    const int id = static_cast<int>(tree_->nodes.size());
    if (parent >= 0) tree_->nodes[static_cast<size_t>(parent)].children.push_back(id);
    tree_->nodes.push_back(std::move(node));
    return id;
  }

  void Preterminal(uint32_t t, int parent) {
    const int id = Add(tags_[t], parent);
    ParseNode& n = tree_->nodes[static_cast<size_t>(id)];
    n.preterminal = true;
    n.first_token = t;
    n.end_token = t + 1;
  }

  // Tokens [next_, end) become pre-terminals under `parent`.
  void EmitUpTo(uint32_t end, int parent) {
    for (; next_ < end; ++next_) Preterminal(next_, parent);
  }

  void Walk(const LinkNode& n, int parent) {
    const int id = Add(n.label, parent);
    for (const LinkNode& k : n.kids) {
      if (k.leaf < 0) {
        Walk(k, id);
        continue;
      }
      const TokenRange span = leaf_tokens_[static_cast<size_t>(k.leaf)];
      if (span.end <= next_) continue;  // a second piece of a token already placed
      EmitUpTo(span.end, id);
    }
  }

  // Drops phrase nodes left without pre-terminals (every leaf was a later piece of a token).
  bool Prune(int id) {
    ParseNode& n = tree_->nodes[static_cast<size_t>(id)];
    if (n.preterminal) return true;
    std::vector<int> kept;
    for (int c : n.children)
      if (Prune(c)) kept.push_back(c);
    tree_->nodes[static_cast<size_t>(id)].children = std::move(kept);
    return !tree_->nodes[static_cast<size_t>(id)].children.empty();
  }

  bool IsPre(int id) const { return tree_->nodes[static_cast<size_t>(id)].preterminal; }
  const std::string& Label(int id) const { return tree_->nodes[static_cast<size_t>(id)].label; }

  // Children [b, e) of `parent` become the children of a new `label` node in their place.
  void Wrap(int parent, size_t b, size_t e, const char* label) {
    ParseNode node;
    node.label = label;
    node.parent = parent;
    const int id = static_cast<int>(tree_->nodes.size());
    std::vector<int>& kids = tree_->nodes[static_cast<size_t>(parent)].children;
    node.children.assign(kids.begin() + static_cast<std::ptrdiff_t>(b), kids.begin() + static_cast<std::ptrdiff_t>(e));
    kids.erase(kids.begin() + static_cast<std::ptrdiff_t>(b), kids.begin() + static_cast<std::ptrdiff_t>(e));
    kids.insert(kids.begin() + static_cast<std::ptrdiff_t>(b), id);
    for (int c : node.children) tree_->nodes[static_cast<size_t>(c)].parent = id;
    tree_->nodes.push_back(std::move(node));
  }

  static bool Nominal(std::string_view tag) {
    return tag == "DT" || tag == "PDT" || tag.starts_with("JJ") || tag.starts_with("NN") || tag == "CD" ||
           tag == "PRP" || tag == "PRP$" || tag == "POS" || tag == "CC";
  }
  static bool NounLike(std::string_view tag) { return tag.starts_with("NN") || tag == "CD" || tag == "PRP"; }

  static bool Verb(std::string_view tag) { return tag.starts_with("VB") || tag == "MD"; }
  std::vector<int>& Kids(int id) { return tree_->nodes[static_cast<size_t>(id)].children; }

  // Link Grammar's constituent trees are flatter and looser than the Penn Treebank's, whose
  // shapes the coder reads (subjects and objects as NPs, verbs heading VPs). Repairs, bottom
  // up:
  //  * unary chains of phrases (NP PP VP S SBAR) collapse to the lowest ("(VP (NP (PP with
  //    (NP Libya))))" -> the PP), except a clause over its VP and ROOT;
  //  * verbs left directly under S or NP after the subject ("(S (NP Ethiopia) has broken
  //    relations (PP ...))", "(NP (NP Arnor) will contribute ...)") get a VP over the rest
  //    of the node, nested one VP per auxiliary, and such an NP becomes an S;
  //  * "X of (NP ...)" inside an NP becomes (NP (NP X) (PP of (NP ...)));
  //  * an NP under S that opens with a clause ("(NP (S ...) , a senior official)") gives the
  //    clause back to the S;
  //  * runs of nominal pre-terminals (DT JJ NN CD PRP POS, CC inside) directly under S, VP,
  //    PP or SBAR become NPs ("(PP with Gondor police)" -> (PP with (NP Gondor police))).
  void Normalize(int id) {
    if (IsPre(id)) return;
    const std::vector<int> before = Kids(id);
    for (int c : before) Normalize(c);
    if (Label(id) != "ROOT" && Kids(id).size() == 1 && !IsPre(Kids(id)[0])) {
      const int only = Kids(id)[0];
      const std::string& low = Label(only);
      const bool phrase = low == "NP" || low == "PP" || low == "VP" || low == "S" || low == "SBAR";
      const bool clause = (Label(id) == "S" || Label(id) == "SBAR") && low == "VP";
      if (phrase && !clause) {
        ParseNode& n = tree_->nodes[static_cast<size_t>(id)];
        n.label = Label(only);
        n.children = Kids(only);
        for (int c : n.children) tree_->nodes[static_cast<size_t>(c)].parent = id;
        tree_->nodes[static_cast<size_t>(only)].children.clear();  // now unreachable
      }
    }
    if (Label(id) == "S" || Label(id) == "NP") WrapBareVerbs(id);
    if (Label(id) == "VP") NestAuxiliaries(id);
    if (Label(id) == "NP") {
      const std::vector<int>& kids = Kids(id);
      for (size_t k = 1; k + 1 < kids.size(); ++k) {
        if (!IsPre(kids[k]) || Label(kids[k]) != "IN" || IsPre(kids[k + 1]) || Label(kids[k + 1]) != "NP") continue;
        Wrap(id, k, k + 2, "PP");  // invalidates `kids`
        if (k >= 2 || IsPre(Kids(id)[0])) Wrap(id, 0, k, "NP");
        break;
      }
      return;
    }
    if (Label(id) == "S") {
      std::vector<int>& kids = Kids(id);
      for (size_t c = 0; c < kids.size(); ++c) {
        const ParseNode& np = tree_->nodes[static_cast<size_t>(kids[c])];
        if (np.label != "NP" || np.children.size() < 2 || IsPre(np.children[0]) || Label(np.children[0]) != "S") continue;
        const std::vector<int> inner = np.children;
        for (int i : inner) tree_->nodes[static_cast<size_t>(i)].parent = id;
        kids.erase(kids.begin() + static_cast<std::ptrdiff_t>(c));
        kids.insert(kids.begin() + static_cast<std::ptrdiff_t>(c), inner.begin(), inner.end());
        break;
      }
    }
    WrapNominalRuns(id);
  }

  void WrapBareVerbs(int id) {
    const std::vector<int>& kids = Kids(id);
    size_t k = 1;
    while (k < kids.size() && !(IsPre(kids[k]) && Verb(Label(kids[k])))) {
      if (!IsPre(kids[k]) && Label(kids[k]) == "VP") return;  // the clause has its VP
      ++k;
    }
    if (k >= kids.size()) return;
    bool subject = false;
    for (size_t j = 0; j < k; ++j) subject |= !IsPre(kids[j]) ? Label(kids[j]) == "NP" : Nominal(Label(kids[j]));
    if (!subject) return;
    size_t e = kids.size();
    if (e > k + 1 && IsPre(kids[e - 1]) && Label(kids[e - 1]) == ".") --e;
    Wrap(id, k, e, "VP");
    if (Label(id) == "NP") tree_->nodes[static_cast<size_t>(id)].label = "S";
    NestAuxiliaries(Kids(id)[k]);
  }

  // One VP per auxiliary or infinitive marker: (VP will (VP contribute ...)), (VP to (VP
  // restore ...)); an adverb may sit between them. Nominal runs of each VP become NPs.
  void NestAuxiliaries(int vp) {
    while (true) {
      const std::vector<int>& v = Kids(vp);
      if (v.size() < 2 || !IsPre(v[0]) || !(Verb(Label(v[0])) || Label(v[0]) == "TO")) break;
      size_t next = 1;
      while (next < v.size() && IsPre(v[next]) && Label(v[next]).starts_with("RB")) ++next;
      if (next >= v.size() || !IsPre(v[next]) || !Verb(Label(v[next]))) break;
      Wrap(vp, next, v.size(), "VP");
      WrapNominalRuns(vp);
      vp = Kids(vp)[next];
    }
    WrapNominalRuns(vp);
  }

  void WrapNominalRuns(int id) {
    const std::string label = Label(id);
    if (label != "S" && label != "VP" && label != "PP" && label != "SBAR") return;
    size_t k = 0;
    while (k < Kids(id).size()) {
      const std::vector<int>& kids = Kids(id);
      if (!IsPre(kids[k]) || !Nominal(Label(kids[k])) || Label(kids[k]) == "CC") {
        ++k;
        continue;
      }
      size_t e = k;
      bool noun = false;
      while (e < kids.size() && IsPre(kids[e]) && Nominal(Label(kids[e]))) noun |= NounLike(Label(kids[e++]));
      while (e > k && Label(kids[e - 1]) == "CC") --e;
      const bool whole = k == 0 && e == kids.size();
      if (noun && !whole) {
        Wrap(id, k, e, "NP");
        ++k;
      } else {
        k = e;
      }
    }
  }

  void Spans(int id) {
    ParseNode& n = tree_->nodes[static_cast<size_t>(id)];
    if (n.preterminal) return;
    uint32_t first = UINT32_MAX, end = 0;
    for (int c : n.children) {
      Spans(c);
      const ParseNode& k = tree_->nodes[static_cast<size_t>(c)];
      first = std::min(first, k.first_token);
      end = std::max(end, k.end_token);
    }
    ParseNode& m = tree_->nodes[static_cast<size_t>(id)];
    m.first_token = first == UINT32_MAX ? 0 : first;
    m.end_token = end;
  }

  void Copy(int id, int parent, ParseTree* out) {
    const ParseNode& n = tree_->nodes[static_cast<size_t>(id)];
    ParseNode copy = n;
    copy.parent = parent;
    copy.children.clear();
    const int new_id = static_cast<int>(out->nodes.size());
    if (parent >= 0) out->nodes[static_cast<size_t>(parent)].children.push_back(new_id);
    out->nodes.push_back(std::move(copy));
    for (int c : n.children) Copy(c, new_id, out);
  }

  const std::vector<TokenRange>& leaf_tokens_;
  const std::vector<std::string>& tags_;
  std::shared_ptr<ParseTree> tree_;
  uint32_t next_ = 0;
};

bool EndsWithPluralS(std::string_view key) {
  return key.size() > 2 && key.back() == 's' && key[key.size() - 2] != 's';
}

}  // namespace

Result<std::shared_ptr<ParseTree>> TreeFromLinkConstituents(std::string_view constituents,
                                                            const std::vector<TokenRange>& leaf_tokens,
                                                            const std::vector<std::string>& tags) {
  std::vector<LinkNode> top;
  int leaves = 0;
  if (Status st = ReadLinkTree(constituents, &top, &leaves); !st.ok()) return st;
  if (static_cast<size_t>(leaves) != leaf_tokens.size())
    return Status::ParseError(
        fmt::format("constituent tree has {} words, the linkage {}", leaves, leaf_tokens.size()));
  if (tags.empty()) return Status::InvalidInput("sentence has no tokens");
  uint32_t last_end = 0;
  for (const TokenRange& span : leaf_tokens) {
    if (span.first >= span.end || span.end > tags.size())
      return Status::InvalidInput(fmt::format("word span [{}, {}) outside the sentence", span.first, span.end));
    if (span.end < last_end) return Status::InvalidInput("words out of order");
    last_end = span.end;
  }
  return TreeBuilder(leaf_tokens, tags).Build(top);
}

std::string LinkTokenTag(std::string_view griot_tag, std::string_view link_word, std::string_view token_key,
                         bool capitalized, std::string_view previous_tag) {
  // "al-Qaeda[!<HYPHENATED-WORDS>].n" -> "al-Qaeda.n"; "U.S.[!<INITIALS>]" -> "U.S.".
  std::string word;
  int depth = 0;
  for (char c : link_word) {
    if (c == '[' || c == '{') ++depth;
    else if ((c == ']' || c == '}') && depth > 0) --depth;
    else if (depth == 0) word.push_back(c);
  }
  std::string_view sub;
  const size_t dot = word.rfind('.');
  if (dot != std::string::npos && dot > 0 && dot + 1 < word.size()) sub = std::string_view(word).substr(dot + 1);
  const bool link_verb = sub == "v" || sub == "v-d" || sub == "w" || sub == "w-d" || sub == "q" || sub == "q-d";
  const bool link_gerund = sub == "g";
  const bool link_noun = sub == "n" || sub == "n-u";
  const bool griot_verb = griot_tag.starts_with("VB") || griot_tag == "MD";
  if ((link_verb || link_gerund) && !griot_verb) {
    if (link_gerund) return "VBG";
    if (sub.ends_with("-d")) {
      if (griot_tag == "JJ" || previous_tag.starts_with("VB")) return "VBN";
      return "VBD";
    }
    if (previous_tag == "MD" || previous_tag == "TO") return "VB";
    return EndsWithPluralS(token_key) ? "VBZ" : "VBP";
  }
  if (link_noun && griot_tag.starts_with("VB")) {
    if (capitalized) return EndsWithPluralS(token_key) ? "NNPS" : "NNP";
    return EndsWithPluralS(token_key) ? "NNS" : "NN";
  }
  if (!griot_tag.empty()) return std::string(griot_tag);
  // No tag from griot: a coarse one from the word itself.
  if (link_verb) return "VB";
  if (link_noun) return "NN";
  if (token_key == "," ) return ",";
  if (token_key == "." || token_key == "?" || token_key == "!") return ".";
  if (token_key == ":" || token_key == ";" || token_key == "-" || token_key == "--") return ":";
  return capitalized ? "NNP" : "NN";
}

struct LinkParser::Impl {
#ifdef GRIOT_HAVE_LINK_GRAMMAR
  Dictionary dict = nullptr;
  ~Impl() {
    if (dict) dictionary_delete(dict);
  }
#endif
};

LinkParser::LinkParser(LinkParserOptions options, std::unique_ptr<Impl> impl)
    : options_(std::move(options)), impl_(std::move(impl)) {}

LinkParser::~LinkParser() = default;

#ifdef GRIOT_HAVE_LINK_GRAMMAR

namespace {

// Link Grammar reports through a handler (per thread): its informational messages (the
// dictionary's locale, unknown words) are not griot's to print.
void QuietHandler(lg_errinfo*, void*) {}

bool IsBracket(std::string_view w) {
  return w == "(" || w == ")" || w == "[" || w == "]" || w == "{" || w == "}";
}

// Linkages tried, best first, when a constituent tree does not cover its linkage.
constexpr size_t kMaxLinkagesTried = 5;

bool IsWall(const char* w) {
  const std::string_view v(w);
  return v == "LEFT-WALL" || v == "RIGHT-WALL";
}

}  // namespace

bool LinkParser::Available() { return true; }

Result<std::shared_ptr<const LinkParser>> LinkParser::Create(const LinkParserOptions& options) {
  lg_error_set_handler(QuietHandler, nullptr);
  if (!options.dictionary_dir.empty()) dictionary_set_data_dir(options.dictionary_dir.c_str());
  auto impl = std::make_unique<Impl>();
  impl->dict = dictionary_create_lang("en");
  if (!impl->dict)
    return Status::NotFound(
        "cannot open Link Grammar's English dictionary (Debian package link-grammar-dictionaries-en)");
  return std::shared_ptr<const LinkParser>(new LinkParser(options, std::move(impl)));
}

LinkOutcome LinkParser::Parse(Sentence* s, const std::vector<TokenRange>& names) const {
  const uint32_t n = static_cast<uint32_t>(s->tokens.size());
  if (n == 0) return LinkOutcome::kNoLinkage;
  if (n > options_.max_tokens) return LinkOutcome::kTooLong;
  // A limit of 0 is spent before parsing starts. Link Grammar checks its clock only now and
  // then, so a short sentence could otherwise finish inside a "zero" limit on an idle machine
  // and time out on a busy one.
  if (options_.max_parse_seconds <= 0) return LinkOutcome::kTimeout;
  lg_error_set_handler(QuietHandler, nullptr);

  // The input line, and which tokens each of its words stands for.
  struct Piece {
    uint32_t begin, end;  // bytes in `input`
    TokenRange tokens;
  };
  std::string input;
  std::vector<Piece> pieces;
  size_t next_name = 0;
  uint32_t last_name_end = 0;
  auto token_text = [&](uint32_t t) {
    return s->text.substr(s->tokens[t].begin, s->tokens[t].end - s->tokens[t].begin);
  };
  for (uint32_t t = 0; t < n;) {
    while (next_name < names.size() &&
           (names[next_name].first < t || names[next_name].end <= names[next_name].first + 1 ||
            names[next_name].first < last_name_end || names[next_name].end > n))
      ++next_name;  // passed, too short, overlapping or outside: ignored
    TokenRange span{t, t + 1};
    if (next_name < names.size() && names[next_name].first == t) {
      span = names[next_name];
      last_name_end = span.end;
      ++next_name;
    }
    if (span.end == t + 1 && IsBracket(token_text(t))) {
      ++t;
      continue;
    }
    if (!input.empty()) input.push_back(' ');
    const uint32_t begin = static_cast<uint32_t>(input.size());
    for (uint32_t k = span.first; k < span.end; ++k) {
      if (k > span.first) input.push_back('_');
      input += token_text(k);
    }
    pieces.push_back({begin, static_cast<uint32_t>(input.size()), span});
    t = span.end;
  }
  if (pieces.empty()) return LinkOutcome::kNoLinkage;

  Parse_Options opts = parse_options_create();
  parse_options_set_verbosity(opts, 0);
  parse_options_set_max_parse_time(opts, options_.max_parse_seconds);
  parse_options_set_min_null_count(opts, 0);
  parse_options_set_max_null_count(opts, 0);
  parse_options_set_islands_ok(opts, false);
  parse_options_set_spell_guess(opts, 0);
  parse_options_set_display_morphology(opts, 0);
  ::Sentence sent = sentence_create(input.c_str(), impl_->dict);
  LinkOutcome outcome = LinkOutcome::kNoLinkage;
  size_t linkages = 0;
  if (sent && sentence_split(sent, opts) >= 0) {
    const int found = sentence_parse(sent, opts);
    if (parse_options_timer_expired(opts)) outcome = LinkOutcome::kTimeout;
    else if (found > 0 && sentence_null_count(sent) == 0 && sentence_num_valid_linkages(sent) > 0)
      linkages = std::min<size_t>(static_cast<size_t>(sentence_num_valid_linkages(sent)), kMaxLinkagesTried);
  }
  // The best-ranked linkage first; Link Grammar's constituent tree sometimes covers only part
  // of a linkage, and then the next one is tried.
  for (size_t li = 0; li < linkages && outcome != LinkOutcome::kParsed; ++li) {
    Linkage linkage = linkage_create(li, sent, opts);
    if (!linkage) continue;
    outcome = LinkOutcome::kUnmapped;
    // Each word of the linkage (walls aside) to the tokens of the piece it lies in.
    std::vector<TokenRange> leaf_tokens;
    std::vector<std::string> leaf_words;
    bool mapped = true;
    const size_t words = linkage_get_num_words(linkage);
    for (size_t w = 0; w < words && mapped; ++w) {
      const char* word = linkage_get_word(linkage, w);
      if (IsWall(word)) continue;
      const size_t b = linkage_get_word_byte_start(linkage, w);
      auto it = std::upper_bound(pieces.begin(), pieces.end(), b,
                                 [](size_t byte, const Piece& p) { return byte < p.begin; });
      if (it == pieces.begin()) {
        mapped = false;
        break;
      }
      --it;
      if (b >= it->end) {
        mapped = false;
        break;
      }
      leaf_tokens.push_back(it->tokens);
      leaf_words.emplace_back(word);
    }
    if (mapped) {
      // Tags: griot's, corrected by Link Grammar's word class for single-token words.
      std::vector<std::string> tags(n);
      for (uint32_t t = 0; t < n; ++t)
        if (t < s->tags.size()) tags[t] = s->tags[t];
      std::vector<bool> seen(n, false);
      for (size_t i = 0; i < leaf_tokens.size(); ++i) {
        const TokenRange span = leaf_tokens[i];
        if (span.end != span.first + 1 || seen[span.first]) continue;
        seen[span.first] = true;
        const Token& tok = s->tokens[span.first];
        const std::string previous = span.first > 0 ? tags[span.first - 1] : std::string();
        tags[span.first] = LinkTokenTag(tags[span.first], leaf_words[i], tok.key, tok.capitalized, previous);
      }
      for (uint32_t t = 0; t < n; ++t)
        if (tags[t].empty()) tags[t] = LinkTokenTag("", "", s->tokens[t].key, s->tokens[t].capitalized, "");
      char* text = linkage_print_constituent_tree(linkage, SINGLE_LINE);
      if (text) {
        auto tree = TreeFromLinkConstituents(text, leaf_tokens, tags);
        linkage_free_constituent_tree_str(text);
        if (tree.ok()) {
          s->tree = std::move(tree).value();
          s->tags = std::move(tags);
          outcome = LinkOutcome::kParsed;
        }
      }
    }
    linkage_delete(linkage);
  }
  if (sent) sentence_delete(sent);
  parse_options_delete(opts);
  return outcome;
}

#else  // !GRIOT_HAVE_LINK_GRAMMAR

bool LinkParser::Available() { return false; }

Result<std::shared_ptr<const LinkParser>> LinkParser::Create(const LinkParserOptions&) {
  return Status::Unsupported(
      "--parser link needs Link Grammar: this griot was built without it (install the Debian "
      "packages liblink-grammar-dev and link-grammar-dictionaries-en, then re-run cmake)");
}

LinkOutcome LinkParser::Parse(Sentence*, const std::vector<TokenRange>&) const { return LinkOutcome::kNoLinkage; }

#endif

}  // namespace griot
