// The CAMEO code table: every event code with its label, QuadClass, Goldstein value and PLOVER
// type and mode (data/cameo/cameo_codes.tsv; see docs/codes.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/dict_file.h"

namespace griot {

struct CameoCode {
  std::string code;   // "163"
  std::string label;
  int quad_class = 0;  // 1 verbal cooperation .. 4 material conflict
  double goldstein = 0;
  std::string plover_type;  // empty for codes PLOVER drops (01x, 02x)
  std::string plover_mode;
};

class CodeTable {
 public:
  // Loads the TSV (header: code label quad_class goldstein plover_type plover_mode).
  void Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);

  // The entry for `code`, or for its nearest listed ancestor ("1831" -> "183" -> "18"); null
  // if even the root is unknown.
  const CameoCode* Find(std::string_view code) const;
  bool Has(std::string_view code) const { return codes_.count(std::string(code)) > 0; }
  size_t size() const { return codes_.size(); }
  std::vector<const CameoCode*> All() const;

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

// "1831" -> "18"; "0211" -> "02"; codes shorter than two characters are returned as is.
std::string CameoRoot(std::string_view code);

}  // namespace griot
