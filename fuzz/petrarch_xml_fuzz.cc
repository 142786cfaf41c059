// The streaming PETRARCH XML reader on arbitrary bytes: every input ends in documents and
// rejections, never a crash or a hang, whatever the chunk size (taken from the first byte,
// so that records and markup fall across chunk boundaries everywhere).
#include <cstdint>
#include <sstream>
#include <string>

#include "pipeline/petrarch_xml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t chunk = 1 + data[0] % 64;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  griot::PetrarchXmlReader reader(&in, "fuzz.xml", std::nullopt, chunk);
  griot::InputItem item;
  size_t items = 0;
  while (reader.Next(&item)) ++items;
  (void)items;
  return 0;
}
