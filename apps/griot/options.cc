// Option handling the CLI's commands share: one wording for each message.
#include <fmt/format.h>

#include <cstdio>

#include "apps/griot/commands.h"

namespace griot::cli {

bool ParseDateOption(std::string_view command, const std::string& value, std::optional<Date>* date) {
  date->reset();
  if (value.empty()) return true;
  *date = ParseIsoDate(value);
  if (*date) return true;
  fmt::print(stderr, "griot {}: --date '{}' is not YYYY-MM-DD\n", command, value);
  return false;
}

Result<std::shared_ptr<const DictionarySet>> LoadDictionariesFor(std::string_view command,
                                                                 const DictionaryOptions& options) {
  auto dicts = LoadDictionaries(options);
  if (!dicts.ok()) fmt::print(stderr, "griot {}: cannot load dictionaries: {}\n", command, dicts.status().message());
  return dicts;
}

}  // namespace griot::cli
