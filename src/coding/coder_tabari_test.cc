// TABARI's reading of the coder (the CoderOptions the TABARI validation runner sets), on small
// dictionaries written in TABARI's dialect: each test checks one rule with its option on, and
// that griot's defaults keep their own reading.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "coding/coder.h"
#include "coding/mentions.h"
#include "dict/dictionary_set.h"
#include "structure/sentence.h"
#include "text/document.h"

namespace griot {
namespace {

constexpr char kActors[] =
    "<NOUN>\n"
    "SHEEP\n"
    "GOATS\n"
    "</NOUN>\n"
    "<ADJECTIVE>\n"
    "EVIL\n"
    "</ADJECTIVE>\n"
    "ARNOR [ARN]\n"
    "GONDOR [GON]\n"
    "ROHAN [ROH]\n"
    "MORDOR [MOR]\n"
    "BREE [BRE]\n"
    "DANISH [DEN]\n"
    "LORD_OF_HOSTS [---]\n";

constexpr char kAgents[] = "SOLDIERS_ [~MIL]\n";

constexpr char kVerbs[] =
    "<SYNSETS>\n"
    "&COIN\n"
    "+DOLLAR\n"
    "+PESO_$\n"
    "&TIETYPES\n"
    "+CULTURAL\n"
    "&OPENPHRASE\n"
    "+&TIETYPES ASSURANCES\n"
    "&NEGATION\n"
    "+DID_NOT\n"
    "+WONT\n"
    "</SYNSETS>\n"
    "AFFIRM [042]\n"
    "ALLOW [060]\n"
    "ALLEGE [022]\n"
    "ACKNOWLEDGE [023]\n"
    "PROMISE [050]\n"
    "ASSIST [092]\n"
    "URGE [102]\n"
    "ATTACK [223]\n"
    "LAUNCH [---]\n"
    "PLEAD [094]\n"
    "- $ * [095]\n"
    "ATTEND [031!]\n"
    "LEFT_ [032]\n"
    "REBUKE [121]\n"
    "REPORT [025?]\n"
    "SHOT_AND_WOUND [223]\n"
    "SHOT [223]\n"
    "WOUND [223]\n"
    "DEATH TOLL RISEN [223]\n"
    "BRUSH ASIDE REPORTS [142]\n"
    "REGRET [111]\n"
    "- SAID $ * [113]\n"
    "CELEBRATE [181]\n"
    "- $ HOSTING ^ * FEAST [042]\n"
    "- * FEAST AT ^ ^ + [044]\n"
    "FREE [066]\n"
    "- + * FROM $ [066]\n"
    "CONTRIBUT [070]\n"
    "- * &COIN [903]\n"
    "WELCOME [041]\n"
    "- * &OPENPHRASE [914]\n"
    "CLASH [190]\n"
    "- SURELY_&NEGATION_EVER * OVER [907]\n";

// The test actors and agents with `verbs` (the tests' verbs unless given).
std::shared_ptr<DictionarySet> TabariDictionaries(const char* verbs = kVerbs) {
  auto d = std::make_shared<DictionarySet>();
  std::vector<DictIssue> issues;
  d->actors.Load(kActors, "test.actors", &issues);
  d->agents.Load(kAgents, "test.agents", &issues);
  d->verbs.Load(verbs, "test.verbs", &issues);
  d->actors.Finalize();
  d->agents.Finalize();
  d->verbs.Finalize();
  EXPECT_TRUE(issues.empty()) << issues.front().ToString();
  return d;
}

// The options the TABARI runner starts from (TabariCoderOptions), CODE BY CLAUSE.
CoderOptions TabariOptions() { return TabariCoderOptions(); }

class CoderTabariTest : public ::testing::Test {
 protected:
  CoderTabariTest() : dicts_(TabariDictionaries()) {}

