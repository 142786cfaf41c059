#include "coding/petrarch1_coder.h"

namespace griot {

bool CodePetrarch1Sentence(const DictionarySet& dicts, const CoderOptions& options, const Document& doc,
                           const Sentence& s, std::vector<Event>* out) {
  (void)dicts;
  (void)options;
  (void)doc;
  (void)s;
  (void)out;
  return false;  // not implemented yet: the caller falls back to the griot reading
}

}  // namespace griot
