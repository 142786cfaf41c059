#include "coding/references.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "coding/mentions.h"
#include "dict/dictionary_set.h"

namespace griot {
namespace {

constexpr char kActors[] =
    "ASSIMI_GOITA_\n"
    "\t[MLIMIL <20200818]\n"
    "\t[MLIGOV >20200818]\n"
    "MOCTAR_OUANE_\n"
    "\t[MLIGOV 20200927-20210524]\n"
    "JNIM_ [JNI]\n"
    "ISGS_ [ISG]\n"
    "MALI_ [MLI]\n";  // (a bare country, which "it" does not take, is marked by the country table)

std::shared_ptr<DictionarySet> TestDictionaries() {
  auto d = std::make_shared<DictionarySet>();
  std::vector<DictIssue> issues;
  d->actors.Load(kActors, "test.actors.txt", &issues);
  d->actors.Finalize();
  d->agents.Finalize();
  d->verbs.Finalize();
  EXPECT_TRUE(issues.empty()) << issues.front().ToString();
  return d;
}

// The document's mentions after resolution, as "sentence:first-end CODE" for the resolved
// ones (those whose words are an anaphor).
std::vector<std::string> Resolved(const DictionarySet& dicts, const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.date = ParseCompactDate("20210301");
  std::vector<Sentence> sentences = BuildSentences(doc);
  const std::vector<std::string> verbs = {"met", "said", "attacked", "killed", "clashed", "is", "would", "resume",
                                          "accused", "will", "denied"};
  std::vector<std::vector<ActorMention>> mentions;
  for (Sentence& s : sentences) {
    for (const Token& t : s.tokens)
      s.tags.push_back(std::find(verbs.begin(), verbs.end(), t.key) != verbs.end() ? "VBD"
                       : t.key == "he" || t.key == "she" || t.key == "it" ? "PRP"
                                                                          : "NN");
    mentions.push_back(FindMentions(s, dicts, doc.date));
  }
  ResolveReferences(sentences, dicts, &mentions);
  std::vector<std::string> out;
  for (size_t i = 0; i < sentences.size(); ++i)
    for (const ActorMention& m : mentions[i]) {
      const std::string& k = sentences[i].tokens[m.first].key;
      if (k == "he" || k == "she" || k == "it" || k == "the")
        out.push_back(std::to_string(i) + ":" + std::to_string(m.first) + "-" + std::to_string(m.end) + " " + m.code);
    }
  return out;
}

TEST(ReferencesTest, PersonPronounTakesThePersonNamedJustBefore) {
  const auto d = TestDictionaries();
  EXPECT_EQ(Resolved(*d, "Assimi Goita met envoys. He said talks would resume."),
            std::vector<std::string>{"1:0-1 MLIGOV"});
}

TEST(ReferencesTest, SheIsNotResolvedToTheOnlyPersonEntry) {
  const auto d = TestDictionaries();
  EXPECT_EQ(Resolved(*d, "Assimi Goita met a French diplomat. She said talks would resume."),
            std::vector<std::string>{});
}

TEST(ReferencesTest, GroupAndItTakeTheOnlyOrganisation) {
  const auto d = TestDictionaries();
  EXPECT_EQ(Resolved(*d, "JNIM attacked a convoy. The group said it killed soldiers."),
            (std::vector<std::string>{"1:0-2 JNI", "1:3-4 JNI"}));
}

TEST(ReferencesTest, TwoCandidatesResolveNothing) {
  const auto d = TestDictionaries();
  EXPECT_EQ(Resolved(*d, "JNIM and ISGS clashed. The group said it killed soldiers."), std::vector<std::string>{});
  EXPECT_EQ(Resolved(*d, "Assimi Goita met Moctar Ouane. He said talks would resume."), std::vector<std::string>{});
}

TEST(ReferencesTest, EmptySubjectsCountriesAndDistantNamesAreLeftAlone) {
  const auto d = TestDictionaries();
  // "it is": no referent; a person is not "it".
  EXPECT_EQ(Resolved(*d, "JNIM attacked a convoy. It is unclear why."), std::vector<std::string>{});
  EXPECT_EQ(Resolved(*d, "Assimi Goita met envoys. It denied talks."), std::vector<std::string>{});
  // Three sentences back is too far.
  EXPECT_EQ(Resolved(*d, "JNIM attacked a convoy. Talks resume. Talks resume. Talks resume. The group denied "
                           "talks."),
            std::vector<std::string>{});
  // Not a subject (no verb after it).
  EXPECT_EQ(Resolved(*d, "JNIM attacked a convoy. Envoys met the group."), std::vector<std::string>{});
}

}  // namespace
}  // namespace griot

namespace griot {
namespace {

TEST(IsAnaphorText, PronounsAndDefiniteGroupNounsOnly) {
  for (const char* t : {"it", "It", "he", "She", "the group", "The Group", "the movement", "the organisation",
                        "the organization"})
    EXPECT_TRUE(IsAnaphorText(t)) << t;
  for (const char* t : {"", "Italy", "the Wagner Group", "group", "them", "JNIM", "the army"})
    EXPECT_FALSE(IsAnaphorText(t)) << t;
}

}  // namespace
}  // namespace griot
