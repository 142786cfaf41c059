#include "analysis/analysis.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/hash.h"
#include "store/sqlite_store.h"

namespace griot::analysis {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            fs::path("griot_analysis_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

Date D(const char* s) { return *ParseIsoDate(s); }

struct Ev {
  const char* date;
  const char* source_code;
  const char* source_id;  // "" for none
  const char* target_code;  // "" for no target
  const char* target_id;
  const char* cameo;
  double goldstein;
  Modality modality = Modality::kAsserted;
  int documents = 1;
  const char* country = "MLI";
};

int QuadOf(const std::string& root) {
  const int r = std::stoi(root);
  return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
}

// A store built through the Store API, one document per event.
class Fixture {
 public:
  Fixture() {
    auto opened = SqliteStore::Open(dir_.File("a.db"), StoreMode::kReadWrite);
    EXPECT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(opened).value();
  }
  Store& store() { return *store_; }

  std::string Add(const Ev& ev) {
    const int n = ++count_;
    StoredDocument d;
    d.doc_id = "doc" + std::to_string(n);
    d.content_hash = Sha256Hex(d.doc_id);
    d.origin = "test";
    d.text = "text";
    auto dk = store_->AddDocument(d);
    EXPECT_TRUE(dk.ok());
    Event e;
    e.event_id = "ev" + std::to_string(n);
    e.doc_id = d.doc_id;
    e.sentence = "Sentence " + std::to_string(n) + ".";
    if (*ev.date) e.date = D(ev.date);
    auto actor = [&](const char* code, const char* id) {
      ActorRef a;
      a.text = code;
      a.code = code;
      a.country = ev.country;
      a.actor_id = id;
      return a;
    };
    e.source = actor(ev.source_code, ev.source_id);
    if (*ev.target_code) e.target = actor(ev.target_code, ev.target_id);
    e.cameo = ev.cameo;
    e.cameo_root = std::string(ev.cameo).substr(0, 2);
    e.quad_class = QuadOf(e.cameo_root);
    e.goldstein = ev.goldstein;
    e.modality = ev.modality;
    e.rule = "test";
    auto sk = store_->AddSentence(*dk, 0, e.sentence);
    StoredEvent se;
    se.record = e;
    se.documents = ev.documents;
    se.mentions = ev.documents;
    se.document_key = *dk;
    se.sentence_key = *sk;
    auto ek = store_->AddEvent(se);
    EXPECT_TRUE(ek.ok()) << ek.status().message();
    StoredMention m;
    m.record = e;
    m.event_key = *ek;
    m.document_key = *dk;
    m.sentence_key = *sk;
    EXPECT_TRUE(store_->AddMention(m).ok());
    if (e.source->actor_id.size()) {
      EXPECT_TRUE(store_->NoteActor(*e.source).ok());
    }
    if (e.target && e.target->actor_id.size()) {
      EXPECT_TRUE(store_->NoteActor(*e.target).ok());
    }
    return e.event_id;
  }

 private:
  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
  int count_ = 0;
};

TEST(Analysis, BucketsStartOnMondayAndFirstOfMonth) {
  EXPECT_EQ(BucketStart(D("2024-01-03"), Bucket::kWeek), D("2024-01-01"));  // Wednesday -> Monday
  EXPECT_EQ(BucketStart(D("2024-01-07"), Bucket::kWeek), D("2024-01-01"));  // Sunday
  EXPECT_EQ(BucketStart(D("2024-01-08"), Bucket::kWeek), D("2024-01-08"));  // Monday
  EXPECT_EQ(BucketStart(D("1969-12-31"), Bucket::kWeek), D("1969-12-29"));  // before day 0
  EXPECT_EQ(BucketStart(D("2024-02-29"), Bucket::kMonth), D("2024-02-01"));
  EXPECT_EQ(BucketStart(D("2024-02-29"), Bucket::kDay), D("2024-02-29"));
  EXPECT_EQ(ParseBucket("week"), Bucket::kWeek);
  EXPECT_FALSE(ParseBucket("year"));
  EXPECT_STREQ(BucketName(Bucket::kMonth), "month");
  const Window w{D("2024-01-11"), D("2024-01-20")};
  EXPECT_EQ(w.Days(), 10);
  EXPECT_EQ(w.Previous().from, D("2024-01-01"));
  EXPECT_EQ(w.Previous().to, D("2024-01-10"));
}

TEST(Analysis, SeriesBucketsAreCompleteAndCounted) {
  Fixture f;
  f.Add({"2024-01-01", "MLIMIL", "", "IMGMOSJNM", "jnim", "190", -10});   // Monday, Q4
  f.Add({"2024-01-07", "IMGMOSJNM", "jnim", "MLIMIL", "", "111", -2});    // Sunday, same week, Q3
  f.Add({"2024-01-08", "MLIGOV", "", "FRAGOV", "", "036", 4});            // next Monday, Q1
  f.Add({"2024-01-24", "MLIGOV", "", "RUSGOV", "", "061", 6.4});          // Q2
  f.Add({"2024-02-05", "MLIGOV", "", "RUSGOV", "", "061", 6.4});          // outside the window
  f.Add({"2024-01-10", "FRAGOV", "", "USAGOV", "", "036", 4, Modality::kAsserted, 1, "FRA"});  // other country
  EventQuery q;
  q.country = "MLI";
  auto s = EventSeries(f.store(), q, {D("2024-01-01"), D("2024-01-31")}, Bucket::kWeek);
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->size(), 5u);  // weeks of 1, 8, 15, 22, 29 January
  EXPECT_EQ((*s)[0].start, D("2024-01-01"));
  EXPECT_EQ((*s)[0].events, 2);
  EXPECT_EQ((*s)[0].by_quad[4], 1);
  EXPECT_EQ((*s)[0].by_quad[3], 1);
  EXPECT_DOUBLE_EQ((*s)[0].GoldsteinMean(), -6);
  EXPECT_EQ((*s)[1].events, 1);
  EXPECT_EQ((*s)[1].by_quad[1], 1);
  EXPECT_EQ((*s)[2].start, D("2024-01-15"));
  EXPECT_EQ((*s)[2].events, 0);  // empty weeks are present
  EXPECT_EQ((*s)[3].by_quad[2], 1);
  EXPECT_EQ((*s)[4].start, D("2024-01-29"));
  EXPECT_EQ((*s)[4].events, 0);

  auto days = EventSeries(f.store(), q, {D("2024-01-06"), D("2024-01-09")}, Bucket::kDay);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 4u);
  EXPECT_EQ((*days)[1].events, 1);  // 7 January
  EXPECT_EQ((*days)[2].events, 1);  // 8 January

