// Small string helpers shared by the readers of outside formats.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace griot {

// Runs of whitespace become one space; leading and trailing whitespace is dropped
// ("  Arnor is \n about " -> "Arnor is about").
std::string CollapseWhitespace(std::string_view s);

// The blank-separated (space or tab) words of `s`, as views into it.
std::vector<std::string_view> SplitSpaces(std::string_view s);

}  // namespace griot
