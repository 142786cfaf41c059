// The deep parsing mode (`--parser link`): a constituency tree for a raw-text sentence from
// the Link Grammar parser (CMU; Debian liblink-grammar-dev with the English dictionary of
// link-grammar-dictionaries-en), in the same ParseTree the Treebank reader fills, so the
// coding engine reads a deep parse exactly as it reads a pre-parsed sentence.
//
// What a parse does:
//  * the sentence's tokens are given to Link Grammar as one line, one space between tokens;
//    token spans the caller names (multi-word dictionary names: "Wagner Group",
//    "Human Rights Watch") are joined with '_' into one word first, so the parser sees a
//    name, not a run of unknown capitalised words; bracket tokens ( ) [ ] { } are left out
//    (they would collide with the bracketed tree Link Grammar prints);
//  * only complete linkages are accepted (no null words); the best-ranked linkage's
//    constituent tree (Link Grammar's Penn-style labels: S, NP, VP, PP, SBAR...) becomes
//    the tree, under a ROOT node (when that tree does not cover every word, the next of the
//    first five linkages is tried); flat noun phrases get the NP nodes the Penn Treebank
//    would give them (see TreeFromLinkConstituents);
//  * leaves are griot's tokens, one pre-terminal each, so token spans stay those of the
//    sentence: a joined name is split back into its tokens, a token Link Grammar split
//    ("30km" -> 30 km) is one leaf, a token left out hangs in order under the nearest node;
//  * pre-terminal tags are griot's tagger tags (Sentence::tags); where Link Grammar's word
//    class disagrees about verb versus noun (its "attacked.v-d", "attack.n"), the tag is
//    corrected to a verb or noun tag, since the coder's verbs are found by tag.
// A sentence that exceeds the time limit, has no complete linkage or cannot be mapped back
// keeps no tree (the caller codes it on the fast path) and the outcome says why.
//
// Thread-safety: one LinkParser (one loaded dictionary) serves all threads; each Parse call
// uses its own Link Grammar parse options and sentence.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "structure/sentence.h"
#include "structure/treebank.h"

namespace griot {

struct LinkParserOptions {
  // Per-sentence time limit in whole seconds (Link Grammar's granularity). 0: no sentence is
  // parsed, every one counts as timed out and takes the fast path (to compare the two).
  int max_parse_seconds = 1;
  // Sentences of more tokens than this are not attempted (outcome kTooLong).
  size_t max_tokens = 100;
  // Directory holding Link Grammar's dictionaries (the one containing "en/"); empty: the
  // installed location.
  std::string dictionary_dir;
};

enum class LinkOutcome : uint8_t {
  kParsed,      // the sentence now has a tree
  kTimeout,     // the time limit ran out
  kNoLinkage,   // no complete linkage
  kTooLong,     // more tokens than max_tokens
  kUnmapped,    // the linkage could not be mapped back to the tokens
};
std::string_view LinkOutcomeName(LinkOutcome outcome);

// Tokens [first, end) of a sentence.
struct TokenRange {
  uint32_t first = 0;
  uint32_t end = 0;
};

class LinkParser {
 public:
  // True when griot was built with Link Grammar (GRIOT_HAVE_LINK_GRAMMAR).
  static bool Available();

  // Loads the English dictionary. Errors: griot built without Link Grammar (the message says
  // which packages to install), or the dictionary cannot be opened.
  static Result<std::shared_ptr<const LinkParser>> Create(const LinkParserOptions& options = {});

  ~LinkParser();
  LinkParser(const LinkParser&) = delete;
  LinkParser& operator=(const LinkParser&) = delete;

  // Parses `sentence` (tokens, and tags when known). On kParsed sets sentence->tree and
  // fills or corrects sentence->tags; otherwise leaves the sentence as it was. `names`:
  // token spans to join into one word, in order and not overlapping (spans of one token,
  // out of order or overlapping are ignored).
  LinkOutcome Parse(Sentence* sentence, const std::vector<TokenRange>& names = {}) const;

  const LinkParserOptions& options() const { return options_; }

  struct Impl;  // defined in link_parser.cc

 private:
  LinkParser(LinkParserOptions options, std::unique_ptr<Impl> impl);
  LinkParserOptions options_;
  std::unique_ptr<Impl> impl_;
};

// The conversion from Link Grammar's output, separate from the library so it is tested
// without it. `constituents` is the single-line constituent tree ("(S (NP Wagner_Group
// fighters.n) (VP attacked.v-d (NP the village.n)) .)"), whose leaves are the linkage's
// words without the walls, in order; `leaf_tokens[i]` is the token span of leaf i
// (several leaves may share a token; a joined name's leaf spans its tokens);
// `tags` holds one pre-terminal label per token. Tokens no leaf covers are attached in
// order under the node where they fall. Then, toward Penn conventions: a run of nominal
// pre-terminals (DT JJ NN CD PRP POS, CC inside) directly under S, VP, PP or SBAR becomes an
// NP; "X of (NP ...)" inside an NP becomes (NP (NP X) (PP of (NP ...))); an NP under S that
// opens with a clause ("(NP (S ...) , a senior official)") gives the clause back to the S. Errors: malformed tree text, a leaf count different
// from leaf_tokens.size(), a span outside the sentence, or tags.size() != the token count.
Result<std::shared_ptr<ParseTree>> TreeFromLinkConstituents(std::string_view constituents,
                                                            const std::vector<TokenRange>& leaf_tokens,
                                                            const std::vector<std::string>& tags);

// The Penn tag for a token given griot's tag (may be empty) and Link Grammar's word as the
// linkage prints it ("attacked.v-d", "Wagner_Group[!<CAPITALIZED-WORDS>]", "the"): griot's
// tag, unless Link Grammar reads the word as a verb and griot did not (or as a noun where
// griot read a verb), or griot gave none. `previous_tag` is the tag of the token before.
std::string LinkTokenTag(std::string_view griot_tag, std::string_view link_word, std::string_view token_key,
                         bool capitalized, std::string_view previous_tag);

}  // namespace griot