  auto months = EventSeries(f.store(), q, {D("2024-01-15"), D("2024-02-10")}, Bucket::kMonth);
  ASSERT_TRUE(months.ok());
  ASSERT_EQ(months->size(), 2u);
  EXPECT_EQ((*months)[0].start, D("2024-01-01"));
  EXPECT_EQ((*months)[0].events, 1);  // only the window's days are counted
  EXPECT_EQ((*months)[1].events, 1);

  auto t = Totals(f.store(), q, {D("2024-01-01"), D("2024-01-31")});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->events, 4);
  EXPECT_EQ(t->Conflict(), 2);
  EXPECT_EQ(t->Cooperation(), 2);
}

// Rebucket and TotalsOf over one daily series give what EventSeries and Totals read from the
// store, for any window inside the days read.
TEST(Analysis, SeriesFromOneDailyRead) {
  Fixture f;
  f.Add({"2023-12-30", "MLIMIL", "", "IMGMOSJNM", "jnim", "190", -10});
  f.Add({"2024-01-01", "MLIMIL", "", "IMGMOSJNM", "jnim", "190", -10});
  f.Add({"2024-01-07", "IMGMOSJNM", "jnim", "MLIMIL", "", "111", -2});
  f.Add({"2024-01-08", "MLIGOV", "", "FRAGOV", "", "036", 4});
  f.Add({"2024-01-24", "MLIGOV", "", "RUSGOV", "", "061", 6.4});
  f.Add({"2024-02-05", "MLIGOV", "", "RUSGOV", "", "061", 6.4});
  f.Add({"2024-03-01", "MLIGOV", "", "RUSGOV", "", "061", 6.4});
  EventQuery q;
  q.country = "MLI";
  auto daily = EventSeries(f.store(), q, {D("2023-12-01"), D("2024-03-31")}, Bucket::kDay);
  ASSERT_TRUE(daily.ok()) << daily.status().message();
  const Window windows[] = {{D("2024-01-01"), D("2024-01-31")}, {D("2024-01-03"), D("2024-02-10")},
                            {D("2023-12-01"), D("2024-03-31")}, {D("2024-01-10"), D("2024-01-20")}};
  for (const Window& w : windows)
    for (Bucket b : {Bucket::kDay, Bucket::kWeek, Bucket::kMonth}) {
      auto read = EventSeries(f.store(), q, w, b);
      ASSERT_TRUE(read.ok());
      const auto derived = Rebucket(*daily, w, b);
      ASSERT_EQ(derived.size(), read->size()) << w.from.ToString() << " " << BucketName(b);
      for (size_t i = 0; i < read->size(); ++i) {
        EXPECT_EQ(derived[i].start, (*read)[i].start);
        EXPECT_EQ(derived[i].events, (*read)[i].events);
        EXPECT_EQ(derived[i].mentions, (*read)[i].mentions);
        for (int k = 1; k <= 4; ++k) EXPECT_EQ(derived[i].by_quad[k], (*read)[i].by_quad[k]);
        EXPECT_DOUBLE_EQ(derived[i].goldstein_sum, (*read)[i].goldstein_sum);
      }
      auto t = Totals(f.store(), q, w);
      ASSERT_TRUE(t.ok());
      const SeriesPoint d = TotalsOf(*daily, w);
      EXPECT_EQ(d.events, t->events);
      EXPECT_EQ(d.Conflict(), t->Conflict());
      EXPECT_DOUBLE_EQ(d.goldstein_sum, t->goldstein_sum);
    }
}

