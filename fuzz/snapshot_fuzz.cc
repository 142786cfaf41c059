// Snapshots (base/snapshot.h) read back after damage: valid snapshots of a small gazetteer
// and a small tagger model, with bytes of the fuzzer's input written over them and the file
// cut short, must be refused or restored into tables whose look-ups stay in bounds. A
// snapshot is a cache griot writes itself, but a disk or a copy can damage it, and a damaged
// one must never crash a run.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "base/snapshot.h"
#include "dict/gazetteer.h"
#include "structure/pos_tagger.h"
#include "text/tokenizer.h"

namespace {

namespace fs = std::filesystem;

constexpr char kPlaces[] =
    "name\tascii\tcountry\tadmin1\tadmin1_name\tlat\tlon\tpopulation\tkind\tid\n"
    "Ménaka\tMenaka\tMLI\tML.09\tMénaka\t15.91\t2.40\t20702\tlocality\tg:1\n"
    "Kidal\tKidal\tMLI\tML.08\tKidal\t18.44\t1.41\t25617\tlocality\tg:2\n"
    "San Sebastián\tSan Sebastian\tESP\tES.59\t\t43.31\t-1.97\t186665\tlocality\tg:3\n"
    "short row\n";

constexpr char kModel[] =
    "griot-pos-model\t1\n"
    "classes\tDT NN VBP PRP PUNC\n"
    "t\t4\t4\t0\t10\nt\t4\t4\t3\t10\nt\t4\t0\t1\t10\nt\t4\t3\t2\t10\n"
    "t\t0\t1\t4\t10\nt\t3\t2\t0\t10\nt\t2\t0\t1\t10\nt\t1\t4\t4\t20\n"
    "w\tthe\tDT=20\nw\tthey\tPRP=10\nw\tattack\tNN=5 VBP=5\nw\tbase\tNN=10\nw\t.\tPUNC=20\n"
    "n\tattack\tnv\nx\tattacks\tv\tattack\nend\n";

struct Fixture {
  fs::path dir;
  std::string places_snapshot, model_snapshot;  // valid snapshots, as written
  std::string model_path;
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const Fixture& GetFixture() {
  static const Fixture* f = [] {
    auto* fx = new Fixture;
    fx->dir = fs::temp_directory_path() / ("griot_snapshot_fuzz_" + std::to_string(::getpid()));
    fs::create_directories(fx->dir);
    // The directory goes when the run ends normally (libFuzzer exits through exit()); a
    // crashing run leaves it for its reproducer.
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(GetFixture().dir, ec);
    });
    griot::Gazetteer g;
    std::vector<griot::DictIssue> issues;
    g.Load(std::string_view(kPlaces), "places.tsv", &issues);
    g.Finalize();
    griot::SnapshotWriter out(griot::Gazetteer::SnapshotKeyFor(kPlaces));
    if (!g.Save(&out, issues).ok() || !out.Commit((fx->dir / "places.snapshot").string()).ok()) std::abort();
    fx->places_snapshot = ReadAll(fx->dir / "places.snapshot");
    fx->model_path = (fx->dir / "model.txt").string();
    std::ofstream(fx->model_path, std::ios::binary) << kModel;
    if (!griot::PosTagger::LoadFile(fx->model_path, {}, true).ok()) std::abort();
    fx->model_snapshot = ReadAll(griot::SnapshotPathFor(fx->model_path));
    return fx;
  }();
  return *f;
}

// `valid` damaged by the input: after its first two bytes (a cut, as a fraction of the
// length, and the target), pairs of (position, byte) written over it.
std::string Damage(const std::string& valid, const uint8_t* data, size_t size) {
  std::string out = valid;
  if (size >= 1 && data[0] < 255) out.resize(out.size() * data[0] / 255);
  for (size_t i = 2; i + 2 < size && !out.empty(); i += 3) {
    const size_t at = (static_cast<size_t>(data[i]) << 8 | data[i + 1]) % out.size();
    out[at] = static_cast<char>(data[i + 2]);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& fx = GetFixture();
  const bool tagger = size >= 2 && (data[1] & 1);
  if (!tagger) {
    const std::string path = (fx.dir / "damaged.snapshot").string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << Damage(fx.places_snapshot, data, size);
    auto in = griot::SnapshotReader::Open(path, griot::Gazetteer::SnapshotKeyFor(kPlaces));
    if (!in.ok()) return 0;
    griot::Gazetteer g;
    std::vector<griot::DictIssue> issues;
    if (!g.Restore(&*in, std::string(kPlaces), "places.tsv", &issues)) return 0;
    // Every look-up of a restored gazetteer stays in bounds.
    std::vector<griot::PhraseIndex::Match> matches;
    for (const std::vector<std::string>& keys :
         std::vector<std::vector<std::string>>{{"kidal"}, {"menaka"}, {"ménaka"}, {"san", "sebastian"}, {"x"}}) {
      g.index().MatchAt([&](uint32_t k) -> const std::string& { return keys[k]; },
                        static_cast<uint32_t>(keys.size()), 0, &matches);
      for (const auto& m : matches)
        for (uint32_t place : g.Candidates(m.entry)) (void)g.place(place).name.size();
    }
    for (uint32_t id = 0; id < g.size(); ++id) (void)g.place(id).name.size();
    return 0;
  }
  // The tagger's snapshot lives beside its model: damaged there, then the model loaded.
  std::ofstream(griot::SnapshotPathFor(fx.model_path), std::ios::binary | std::ios::trunc)
      << Damage(fx.model_snapshot, data, size);
  auto loaded = griot::PosTagger::LoadFile(fx.model_path, {}, true);
  if (!loaded.ok()) std::abort();  // a bad snapshot falls back to the model file
  for (const char* s : {"They attack the base .", "The attacks .", "Unknown Words here ?"})
    (void)loaded->TagSentence(griot::Tokenize(s), s);
  return 0;
}
