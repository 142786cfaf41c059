#include "base/status.h"

namespace griot {

std::string Status::ToString() const {
  const char* name = "ok";
  switch (code_) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidInput: name = "invalid input"; break;
    case StatusCode::kNotFound: name = "not found"; break;
    case StatusCode::kIoError: name = "i/o error"; break;
    case StatusCode::kParseError: name = "parse error"; break;
    case StatusCode::kUnsupported: name = "unsupported"; break;
    case StatusCode::kInternal: name = "internal error"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace griot