TEST(Analysis, SignalOnASpikeNotOnFlatData) {
  std::vector<SeriesPoint> flat;
  for (int i = 0; i < 16; ++i) {
    SeriesPoint p;
    p.start = Date::FromDayNumber(D("2024-01-01").DayNumber() + 7 * i);
    p.events = 5;
    p.by_quad[4] = 3;
    p.by_quad[1] = 2;
    p.goldstein_sum = 5 * -2.0;
    flat.push_back(p);
  }
  EXPECT_TRUE(DetectSignals(flat, Bucket::kWeek).empty());
  // Small noise stays below the threshold.
  std::vector<SeriesPoint> noisy = flat;
  for (size_t i = 0; i < noisy.size(); ++i) noisy[i].by_quad[4] += static_cast<int64_t>(i % 2);
  EXPECT_TRUE(DetectSignals(noisy, Bucket::kWeek).empty());

  std::vector<SeriesPoint> spike = flat;
  spike[12].by_quad[4] = 15;
  spike[12].events = 17;
  spike[12].goldstein_sum = 2 * 3.0 + 15 * -10.0;
  auto signals = DetectSignals(spike, Bucket::kWeek);
  ASSERT_FALSE(signals.empty());
  bool conflict = false;
  for (const Signal& s : signals) {
    EXPECT_EQ(s.start, spike[12].start);
    EXPECT_EQ(s.direction, Signal::Direction::kEscalation);
    if (s.measure == Signal::Measure::kConflictEvents) {
      conflict = true;
      EXPECT_DOUBLE_EQ(s.value, 15);
      EXPECT_DOUBLE_EQ(s.baseline_mean, 3);
      EXPECT_DOUBLE_EQ(s.z, 12);  // sd 0 -> floor 1
    }
  }
  EXPECT_TRUE(conflict);
  // A spike of 2 events is under min_events.
  std::vector<SeriesPoint> small = flat;
  small[12].by_quad[4] = 5;
  small[12].events = 7;
  small[12].goldstein_sum = 7 * -2.0;
  EXPECT_TRUE(DetectSignals(small, Bucket::kWeek).empty());
}

