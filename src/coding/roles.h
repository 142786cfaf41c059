// Who did what to whom in news sentences: the clause rules the news coder (griot semantics)
// uses to find a verb's subject and the end of its object, on tagged raw text (Penn tags from
// the dictionaries' tagger, no tree). Each rule reads the tags and the actor mentions of one
// sentence and handles one construction of news English:
//  * the subject is the noun phrase that heads the verb's clause, read backwards from the verb
//    group (auxiliaries, modals, adverbs and negation skipped); inside it, the last actor
//    before the first preposition other than "of" ("the attack on the army killed ..." names
//    no actor as subject; "the leader of JNIM" and "the UN mission MINUSMA" do), the first
//    member of a coordinated list;
//  * comma inserts between subject and verb are skipped: appositions ("Assimi Goita, Mali's
//    junta leader, ordered"), relative clauses ("ECOWAS, which imposed sanctions on Mali,
//    lifted"), participle phrases ("ECOWAS mediators, led by X, arrived") and attributions
//    ("the army, according to residents, killed"); an apposition names the subject when the
//    phrase before it names no actor;
//  * a relative pronoun subject ("the junta that seized power", "Barkhane, which fights")
//    stands for the phrase it follows; a reduced relative ("mediators led by X are expected")
//    is skipped on the way back to the head noun;
//  * an infinitive's subject is its controller: the object of an object-control verb ("urged
//    Mali to release", "called on ECOWAS to lift") when that object names an actor, else the
//    subject of the governing verb ("decided to close", "used his speech to accuse");
//  * a pronoun subject the reference resolver left open ("Mali said it would ...") is the
//    subject of the reporting verb that introduces its clause; after an introductory phrase
//    ("In a statement read on state television, it ...") it names no actor; elsewhere the
//    caller decides;
//  * a participle after a comma takes the main clause's subject ("..., accusing France of");
//    one describing an object takes the subject of the verb before ("published a report
//    blaming X");
//  * a past participle (VBN) with a "by" agent and no be-auxiliary is passive ("the agreement,
//    signed in 2015 by A and B", "mediators led by X");
//  * the object search of a verb ends where a subordinate or relative clause begins ("...
//    fighting between A and B, after C began ..."), and for a verb inside an opening
//    subordinate clause at its comma ("After X took power in May, Paris suspended ...");
//  * a list of actors ending in a phrase that names none ("France, Germany and other European
//    states") is a compound subject;
//  * an object pronoun of a verb that shares the previous verb's subject is that verb's
//    object ("described the junta as illegitimate and accused it");
//  * a reciprocal object ("summoned each other's ambassadors", "fighting each other") makes
//    the members of a compound subject each other's targets.
// Every query answers kUndecided when the sentence carries no tags or the rule does not apply,
// so that the caller keeps its own reading.
#pragma once

#include <cstdint>
#include <vector>

#include "coding/mentions.h"
#include "structure/sentence.h"

namespace griot {

class ClauseRoles {
 public:
  static constexpr int kNoActor = -1;    // the phrase in the role names no actor
  static constexpr int kUndecided = -2;  // no rule applies: the caller decides

  // `mentions` are the sentence's actor mentions in token order (uncoded ones are ignored);
  // both must outlive this object.
  ClauseRoles(const Sentence& s, const std::vector<ActorMention>& mentions);

  bool enabled() const { return enabled_; }

  // The subject of the verb whose words start at token `verb_first`, searched within
  // [clause_start, verb_first): a mention index, kNoActor or kUndecided.
  int Subject(uint32_t verb_first, uint32_t clause_start) const;

  // True if the verb starting at `verb_first` after the comma at `comma` is not coordinated
  // with the verb before: the comma closes an insert between a subject and its verb
  // (apposition, relative clause, participle phrase, attribution), or the verb is a
  // participle adjunct ("..., accusing France of ...").
  bool BreaksCoordination(uint32_t comma, uint32_t verb_first, uint32_t clause_start) const;

  // The token at which the object search of a verb ending at `verb_end` stops, at most
  // `limit`: the start of a subordinate clause with its own subject and verb.
  uint32_t ObjectEnd(uint32_t verb_end, uint32_t limit) const;

  // True if the past participle at `verb` (the form's words [verb_first, verb_end)) is a
  // reduced passive: no auxiliary before it and a "by" agent within a few words after it.
  bool ReducedPassive(uint32_t verb_first, uint32_t verb, uint32_t verb_end) const;

  // True if the word after a verb ending at `verb_end` is an object pronoun the reference
  // resolver left open ("it", "them", "him", "her"): a verb coordinated with the one before
  // ("described the junta as illegitimate and accused it") takes that verb's object.
  bool ObjectPronoun(uint32_t verb_end) const;

  // True if the object of a verb ending at `verb_end` is reciprocal ("each other", "one
  // another"), within the next three words.
  bool ReciprocalObject(uint32_t verb_end, uint32_t limit) const;

  // True if a noun phrase that names no coded actor directly follows a verb ending at
  // `verb_end` (before `limit`), adverbs and particles passed over: "attacked jihadist
  // positions", "signed a defence pact"; not "clashed over ...", "met in Niamey".
  bool NonActorObject(uint32_t verb_end, uint32_t limit) const;

 private:
  uint32_t n() const { return static_cast<uint32_t>(s_.tokens.size()); }
  const std::string& key(uint32_t t) const;
  const std::string& tag(uint32_t t) const { return s_.tags[t]; }
  bool IsVerbTag(uint32_t t) const;
  bool IsFiniteVerb(uint32_t t) const;
  int MentionEndingAt(uint32_t end) const;     // coded mention with end == `end`, or -1
  int MentionCovering(uint32_t t) const;       // coded or uncoded mention holding t, or -1
  bool CodedMention(int m) const;
  // The start of the verb group that ends just before `verb_first` (auxiliaries etc.), and
  // whether an infinitival "to" is among them (its position in *to_pos).
  uint32_t VerbGroupStart(uint32_t verb_first, uint32_t clause_start, int* to_pos) const;
  int SubjectAt(uint32_t verb_first, uint32_t clause_start, int depth) const;
  // The subject noun phrase that ends at `end` (exclusive): its actor, kNoActor or kUndecided.
  int NounPhraseBefore(uint32_t end, uint32_t clause_start, int depth) const;
  int InfinitiveSubject(uint32_t to_pos, uint32_t clause_start, int depth) const;
  // The comma before `comma` inside the clause (or clause_start - 1 as "none"): returns the
  // first token of the insert.
  uint32_t InsertStart(uint32_t comma, uint32_t clause_start) const;
  bool IsInsert(uint32_t first, uint32_t comma) const;

  const Sentence& s_;
  const std::vector<ActorMention>& mentions_;
  bool enabled_ = false;
  std::vector<int> cover_;  // token -> mention index (coded or not), -1
};

// Puts in one compound group the actors of a list that ends in a phrase naming no actor:
// "France, Germany and other European states warned" (A, B and <noun phrase>), which the
// mention finder leaves apart because the list's last member is not an actor. Needs tags.
void GroupCoordinatedMentions(const Sentence& s, std::vector<ActorMention>* mentions);

}  // namespace griot
