#include "coding/deep_parse.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

namespace griot {

namespace {

uint32_t LongestName(const PhraseIndex& index, const Sentence& s, uint32_t pos) {
  thread_local std::vector<PhraseIndex::Match> matches;
  index.MatchAt([&](uint32_t i) -> const std::string& { return s.tokens[i].key; },
                static_cast<uint32_t>(s.tokens.size()), pos, &matches);
  return matches.empty() ? 0 : matches.front().length;
}

bool NameWord(const Token& t) { return t.kind != TokenKind::kPunct && !t.key.starts_with('\''); }

}  // namespace

std::vector<TokenRange> DictionaryNameSpans(const Sentence& s, const DictionarySet& dicts) {
  std::vector<TokenRange> spans;
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  for (uint32_t i = 0; i < n;) {
    uint32_t len = 0;
    if (s.tokens[i].capitalized)
      len = std::max(LongestName(dicts.actors.index(), s, i), LongestName(dicts.agents.index(), s, i));
    bool name = len >= 2 && s.tokens[i + len - 1].capitalized;
    for (uint32_t k = i; name && k < i + len; ++k) name = NameWord(s.tokens[k]);
    if (name) {
      spans.push_back({i, i + len});
      i += len;
    } else {
      ++i;
    }
  }
  return spans;
}

std::string DeepParseCounts::ToString() const {
  std::string out = fmt::format("{} sentences: {} parsed", sentences, parsed);
  if (timeouts) out += fmt::format(", {} timed out", timeouts);
  if (no_linkage) out += fmt::format(", {} without a complete linkage", no_linkage);
  if (too_long) out += fmt::format(", {} too long", too_long);
  if (unmapped) out += fmt::format(", {} unmapped", unmapped);
  if (fallbacks()) out += " (fast path)";
  out += fmt::format("; {} names joined; {:.1f} s in the parser", names_joined, parse_seconds);
  if (parse_seconds > 0) out += fmt::format(" ({:.0f} sentences/s per thread)", sentences / parse_seconds);
  return out;
}

void DeepParser::ParseSentences(const DictionarySet& dicts, std::vector<Sentence>* sentences) const {
  for (Sentence& s : *sentences) {
    const std::vector<TokenRange> names = DictionaryNameSpans(s, dicts);
    const auto start = std::chrono::steady_clock::now();
    const LinkOutcome outcome = parser_->Parse(&s, names);
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    parse_microseconds_.fetch_add(static_cast<uint64_t>(us.count()), std::memory_order_relaxed);
    sentences_.fetch_add(1, std::memory_order_relaxed);
    names_joined_.fetch_add(names.size(), std::memory_order_relaxed);
    switch (outcome) {
      case LinkOutcome::kParsed: parsed_.fetch_add(1, std::memory_order_relaxed); break;
      case LinkOutcome::kTimeout: timeouts_.fetch_add(1, std::memory_order_relaxed); break;
      case LinkOutcome::kNoLinkage: no_linkage_.fetch_add(1, std::memory_order_relaxed); break;
      case LinkOutcome::kTooLong: too_long_.fetch_add(1, std::memory_order_relaxed); break;
      case LinkOutcome::kUnmapped: unmapped_.fetch_add(1, std::memory_order_relaxed); break;
    }
  }
}

DeepParseCounts DeepParser::counts() const {
  DeepParseCounts c;
  c.sentences = sentences_.load();
  c.parsed = parsed_.load();
  c.timeouts = timeouts_.load();
  c.no_linkage = no_linkage_.load();
  c.too_long = too_long_.load();
  c.unmapped = unmapped_.load();
  c.names_joined = names_joined_.load();
  c.parse_seconds = static_cast<double>(parse_microseconds_.load()) / 1e6;
  return c;
}

Result<std::shared_ptr<const DeepParser>> MakeDeepParser(std::string_view name, int max_parse_seconds) {
  if (name == "fast") return std::shared_ptr<const DeepParser>();
  if (name != "link") return Status::InvalidInput(fmt::format("unknown parser '{}' (fast, link)", name));
  LinkParserOptions options;
  options.max_parse_seconds = max_parse_seconds;
  auto parser = LinkParser::Create(options);
  if (!parser.ok()) return parser.status();
  return std::make_shared<const DeepParser>(std::move(parser).value());
}

}  // namespace griot