TEST(Analysis, EscalationSignalsFromTheStoreWithExamples) {
  Fixture f;
  // Ten weeks with one clash each, then a week with six.
  const int monday = D("2024-01-01").DayNumber();
  for (int w = 0; w < 10; ++w) {
    const std::string day = Date::FromDayNumber(monday + 7 * w + 2).ToString();
    f.Add({day.c_str(), "IMGMOSJNM", "jnim", "MLIMIL", "", "190", -10});
  }
  std::vector<std::string> spike_ids;
  for (int k = 0; k < 6; ++k) {
    const std::string day = Date::FromDayNumber(monday + 70 + k).ToString();
    spike_ids.push_back(f.Add({day.c_str(), "IMGMOSJNM", "jnim", "MLIMIL", "", k == 0 ? "190" : "112", k == 0 ? -10.0 : -2.0}));
  }
  EventQuery q;
  q.actor_ids = {"jnim"};
  auto signals = EscalationSignals(f.store(), q, {D("2024-02-26"), D("2024-03-17")}, Bucket::kWeek);
  ASSERT_TRUE(signals.ok()) << signals.status().message();
  bool found = false;
  for (const Signal& s : *signals)
    if (s.measure == Signal::Measure::kConflictEvents) {
      found = true;
      EXPECT_EQ(s.start, D("2024-03-11"));
      EXPECT_EQ(s.direction, Signal::Direction::kEscalation);
      ASSERT_FALSE(s.example_event_ids.empty());
      EXPECT_EQ(s.example_event_ids[0], spike_ids[0]);  // the most severe first
      EXPECT_LE(s.example_event_ids.size(), 3u);
    }
  EXPECT_TRUE(found);
  // The same signals from a series computed beforehand.
  const Window w{D("2024-02-26"), D("2024-03-17")};
  auto series = EventSeries(f.store(), q, {SignalHistoryStart(w, Bucket::kWeek), w.to}, Bucket::kWeek);
  ASSERT_TRUE(series.ok());
  auto again = EscalationSignals(f.store(), q, w, Bucket::kWeek, *series);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), signals->size());
  for (size_t i = 0; i < again->size(); ++i) {
    EXPECT_EQ((*again)[i].start, (*signals)[i].start);
    EXPECT_EQ((*again)[i].example_event_ids, (*signals)[i].example_event_ids);
  }
}

TEST(Analysis, NetworkEdgeWeights) {
  Fixture f;
  const std::string a1 = f.Add({"2024-01-02", "IMGMOSJNM", "jnim", "MLIMIL", "", "190", -10});
  f.Add({"2024-01-03", "IMGMOSJNM", "jnim", "MLIMIL", "", "112", -2});
  f.Add({"2024-01-04", "IMGMOSJNM", "jnim", "MLIMIL", "", "036", 4});
  f.Add({"2024-01-05", "MLIMIL", "", "IMGMOSJNM", "jnim", "190", -10});
  f.Add({"2024-01-06", "IMGMOSJNM", "jnim", "IMGMOSJNM", "jnim", "042", 1.9});  // self-loop
  f.Add({"2024-01-07", "IMGMOSJNM", "jnim", "", "", "010", 0});                   // no target
  EventQuery q;
  auto net = InteractionNetwork(f.store(), q, {D("2024-01-01"), D("2024-01-31")});
  ASSERT_TRUE(net.ok()) << net.status().message();
  ASSERT_EQ(net->nodes.size(), 2u);
  EXPECT_EQ(net->nodes[0].key, "jnim");
  EXPECT_EQ(net->nodes[0].events, 6);  // as source or target, the self-loop once
  EXPECT_EQ(net->nodes[0].code, "IMGMOSJNM");
  EXPECT_EQ(net->nodes[1].key, "MLIMIL");  // no actor id: keyed by code
  EXPECT_EQ(net->nodes[1].events, 4);
  ASSERT_EQ(net->edges.size(), 2u);
  const Edge& e = net->edges[0];
  EXPECT_EQ(e.source, "jnim");
  EXPECT_EQ(e.target, "MLIMIL");
  EXPECT_EQ(e.events, 3);
  EXPECT_EQ(e.conflict, 2);
  EXPECT_EQ(e.cooperation, 1);
  EXPECT_DOUBLE_EQ(e.GoldsteinMean(), -8.0 / 3);
  ASSERT_FALSE(e.example_event_ids.empty());
  EXPECT_EQ(e.example_event_ids[0], a1);
  EXPECT_EQ(net->edges[1].source, "MLIMIL");
  EXPECT_EQ(net->edges[1].events, 1);

  auto one = InteractionNetwork(f.store(), q, {D("2024-01-01"), D("2024-01-31")}, 1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->nodes.size(), 1u);
  EXPECT_TRUE(one->edges.empty());
}

