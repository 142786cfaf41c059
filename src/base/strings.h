// Small string helpers shared by the readers of outside formats.
#pragma once

#include <string>
#include <string_view>

namespace griot {

// Runs of whitespace become one space; leading and trailing whitespace is dropped
// ("  Arnor is \n about " -> "Arnor is about").
std::string CollapseWhitespace(std::string_view s);

}  // namespace griot
