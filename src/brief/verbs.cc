#include "brief/verbs.h"

#include <array>

namespace griot::brief {

namespace {

// Hand-written rather than derived from the code labels: the labels are category names
// ("Use conventional military force"), while a brief needs a verb phrase in the past tense
// that reads naturally with the named target.
constexpr VerbPhrase kPhrases[] = {
    // 01 public statements
    {"01", "made a statement about {t}", "made a public statement", "make a statement about {t}", "make a public statement", "a public statement"},
    {"012", "voiced pessimism about {t}", "voiced pessimism", "voice pessimism about {t}", "voice pessimism", "a pessimistic remark"},
    {"013", "voiced optimism about {t}", "voiced optimism", "voice optimism about {t}", "voice optimism", "an optimistic remark"},
    {"014", "considered a policy option regarding {t}", "considered a policy option", "consider a policy option regarding {t}", "consider a policy option", "a policy under consideration"},
    {"015", "claimed responsibility for an act involving {t}", "claimed responsibility", "claim responsibility for an act involving {t}", "claim responsibility", "a claim of responsibility"},
    {"016", "denied responsibility towards {t}", "denied responsibility", "deny responsibility towards {t}", "deny responsibility", "a denial of responsibility"},
    {"018", "expressed sympathy with {t}", "expressed sympathy", "express sympathy with {t}", "express sympathy", "an expression of sympathy"},
    // 02 appeals
    {"02", "appealed to {t}", "made an appeal", "appeal to {t}", "make an appeal", "an appeal"},
    {"021", "appealed to {t} for cooperation", "appealed for cooperation", "appeal to {t} for cooperation", "appeal for cooperation", "an appeal for cooperation"},
    {"023", "appealed to {t} for aid", "appealed for aid", "appeal to {t} for aid", "appeal for aid", "an appeal for aid"},
    {"024", "called on {t} to reform", "called for political reform", "call on {t} to reform", "call for political reform", "a call for reform"},
    {"026", "urged {t} to negotiate", "called for negotiations", "urge {t} to negotiate", "call for negotiations", "a call for negotiations"},
    {"027", "urged {t} to settle the dispute", "called for a settlement", "urge {t} to settle the dispute", "call for a settlement", "a call for a settlement"},
    // 03 intent to cooperate
    {"03", "pledged cooperation with {t}", "pledged cooperation", "pledge cooperation with {t}", "pledge cooperation", "a pledge of cooperation"},
    {"031", "pledged material cooperation with {t}", "pledged material cooperation", "pledge material cooperation with {t}", "pledge material cooperation", "a pledge of material cooperation"},
    {"032", "pledged support to {t}", "pledged support", "pledge support to {t}", "pledge support", "a pledge of support"},
    {"033", "pledged aid to {t}", "pledged aid", "pledge aid to {t}", "pledge aid", "a pledge of aid"},
    {"034", "promised {t} political reform", "promised political reform", "promise {t} political reform", "promise political reform", "a promise of reform"},
    {"035", "signalled readiness to yield to {t}", "signalled readiness to yield", "yield to {t}", "yield", "an offer to yield"},
    {"036", "offered to meet {t}", "offered talks", "meet {t}", "hold talks", "an offer of talks"},
    {"037", "offered to settle the dispute with {t}", "offered a settlement", "settle the dispute with {t}", "settle the dispute", "an offer of settlement"},
    // 04 consultations
    {"04", "held talks with {t}", "held talks", "hold talks with {t}", "hold talks", "talks"},
    {"041", "spoke by telephone with {t}", "held talks by telephone", "speak by telephone with {t}", "hold talks by telephone", "a telephone call"},
    {"042", "visited {t}", "made a visit", "visit {t}", "make a visit", "a visit"},
    {"043", "hosted {t}", "hosted a visit", "host {t}", "host a visit", "a hosted visit"},
    {"044", "met {t} at a third location", "met at a third location", "meet {t} at a third location", "meet at a third location", "a meeting"},
    {"045", "mediated with {t}", "mediated", "mediate with {t}", "mediate", "mediation"},
    {"046", "negotiated with {t}", "negotiated", "negotiate with {t}", "negotiate", "negotiations"},
    // 05 diplomatic cooperation
    {"05", "cooperated diplomatically with {t}", "cooperated diplomatically", "cooperate diplomatically with {t}", "cooperate diplomatically", "diplomatic cooperation"},
    {"051", "praised {t}", "voiced praise", "praise {t}", "voice praise", "praise"},
    {"052", "defended {t}", "spoke in defence", "defend {t}", "speak in defence", "a defence"},
    {"053", "rallied support for {t}", "rallied support", "rally support for {t}", "rally support", "a rally of support"},
    {"054", "recognised {t}", "granted recognition", "recognise {t}", "grant recognition", "diplomatic recognition"},
    {"055", "apologised to {t}", "apologised", "apologise to {t}", "apologise", "an apology"},
    {"057", "signed an agreement with {t}", "signed an agreement", "sign an agreement with {t}", "sign an agreement", "an agreement"},
    // 06 material cooperation
    {"06", "cooperated with {t}", "cooperated", "cooperate with {t}", "cooperate", "cooperation"},
    {"061", "cooperated economically with {t}", "cooperated economically", "cooperate economically with {t}", "cooperate economically", "economic cooperation"},
    {"062", "cooperated militarily with {t}", "cooperated militarily", "cooperate militarily with {t}", "cooperate militarily", "military cooperation"},
    {"063", "cooperated with {t} on judicial matters", "cooperated on judicial matters", "cooperate with {t} on judicial matters", "cooperate on judicial matters", "judicial cooperation"},
    {"064", "shared intelligence with {t}", "shared intelligence", "share intelligence with {t}", "share intelligence", "intelligence sharing"},
    // 07 aid
    {"07", "supported {t}", "provided aid", "support {t}", "provide aid", "support"},
    {"071", "gave economic aid to {t}", "gave economic aid", "give economic aid to {t}", "give economic aid", "economic aid"},
    {"072", "gave military aid to {t}", "gave military aid", "give military aid to {t}", "give military aid", "military aid"},
    {"073", "gave humanitarian aid to {t}", "gave humanitarian aid", "give humanitarian aid to {t}", "give humanitarian aid", "humanitarian aid"},
    {"074", "gave military protection to {t}", "provided military protection", "protect {t} militarily", "provide military protection", "military protection"},
    {"075", "granted asylum to {t}", "granted asylum", "grant asylum to {t}", "grant asylum", "asylum"},
    // 08 yield
    {"08", "yielded to {t}", "yielded", "yield to {t}", "yield", "a concession"},
    {"081", "eased administrative sanctions on {t}", "eased administrative sanctions", "ease administrative sanctions on {t}", "ease administrative sanctions", "eased restrictions"},
    {"082", "eased restrictions on dissent by {t}", "eased restrictions on dissent", "ease restrictions on dissent by {t}", "ease restrictions on dissent", "eased restrictions on dissent"},
    {"083", "accepted demands for reform from {t}", "accepted demands for reform", "accept demands for reform from {t}", "accept demands for reform", "a political concession"},
    {"0831", "accepted a change of leadership demanded by {t}", "accepted a change of leadership", "accept a change of leadership demanded by {t}", "accept a change of leadership", "a change of leadership"},
    {"0834", "accepted demands for policy change from {t}", "accepted a policy change", "accept demands for policy change from {t}", "accept a policy change", "a policy change"},
    {"084", "released {t}", "released captives", "release {t}", "release captives", "a release"},
    {"0841", "released {t}", "released captives", "release {t}", "release captives", "the release of captives"},
    {"0842", "returned property to {t}", "returned property", "return property to {t}", "return property", "the return of property"},
    {"085", "eased sanctions on {t}", "eased sanctions", "ease sanctions on {t}", "ease sanctions", "eased sanctions"},
    {"086", "allowed international involvement in {t}", "allowed international involvement", "allow international involvement in {t}", "allow international involvement", "international involvement"},
    {"087", "scaled back military engagement against {t}", "scaled back military engagement", "scale back military engagement against {t}", "scale back military engagement", "a military de-escalation"},
    {"0871", "declared a ceasefire with {t}", "declared a ceasefire", "declare a ceasefire with {t}", "declare a ceasefire", "a ceasefire"},
    {"0873", "demobilised forces facing {t}", "demobilised forces", "demobilise forces facing {t}", "demobilise forces", "a demobilisation"},
    {"0874", "withdrew forces from {t}", "withdrew forces", "withdraw forces from {t}", "withdraw forces", "a military withdrawal"},
    // 09 investigate
    {"09", "investigated {t}", "opened an investigation", "investigate {t}", "open an investigation", "an investigation"},
    {"092", "investigated abuses by {t}", "investigated human rights abuses", "investigate abuses by {t}", "investigate human rights abuses", "an investigation of abuses"},
    {"094", "investigated war crimes by {t}", "investigated war crimes", "investigate war crimes by {t}", "investigate war crimes", "a war-crimes investigation"},
    // 10 demand
    {"10", "made demands of {t}", "made demands", "make demands of {t}", "make demands", "a demand"},
    {"104", "demanded political reform from {t}", "demanded political reform", "demand political reform from {t}", "demand political reform", "a demand for reform"},
    {"1041", "demanded a change of leadership from {t}", "demanded a change of leadership", "demand a change of leadership from {t}", "demand a change of leadership", "a demand for a change of leadership"},
    {"105", "demanded that {t} yield", "demanded concessions", "demand that {t} yield", "demand concessions", "a demand for concessions"},
    {"1053", "demanded that {t} release prisoners", "demanded the release of prisoners", "demand that {t} release prisoners", "demand the release of prisoners", "a demand for the release of prisoners"},
    // 11 disapprove
    {"11", "criticised {t}", "voiced disapproval", "criticise {t}", "voice disapproval", "criticism"},
    {"111", "criticised {t}", "voiced criticism", "criticise {t}", "voice criticism", "criticism"},
    {"112", "accused {t}", "made accusations", "accuse {t}", "make accusations", "accusations"},
    {"1121", "accused {t} of crime or corruption", "made accusations of crime or corruption", "accuse {t} of crime or corruption", "make accusations of crime or corruption", "accusations of crime or corruption"},
    {"1122", "accused {t} of human rights abuses", "made accusations of human rights abuses", "accuse {t} of human rights abuses", "make accusations of human rights abuses", "accusations of human rights abuses"},
    {"1123", "accused {t} of aggression", "made accusations of aggression", "accuse {t} of aggression", "make accusations of aggression", "accusations of aggression"},
    {"1124", "accused {t} of war crimes", "made accusations of war crimes", "accuse {t} of war crimes", "make accusations of war crimes", "accusations of war crimes"},
    {"113", "rallied opposition against {t}", "rallied opposition", "rally opposition against {t}", "rally opposition", "a campaign of opposition"},
    {"114", "complained officially to {t}", "lodged an official complaint", "complain officially to {t}", "lodge an official complaint", "an official complaint"},
    {"115", "took legal action against {t}", "took legal action", "take legal action against {t}", "take legal action", "legal action"},
    {"116", "found {t} guilty", "issued a guilty verdict", "find {t} guilty", "issue a guilty verdict", "a guilty verdict"},
    // 12 reject
    {"12", "rejected the position of {t}", "rejected a proposal", "reject the position of {t}", "reject a proposal", "a rejection"},
    {"124", "refused to yield to {t}", "refused to yield", "refuse to yield to {t}", "refuse to yield", "a refusal to yield"},
    {"125", "refused talks with {t}", "refused talks", "refuse talks with {t}", "refuse talks", "a refusal of talks"},
    {"127", "rejected a settlement with {t}", "rejected a settlement", "reject a settlement with {t}", "reject a settlement", "a rejected settlement"},
    {"128", "defied {t}", "defied norms or law", "defy {t}", "defy norms or law", "defiance"},
    // 13 threaten
    {"13", "threatened {t}", "issued threats", "threaten {t}", "issue threats", "threats"},
    {"131", "threatened {t} with non-military measures", "threatened non-military measures", "threaten {t} with non-military measures", "threaten non-military measures", "threats of non-military measures"},
    {"1312", "threatened {t} with sanctions", "threatened sanctions", "threaten {t} with sanctions", "threaten sanctions", "threats of sanctions"},
    {"137", "threatened {t} with violent repression", "threatened violent repression", "threaten {t} with violent repression", "threaten violent repression", "threats of repression"},
    {"138", "threatened {t} with military force", "threatened military force", "threaten {t} with military force", "threaten military force", "threats of military force"},
    {"139", "issued an ultimatum to {t}", "issued an ultimatum", "issue an ultimatum to {t}", "issue an ultimatum", "an ultimatum"},
    // 14 protest
    {"14", "protested against {t}", "protested", "protest against {t}", "protest", "protests"},
    {"141", "demonstrated against {t}", "demonstrated", "demonstrate against {t}", "demonstrate", "demonstrations"},
    {"143", "went on strike against {t}", "went on strike", "strike against {t}", "strike", "a strike"},
    {"144", "blocked {t}", "blocked passage", "block {t}", "block passage", "a blockade"},
    {"145", "rioted against {t}", "rioted", "riot against {t}", "riot", "riots"},
    // 15 force posture
    {"15", "showed force against {t}", "showed force", "show force against {t}", "show force", "a show of force"},
    {"154", "mobilised forces against {t}", "mobilised or reinforced forces", "mobilise forces against {t}", "mobilise or reinforce forces", "a military build-up"},
    // 16 reduce relations
    {"16", "reduced relations with {t}", "reduced relations", "reduce relations with {t}", "reduce relations", "reduced relations"},
    {"161", "cut or reduced ties with {t}", "cut or reduced diplomatic ties", "cut or reduce ties with {t}", "cut or reduce diplomatic ties", "a diplomatic rupture"},
    {"162", "cut aid to {t}", "cut aid", "cut aid to {t}", "cut aid", "cuts in aid"},
    {"1621", "cut economic aid to {t}", "cut economic aid", "cut economic aid to {t}", "cut economic aid", "cuts in economic aid"},
    {"1622", "cut military aid to {t}", "cut military aid", "cut military aid to {t}", "cut military aid", "cuts in military aid"},
    {"163", "imposed sanctions or an embargo on {t}", "imposed sanctions or an embargo", "impose sanctions or an embargo on {t}", "impose sanctions or an embargo", "sanctions or an embargo"},
    {"164", "broke off negotiations with {t}", "broke off negotiations", "break off negotiations with {t}", "break off negotiations", "a halt to negotiations"},
    {"166", "withdrew from {t}", "withdrew", "withdraw from {t}", "withdraw", "a withdrawal"},
    {"1661", "withdrew peacekeepers from {t}", "withdrew peacekeepers", "withdraw peacekeepers from {t}", "withdraw peacekeepers", "a peacekeeping withdrawal"},
    // 17 coerce
    {"17", "coerced {t}", "used coercion", "coerce {t}", "use coercion", "coercion"},
    {"171", "seized or damaged property of {t}", "seized or damaged property", "seize or damage property of {t}", "seize or damage property", "seizures of property"},
    {"1711", "confiscated property of {t}", "confiscated property", "confiscate property of {t}", "confiscate property", "confiscations"},
    {"1712", "destroyed property of {t}", "destroyed property", "destroy property of {t}", "destroy property", "destruction of property"},
    {"172", "imposed restrictions on {t}", "imposed administrative restrictions", "impose restrictions on {t}", "impose administrative restrictions", "administrative restrictions"},
    {"1721", "imposed restrictions on {t}", "imposed restrictions on civil liberties", "impose restrictions on {t}", "impose restrictions on civil liberties", "restrictions on civil liberties"},
    {"1722", "banned {t}", "banned political activity", "ban {t}", "ban political activity", "a ban on political activity"},
    {"1724", "imposed a state of emergency affecting {t}", "imposed a state of emergency", "impose a state of emergency affecting {t}", "impose a state of emergency", "a state of emergency"},
    {"173", "arrested or detained {t}", "made arrests", "arrest or detain {t}", "make arrests", "arrests"},
    {"174", "expelled {t}", "expelled people", "expel {t}", "expel people", "expulsions"},
    {"175", "used violent repression against {t}", "used violent repression", "use violent repression against {t}", "use violent repression", "violent repression"},
    {"176", "carried out a cyberattack on {t}", "carried out a cyberattack", "carry out a cyberattack on {t}", "carry out a cyberattack", "a cyberattack"},
    // 18 unconventional violence
    {"18", "used unconventional violence against {t}", "used unconventional violence", "use unconventional violence against {t}", "use unconventional violence", "unconventional violence"},
    {"180", "used violence against {t}", "used unconventional violence", "use violence against {t}", "use unconventional violence", "an attack"},
    {"181", "abducted {t}", "took hostages", "abduct {t}", "take hostages", "an abduction"},
    {"182", "physically assaulted {t}", "carried out physical assaults", "assault {t}", "carry out assaults", "physical assaults"},
    {"1823", "killed {t} by physical assault", "killed people by physical assault", "kill {t}", "kill people", "killings"},
    {"183", "carried out a bombing against {t}", "carried out a bombing", "bomb {t}", "carry out a bombing", "a bombing"},
    {"1831", "carried out a suicide bombing against {t}", "carried out a suicide bombing", "carry out a suicide bombing against {t}", "carry out a suicide bombing", "a suicide bombing"},
    {"1832", "carried out a vehicle bombing against {t}", "carried out a vehicle bombing", "carry out a vehicle bombing against {t}", "carry out a vehicle bombing", "a vehicle bombing"},
    {"1833", "set off a roadside bomb against {t}", "set off a roadside bomb", "set off a roadside bomb against {t}", "set off a roadside bomb", "a roadside bombing"},
    {"184", "used {t} as human shields", "used human shields", "use {t} as human shields", "use human shields", "the use of human shields"},
    {"185", "attempted to assassinate {t}", "attempted an assassination", "attempt to assassinate {t}", "attempt an assassination", "an assassination attempt"},
    {"186", "assassinated {t}", "carried out an assassination", "assassinate {t}", "carry out an assassination", "an assassination"},
    // 19 conventional force
    {"19", "fought {t}", "fought", "fight {t}", "fight", "fighting"},
    {"190", "attacked {t}", "used military force", "attack {t}", "use military force", "an attack"},
    {"191", "blockaded {t}", "imposed a blockade", "blockade {t}", "impose a blockade", "a blockade"},
    {"192", "occupied territory of {t}", "occupied territory", "occupy territory of {t}", "occupy territory", "an occupation"},
    {"193", "fought {t} with small arms", "fought with small arms", "fight {t} with small arms", "fight with small arms", "small-arms fighting"},
    {"194", "shelled {t}", "used artillery and tanks", "shell {t}", "use artillery and tanks", "shelling"},
    {"195", "carried out air strikes against {t}", "carried out air strikes", "carry out air strikes against {t}", "carry out air strikes", "air strikes"},
    {"1951", "carried out precision air strikes against {t}", "carried out precision air strikes", "carry out precision air strikes against {t}", "carry out precision air strikes", "precision air strikes"},
    {"1952", "carried out drone strikes against {t}", "carried out drone strikes", "carry out drone strikes against {t}", "carry out drone strikes", "drone strikes"},
    {"196", "violated a ceasefire with {t}", "violated a ceasefire", "violate a ceasefire with {t}", "violate a ceasefire", "a ceasefire violation"},
    // 20 mass violence
    {"20", "committed mass violence against {t}", "committed mass violence", "commit mass violence against {t}", "commit mass violence", "mass violence"},
    {"201", "expelled {t} en masse", "carried out a mass expulsion", "expel {t} en masse", "carry out a mass expulsion", "a mass expulsion"},
    {"202", "massacred {t}", "carried out a mass killing", "massacre {t}", "carry out a mass killing", "a mass killing"},
    {"203", "carried out ethnic cleansing against {t}", "carried out ethnic cleansing", "carry out ethnic cleansing against {t}", "carry out ethnic cleansing", "ethnic cleansing"},
    {"204", "used weapons of mass destruction against {t}", "used weapons of mass destruction", "use weapons of mass destruction against {t}", "use weapons of mass destruction", "the use of weapons of mass destruction"},
};

constexpr VerbPhrase kUnknown = {"", "was involved in an event with {t}", "was involved in an event",
                                 "be involved in an event with {t}", "be involved in an event", "an event"};

}  // namespace

const VerbPhrase& FindVerbPhrase(std::string_view cameo) {
  // Codes are looked up from the most specific prefix down to the root; the table is small
  // enough for a linear scan per lookup.
  for (size_t len = cameo.size(); len >= 2; --len) {
    const std::string_view prefix = cameo.substr(0, len);
    for (const VerbPhrase& p : kPhrases)
      if (prefix == p.code) return p;
  }
  return kUnknown;
}

std::string FillTarget(std::string_view pattern, std::string_view target) {
  std::string out;
  const size_t at = pattern.find("{t}");
  if (at == std::string_view::npos) return std::string(pattern);
  out.append(pattern.substr(0, at));
  out.append(target);
  out.append(pattern.substr(at + 3));
  return out;
}

}  // namespace griot::brief