TEST(Analysis, TimelineRolesAndTheWagnerSuccessorLink) {
  Fixture f;
  const std::string first = f.Add({"2021-12-24", "RUSPMC", "wagner_group", "MLICVL", "", "190", -10});
  f.Add({"2022-03-01", "RUSPMC", "wagner_group", "MLICVL", "", "190", -10});
  f.Add({"2023-06-24", "RUSMIL", "wagner_group", "RUSGOV", "", "190", -10});  // coded as a military
  const std::string last = f.Add({"2023-07-01", "RUSGOV", "", "RUSPMC", "wagner_group", "111", -2});
  f.Add({"", "RUSPMC", "wagner_group", "", "", "010", 0});  // undated: counted, no dates
  auto links = LoadActorLinks(std::string(GRIOT_SOURCE_DATA_DIR) + "/dict/actor_links.tsv");
  ASSERT_TRUE(links.ok()) << links.status().message();
  auto t = ActorTimelines(f.store(), {"wagner_group", "nobody"}, *links);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->size(), 2u);
  const ActorTimeline& w = (*t)[0];
  EXPECT_EQ(w.events, 5);
  EXPECT_EQ(w.first_seen, D("2021-12-24"));
  EXPECT_EQ(w.last_seen, D("2023-07-01"));
  EXPECT_EQ(w.first_event_id, first);
  EXPECT_EQ(w.last_event_id, last);
  ASSERT_EQ(w.roles.size(), 2u);
  EXPECT_EQ(w.roles[0].code, "RUSPMC");
  EXPECT_EQ(w.roles[0].first, D("2021-12-24"));
  EXPECT_EQ(w.roles[0].last, D("2023-07-01"));
  EXPECT_EQ(w.roles[0].events, 4);  // the undated report counts, without dates
  EXPECT_EQ(w.roles[1].code, "RUSMIL");
  bool successor = false;
  for (const ActorLink& l : w.links)
    if (l.from == "wagner_group" && l.relation == "succeeded_by" && l.to == "africa_corps") {
      successor = true;
      ASSERT_TRUE(l.start);
      EXPECT_EQ(l.start->year(), 2025);
    }
  EXPECT_TRUE(successor);
  const ActorTimeline& nobody = (*t)[1];
  EXPECT_EQ(nobody.events, 0);
  EXPECT_FALSE(nobody.first_seen);
}

TEST(Analysis, ActorLinksMalformedLinesNameTheLine) {
  TempDir dir;
  const std::string path = dir.File("links.tsv");
  std::ofstream(path) << "from\tto\trelation\tstart\tend\tnote\n"
                      << "a\tb\tsucceeded_by\t20250606\t\tok\n"
                      << "a\tb\tmarried_to\t\t\t\n";
  auto links = LoadActorLinks(path);
  ASSERT_FALSE(links.ok());
  EXPECT_NE(links.status().message().find("links.tsv:3"), std::string::npos) << links.status().message();
  std::ofstream(path) << "from\tto\trelation\tstart\tend\tnote\n"
                      << "a\tb\tleader_of\t2025-06\t\t\n";
  links = LoadActorLinks(path);
  ASSERT_FALSE(links.ok());
  EXPECT_NE(links.status().message().find(":2: start date"), std::string::npos) << links.status().message();
}

