// Document readers (text header, JSON lines) on arbitrary bytes: a value or a Status, never
// a crash.
#include <cstdint>
#include <string_view>

#include "text/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto a = griot::ParseTextDocument(text, "fuzz", "fuzz", std::nullopt);
  auto b = griot::ParseJsonlDocument(text, "fuzz:1", std::nullopt);
  (void)a;
  (void)b;
  return 0;
}