  DocumentResult Run(const std::string& text, const CoderOptions& options) {
    Document doc;
    doc.id = "t";
    doc.text = text;
    doc.date = ParseCompactDate("19950105");
    return Coder(dicts_, options).CodeDocument(doc);
  }
  // "SOURCE TARGET CODE" of each event, sorted and unique.
  std::vector<std::string> Code(const std::string& text, const CoderOptions& options) {
    std::vector<std::string> out;
    for (const Event& e : Run(text, options).events)
      out.push_back((e.source ? e.source->code : "-") + " " + (e.target ? e.target->code : "-") + " " + e.cameo);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  using V = std::vector<std::string>;

  std::shared_ptr<DictionarySet> dicts_;
};

TEST_F(CoderTabariTest, ComplexityFilterCountsVerbs) {
  CoderOptions o = TabariOptions();
  o.complex_verbs = 5;
  const std::string five =
      "Gondor alleged and acknowledged that Rohan might affirm an attack by Mordor soldiers allowed in "
      "the south but promised aid to Bree";
  const DocumentResult r = Run(five, o);
  EXPECT_TRUE(r.events.empty());
  EXPECT_EQ(r.complex, "5 verbs (VERBS[5])");
  // "the promised aid": after an article the word is a noun, so four verbs.
  EXPECT_TRUE(Run("Gondor alleged and acknowledged that Rohan might affirm an attack by Mordor soldiers allowed "
                  "in the south but the promised aid went to Bree",
                  o)
                  .complex.empty());
  // Off (griot's default): coded.
  EXPECT_FALSE(Run(five, TabariOptions()).events.empty());
}

TEST_F(CoderTabariTest, ComplexityFilterCountsClauseConjunctions) {
  CoderOptions o = TabariOptions();
  o.complex_conjunctions = 4;
  // "and", "or", "or", "but" open clauses; "Rohan and Bree" joins two actors.
  const DocumentResult r =
      Run("Gondor urged and acknowledged that Arnor might affirm or allow an attack by Mordor in the south or "
          "the north but promise aid to Rohan and Bree",
          o);
  EXPECT_TRUE(r.events.empty());
  EXPECT_EQ(r.complex, "4 conjunctions (CONJ[4])");
  EXPECT_TRUE(Run("Gondor urged Arnor to affirm or allow an attack by Rohan and Bree", o).complex.empty());
}

TEST_F(CoderTabariTest, ComplexityFilterNeedsAnActorBeforeTheVerb) {
  CoderOptions o = TabariOptions();
  o.complex_no_actor_prior = true;
  // A null-coded actor is no actor: the first coded verb has none before it.
  EXPECT_EQ(Run("Rebuked by Arnor, the Lord of Hosts is being drawn into talks with Gondor", o).complex,
            "no actor before the verb (NOACTPRIOR)");
  // A null-coded verb ([---]) before the actor does not count.
  const DocumentResult launched = Run("On launch Gondor attacked Mordor in their first final", o);
  EXPECT_TRUE(launched.complex.empty());
  EXPECT_EQ(Code("On launch Gondor attacked Mordor in their first final", o), (V{"GON MOR 223"}));
  // A pronoun counts only when it stands for a forwarded actor.
  EXPECT_FALSE(Run("He has also urged Gondor to assist", o).complex.empty());
  o.complex_pronoun_forwarded = true;
  EXPECT_TRUE(Run("He has also urged Gondor to assist", o).complex.empty());
}

TEST_F(CoderTabariTest, TargetsStayInTheVerbsClause) {
  const CoderOptions o = TabariOptions();
  // "affirm" has no actor after it in its clause: the actor between its source and it is the
  // target; "allow" opens the next clause and takes Mordor.
  EXPECT_EQ(Code("Arnor accepts that Gondor might affirm or allow an attack by Mordor soldiers on Thursday", o),
            (V{"ARN GON 042", "ARN MORMIL 060"}));
  // griot: the first actor after the verb, past the conjunction.
  CoderOptions g = o;
  g.targets_in_clause = false;
  g.pronouns_for_first_actor = false;
  EXPECT_EQ(Code("Arnor accepts that Gondor might affirm or allow an attack by Mordor soldiers on Thursday", g),
            (V{"ARN MORMIL 042", "ARN MORMIL 060"}));
}

TEST_F(CoderTabariTest, PronounsStandForTheFirstActor) {
  const CoderOptions o = TabariOptions();
  // A subject pronoun opening a clause: the source is the sentence's first actor.
  EXPECT_EQ(Code("Arnor urged Bree on Monday to chill out and then it requested that Gondor assist with a role", o),
            (V{"ARN BRE 102", "ARN GON 092"}));
  // An object pronoun standing for the source is passed over (SET: CODE ALL codes both
  // verbs); one standing for another actor is the target.
  CoderOptions all = o;
  all.code_by = CoderOptions::CodeBy::kAll;
  EXPECT_EQ(Code("Arnor urged Bree on Monday to assist it", all), (V{"ARN BRE 092", "ARN BRE 102"}));
  EXPECT_EQ(Code("Arnor urged Bree to chill out and Gondor assisted him in the talks", o),
            (V{"ARN BRE 102", "GON ARN 092"}));
  // A pronoun fills a pattern's "$" where it stands ("SAID $ *").
  EXPECT_EQ(Code("Gondor said he regretted the refusal of Mordor to talk", o), (V{"GON MOR 113"}));
}

TEST_F(CoderTabariTest, ClausesAndTheirSubjects) {
  const CoderOptions o = TabariOptions();
  // "sheep and goats" (words of the <NOUN> list) does not open a clause: one verb is coded;
  // "but" opens one even between two actors.
  EXPECT_EQ(Code("Gondor might affirm an attack by sheep and evil goats from Mordor soldiers assailing Rohan but "
                 "Bree promised aid to Arnor",
                 o),
            (V{"BRE ARN 050", "GON MORMIL 042"}));
  // An actor after a preposition does not open the clause's subject: the source is the
  // sentence's first actor.
  EXPECT_EQ(Code("Gondor launched a bombing and shelling offensive against Mordor following attacks on Arnor", o),
            (V{"GON ARN 223"}));
}

TEST_F(CoderTabariTest, PassiveNeedsItsBy) {
  CoderOptions o = TabariOptions();
  // No "by" in the clause: read as active.
  EXPECT_EQ(Code("Mordor was reported on Friday to have reinforced its positions near Gondor", o),
            (V{"MOR GON 025"}));
  // With a "by" phrase: passive.
  EXPECT_EQ(Code("Mordor was rebuked on Friday by Gondor over its positions", o), (V{"GON MOR 121"}));
  o.passive_needs_by = false;
  EXPECT_TRUE(Code("Mordor was reported on Friday to have reinforced its positions near Gondor", o).empty());
}

TEST_F(CoderTabariTest, DominantCodeStandsAlone) {
  CoderOptions o = TabariOptions();
  o.code_by = CoderOptions::CodeBy::kAll;
  EXPECT_EQ(Code("Gondor left for Rohan on Wednesday to attend meetings with Arnor", o), (V{"GON ARN 031"}));
  o.dominant_codes = false;
  EXPECT_EQ(Code("Gondor left for Rohan on Wednesday to attend meetings with Arnor", o),
            (V{"GON ARN 031", "GON ROH 032"}));
}

TEST_F(CoderTabariTest, PatternDetails) {
  const CoderOptions o = TabariOptions();
  // A passive whose pattern binds both roles keeps them ("+ * FROM $").
  EXPECT_EQ(Code("Rohan militia was freed from Mordor after six days of fighting", o), (V{"MOR ROH 066"}));
  // "$" followed by a pattern word is the actor nearest before that word.
  EXPECT_EQ(Code("Mordor et Arnor will be hosting Gondor to celebrate the feast with Rohan next week", o),
            (V{"ARN ROH 042"}));
  // "^" skips the next actor and the words before it.
  EXPECT_EQ(Code("Arnor has celebrated the feast at Gondor with the leaders of Mordor in Rohan", o),
            (V{"ARN ROH 044"}));
  // An actor token inside a synset member ("+PESO_$") binds the source.
  EXPECT_EQ(Code("Arnor will contribute a million peso Bree to Gondor", o), (V{"BRE GON 903"}));
  // A nested synset with a blank after it lets words in between ("+&TIETYPES ASSURANCES").
  EXPECT_EQ(Code("Gondor welcomed cultural internal assurances sent by Bree", o), (V{"GON BRE 914"}));
}

TEST_F(CoderTabariTest, MultiWordVerbsWithBlanks) {
  const CoderOptions o = TabariOptions();
  // Words may come between the words of "DEATH TOLL RISEN", not across a comma.
  EXPECT_EQ(Code("Gondor death toll has risen in the dispute with Mordor", o), (V{"GON MOR 223"}));
  EXPECT_EQ(Code("Arnor brushed aside reports that Gondor attacked Mordor", o), (V{"ARN GON 142"}));
  for (const std::string& e : Code("Arnor, fearful of Mordor brushed, aside reports", o))
    EXPECT_EQ(e.find("142"), std::string::npos) << e;
}

TEST_F(CoderTabariTest, PatternSourceIsTheNearestActorBeforeTheVerb) {
  // "- $ *": TABARI matches a pattern's words before the verb backwards from it, so "$" is the
  // actor nearest before the verb, not the clause's first.
  EXPECT_EQ(Code("Gondor at odds with Rohan pleaded with Arnor on Sunday", TabariOptions()), (V{"ROH ARN 095"}));
}

TEST_F(CoderTabariTest, ListsWithACommaBeforeTheirConjunction) {
  // "Arnor and Rohan, and Gondor" is one list: its "and" opens no clause, so "attack" keeps the
  // sentence's first actor as source; the target found back from the verb, a later member of
  // the list, stands alone.
  EXPECT_EQ(Code("Among them was Bree, allied with Arnor and Rohan, and Gondor the chief of military attack "
                 "intelligence",
                 TabariOptions()),
            (V{"BRE GON 223"}));
}

TEST_F(CoderTabariTest, ShortClausesAreNotCoded) {
  // "Gondor alleged" (two words) is passed over; with no source found before, "acknowledged"
  // takes its clause's first actor, after the verb.
  const std::string text =
      "Gondor alleged and acknowledged that Calenardon might affirm an attack by Mordor soldiers in Rohan";
  EXPECT_EQ(Code(text, TabariOptions()), (V{"MORMIL ROH 023"}));
  CoderOptions o = TabariOptions();
  o.skip_short_clauses = false;
  EXPECT_EQ(Code(text, o), (V{"GON MORMIL 023"}));
}

TEST_F(CoderTabariTest, CompoundsAroundAnd) {
  CoderOptions o = TabariOptions();
  // After "and", actors separated by articles and <ADJECTIVE> words all join the compound.
  EXPECT_EQ(Code("Rohan and the evil Arnor evil Gondor urged Bree to talk", o),
            (V{"ARN BRE 102", "GON BRE 102", "ROH BRE 102"}));
  // An agent, or a word of no list, ends a compound: two compounds, the first is the source.
  EXPECT_EQ(Code("Arnor and Gondor border soldiers Rohan and Mordor urged Bree to talk", o),
            (V{"ARN BRE 102", "GON BRE 102"}));
  // griot's reading: compounds from gaps ending in a conjunction.
  o.mentions.compounds_from_and = false;
  EXPECT_EQ(Code("Rohan and the evil Arnor evil Gondor urged Bree to talk", o), (V{"ARN BRE 102"}));
  EXPECT_EQ(Code("Arnor and Gondor border soldiers Rohan and Mordor urged Bree to talk", o),
            (V{"ARN BRE 102", "GON BRE 102", "MOR BRE 102", "ROHMIL BRE 102"}));
}

TEST_F(CoderTabariTest, PluralPronounsStandForCompounds) {
  CoderOptions o = TabariOptions();
  // "their" stands for the compound; its code (ARN) is not the source's (ARNMIL): the
  // compound acts on itself.
  EXPECT_EQ(Code("The soldiers of Arnor, Rohan and Gondor urged their allies in Bree to talk", o),
            (V{"ARNMIL GON 102", "ARNMIL ROH 102", "GON ARNMIL 102", "GON ROH 102", "ROH ARNMIL 102",
               "ROH GON 102"}));
  // Standing for the source's own code, it is passed over.
  o.code_by = CoderOptions::CodeBy::kAll;
  EXPECT_EQ(Code("Arnor and Gondor urged Bree on Monday to assist them", o),
            (V{"ARN BRE 092", "ARN BRE 102", "GON BRE 092", "GON BRE 102"}));
  o.plural_pronouns_for_compounds = false;
  o.code_by = CoderOptions::CodeBy::kClause;
  EXPECT_EQ(Code("The soldiers of Arnor, Rohan and Gondor urged their allies in Bree to talk", o),
            (V{"ARNMIL BRE 102", "GON BRE 102", "ROH BRE 102"}));
}

TEST_F(CoderTabariTest, LaterCompoundMembersStandAlone) {
  CoderOptions o = TabariOptions();
  // The target is the nearest actor before the verb, the compound's last member: it alone.
  const std::string text = "Among them was Arnor with Rohan and Gondor the leader of attack groups";
  EXPECT_EQ(Code(text, o), (V{"ARN GON 223"}));
  // Found at its first member, the compound acts whole.
  EXPECT_EQ(Code("Arnor urged Rohan and Gondor to talk", o), (V{"ARN GON 102", "ARN ROH 102"}));
  o.compounds_whole_from_first_member = false;
  EXPECT_EQ(Code(text, o), (V{"ARN GON 223", "ARN ROH 223"}));
}

TEST_F(CoderTabariTest, SynsetsSoughtBackBeforeTheVerb) {
  CoderOptions o = TabariOptions();
  // "SURELY_&NEGATION_EVER": the synset is found back across "even".
  EXPECT_EQ(Code("Gondor surely did not even ever clash over fishing rights with Rohan", o), (V{"GON ROH 907"}));
  EXPECT_EQ(Code("Gondor surely did not ever clash over fishing rights with Rohan", o), (V{"GON ROH 907"}));
  o.synsets_sought_back = false;
  EXPECT_EQ(Code("Gondor surely did not even ever clash over fishing rights with Rohan", o), (V{"GON ROH 190"}));
  EXPECT_EQ(Code("Gondor surely did not ever clash over fishing rights with Rohan", o), (V{"GON ROH 907"}));
}

// *out: the one sentence of `doc`, with `tags` as its tagger's reading (one per token).
void TagOneSentence(const Document& doc, std::vector<std::string> tags, Sentence* out) {
  std::vector<Sentence> sentences = BuildSentences(doc);
  ASSERT_EQ(sentences.size(), 1u);
  *out = std::move(sentences[0]);
  out->tags = std::move(tags);
  ASSERT_EQ(out->tags.size(), out->tokens.size());
}

TEST(MentionsTabariTest, PossessivesJoinCompounds) {
  auto dicts = TabariDictionaries();
  Document doc;
  doc.id = "t";
  doc.text = "Bree spoke toward Gondor and Arnor's Rohan in Mordor.";
  Sentence s;
  ASSERT_NO_FATAL_FAILURE(
      TagOneSentence(doc, {"NNP", "VBD", "IN", "NNP", "CC", "NNP", "POS", "NNP", "IN", "NNP", "."}, &s));
  MentionOptions m;
  m.agent_modifier_words = 0;
  std::vector<ActorMention> griot = FindMentions(s, *dicts, doc.date, m);
  ASSERT_EQ(griot.size(), 5u);
  EXPECT_NE(griot[2].group, griot[3].group);  // the possessive's tag ends griot's list
  m.compounds_from_and = true;
  std::vector<ActorMention> tabari = FindMentions(s, *dicts, doc.date, m);
  ASSERT_EQ(tabari.size(), 5u);
  EXPECT_EQ(tabari[1].group, tabari[2].group);
  EXPECT_EQ(tabari[1].group, tabari[3].group);
  EXPECT_NE(tabari[0].group, tabari[1].group);
  EXPECT_NE(tabari[3].group, tabari[4].group);
}

TEST(MentionsTabariTest, DictionaryVerbsEndCompounds) {
  auto dicts = TabariDictionaries();
  Document doc;
  doc.id = "t";
  doc.text = "Danish shot and wounded Gondor in six days of fighting.";
  Sentence s;
  // A tagger's reading that makes the verbs adjectives.
  ASSERT_NO_FATAL_FAILURE(
      TagOneSentence(doc, {"JJ", "JJ", "CC", "JJ", "NNP", "IN", "CD", "NNS", "IN", "NN", "."}, &s));
  MentionOptions m;
  m.agent_modifier_words = 0;
  std::vector<ActorMention> griot = FindMentions(s, *dicts, doc.date, m);
  ASSERT_EQ(griot.size(), 2u);
  EXPECT_EQ(griot[0].group, griot[1].group);  // the tags decide: one compound
  m.verb_words_by_dictionary = true;
  std::vector<ActorMention> tabari = FindMentions(s, *dicts, doc.date, m);
  ASSERT_EQ(tabari.size(), 2u);
  EXPECT_NE(tabari[0].group, tabari[1].group);
  EXPECT_EQ(Coder(dicts, TabariOptions()).CodeDocument(doc).events.size(), 1u);
}

// A synset's members are tried in the order written, wherever the coder's first-word index
// puts them: "GOLD COINS" before "GOLD" takes both words, and the pattern's "COINS" after the
// synset is then missing; "GOLD" first leaves "coins" for it. A member opening with an actor
// ("$ BULLION") is tried at every token, in its place among the others.
TEST(CoderTabariSynsets, MembersAreTriedInTheirOrder) {
  constexpr char kSynsetVerbs[] =
      "<SYNSETS>\n"
      "&LONGFIRST\n"
      "+GOLD_COINS\n"
      "+$_BULLION\n"
      "+GOLD\n"
      "&SHORTFIRST\n"
      "+$_BULLION\n"
      "+GOLD\n"
      "+GOLD_COINS\n"
      "</SYNSETS>\n"
      "DELIVER [070]\n"
      "- * &LONGFIRST COINS [071]\n"
      "- * &SHORTFIRST COINS [072]\n";
  const auto d = TabariDictionaries(kSynsetVerbs);
  Document doc;
  doc.id = "t";
  doc.text = "Arnor delivered gold coins to Gondor";
  doc.date = ParseCompactDate("19950105");
  std::vector<std::string> codes;
  for (const Event& e : Coder(d, TabariOptions()).CodeDocument(doc).events) codes.push_back(e.cameo);
  EXPECT_EQ(codes, (std::vector<std::string>{"072"}));
}

}  // namespace
}  // namespace griot