TEST(Analysis, SignificantEventsRankSeveritySourcesNovelty) {
  Fixture f;
  // History: a clash of the same dyad 100 days before the window.
  f.Add({"2023-09-25", "IMGMOSJNM", "jnim", "MLIMIL", "", "190", -10});
  const std::string repeat = f.Add({"2024-01-03", "IMGMOSJNM", "jnim", "MLIMIL", "", "190", -10});
  const std::string novel = f.Add({"2024-01-04", "IMGMOSISS", "isgs", "MLICVL", "", "190", -10});
  const std::string sourced =
      f.Add({"2024-01-05", "IMGMOSJNM", "jnim", "MLICVL", "", "180", -9, Modality::kAsserted, 8});
  f.Add({"2024-01-06", "IMGMOSISS", "isgs", "MLIGOV", "", "190", -10, Modality::kNegated});  // not ranked
  f.Add({"2024-01-07", "IMGMOSISS", "isgs", "MLIGOV", "", "138", -7, Modality::kFuture});    // an outlook
  const std::string minor = f.Add({"2024-01-08", "MLIGOV", "", "FRAGOV", "", "036", 4});
  EventQuery q;
  q.country = "MLI";
  RankOptions options;
  auto top = SignificantEvents(f.store(), q, {D("2024-01-01"), D("2024-01-31")}, options);
  ASSERT_TRUE(top.ok()) << top.status().message();
  ASSERT_EQ(top->size(), 4u);
  // sourced: 0.5*0.9 + 0.3*1 + 0.2 = 0.95; novel: 0.5 + 0.3*0.315 + 0.2 = 0.79;
  // repeat: 0.5 + 0.095 = 0.595; minor: 0.5*0.24 + 0.095 + 0.2 = 0.415.
  EXPECT_EQ((*top)[0].event.record.event_id, sourced);
  EXPECT_EQ((*top)[1].event.record.event_id, novel);
  EXPECT_EQ((*top)[2].event.record.event_id, repeat);
  EXPECT_EQ((*top)[3].event.record.event_id, minor);
  EXPECT_TRUE((*top)[1].novel);
  EXPECT_FALSE((*top)[2].novel);
  EXPECT_NEAR((*top)[0].score, 0.95, 1e-9);
  EXPECT_DOUBLE_EQ((*top)[0].sources, 1.0);
  EXPECT_EQ((*top)[0].event.doc_ids.size(), 1u);

  options.limit = 2;
  top = SignificantEvents(f.store(), q, {D("2024-01-01"), D("2024-01-31")}, options);
  ASSERT_TRUE(top.ok());
  EXPECT_EQ(top->size(), 2u);

  auto outlook = ForwardStatements(f.store(), q, {D("2024-01-01"), D("2024-01-31")});
  ASSERT_TRUE(outlook.ok());
  ASSERT_EQ(outlook->size(), 1u);
  EXPECT_EQ((*outlook)[0].record.modality, Modality::kFuture);
}

TEST(Analysis, DefaultWindowEndsAtTheLatestEvent) {
  Fixture f;
  EventQuery q;
  q.country = "MLI";
  auto none = DefaultWindow(f.store(), q);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  f.Add({"2023-05-01", "MLIGOV", "", "FRAGOV", "", "036", 4});
  f.Add({"2023-06-30", "MLIGOV", "", "FRAGOV", "", "036", 4});
  f.Add({"2024-03-01", "FRAGOV", "", "USAGOV", "", "036", 4, Modality::kAsserted, 1, "FRA"});
  f.Add({"", "MLIGOV", "", "FRAGOV", "", "036", 4});  // undated
  auto w = DefaultWindow(f.store(), q);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(w->has_value());
  EXPECT_EQ((*w)->to, D("2023-06-30"));
  EXPECT_EQ((*w)->from, D("2023-04-02"));
  EXPECT_EQ((*w)->Days(), 90);
  auto w7 = DefaultWindow(f.store(), EventQuery{}, 7);
  ASSERT_TRUE(w7.ok() && w7->has_value());
  EXPECT_EQ((*w7)->to, D("2024-03-01"));
  EXPECT_EQ((*w7)->from, D("2024-02-24"));
}

TEST(Analysis, ResolveSubjectErrorsNameTheSubject) {
  Fixture f;
  auto empty = ResolveSubject(f.store(), {Subject::Kind::kCountry, "MLI"});
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("no events"), std::string::npos);

  f.Add({"2024-01-02", "RUSPMC", "wagner_group", "MLICVL", "", "190", -10});
  auto unknown = ResolveSubject(f.store(), {Subject::Kind::kActor, "Nobody Known"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("no actor 'Nobody Known'"), std::string::npos);
  auto no_code = ResolveSubject(f.store(), {Subject::Kind::kActor, "USAGOV"});
  EXPECT_FALSE(no_code.ok());
  auto bad_country = ResolveSubject(f.store(), {Subject::Kind::kCountry, "Atlantis"});
  ASSERT_FALSE(bad_country.ok());
  EXPECT_NE(bad_country.status().message().find("Atlantis"), std::string::npos);
  auto absent_country = ResolveSubject(f.store(), {Subject::Kind::kCountry, "NOR"});
  EXPECT_FALSE(absent_country.ok());

  auto wagner = ResolveSubject(f.store(), {Subject::Kind::kActor, "wagner_group"});
  ASSERT_TRUE(wagner.ok()) << wagner.status().message();
  EXPECT_EQ(wagner->actor_ids, std::vector<std::string>{"wagner_group"});
  EXPECT_EQ(wagner->query.actor_ids, std::vector<std::string>{"wagner_group"});
  EXPECT_EQ(wagner->display_name, "RUSPMC");  // the name the report used (the fixture writes codes)
  auto code = ResolveSubject(f.store(), {Subject::Kind::kActor, "RUS"});
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(code->query.actor_code, "RUS");
  CountryNames names = {{"MLI", "Mali"}};
  auto mali = ResolveSubject(f.store(), {Subject::Kind::kCountry, "mali"}, names);
  ASSERT_TRUE(mali.ok()) << mali.status().message();
  EXPECT_EQ(mali->country, "MLI");
  EXPECT_EQ(mali->display_name, "Mali");
  auto search = ResolveSubject(f.store(), {Subject::Kind::kQuery, "Sentence"});
  ASSERT_TRUE(search.ok());
  EXPECT_EQ(search->query.text, "Sentence");
}

TEST(Analysis, CountEventsGroupsInTheStore) {
  Fixture f;
  f.Add({"2024-01-01", "MLIMIL", "", "IMGMOSJNM", "jnim", "190", -10, Modality::kAsserted, 2});
  f.Add({"2024-01-02", "MLIMIL", "", "IMGMOSJNM", "jnim", "193", -10});
  f.Add({"2024-02-02", "MLIGOV", "", "", "", "036", 4});
  EventGrouping g;
  g.period = EventGrouping::Period::kMonth;
  g.cameo_root = true;
  g.examples = 1;
  auto rows = f.store().CountEvents(EventQuery{}, g);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].period, D("2024-01-01"));
  EXPECT_EQ((*rows)[0].cameo_root, "19");
  EXPECT_EQ((*rows)[0].events, 2);
  EXPECT_EQ((*rows)[0].documents, 3);
  EXPECT_EQ((*rows)[0].first, D("2024-01-01"));
  EXPECT_EQ((*rows)[0].last, D("2024-01-02"));
  EXPECT_EQ((*rows)[0].examples, std::vector<std::string>{"ev1"});  // more documents
  EXPECT_EQ((*rows)[1].period, D("2024-02-01"));
  auto totals = f.store().CountEvents(EventQuery{}, EventGrouping{});
  ASSERT_TRUE(totals.ok());
  ASSERT_EQ(totals->size(), 1u);
  EXPECT_EQ((*totals)[0].events, 3);
  EXPECT_DOUBLE_EQ((*totals)[0].goldstein_sum, -16);
  EventQuery none;
  none.country = "NOR";
  totals = f.store().CountEvents(none, EventGrouping{});
  ASSERT_TRUE(totals.ok());
  EXPECT_TRUE(totals->empty());
}

}  // namespace
}  // namespace griot::analysis
