#include "dict/dictionary_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "base/mapped_file.h"
#include "dict/dict_file.h"

namespace griot {

namespace fs = std::filesystem;

#ifndef GRIOT_SOURCE_DATA_DIR
#define GRIOT_SOURCE_DATA_DIR "data"
#endif

std::string ResolveDataDir(const std::string& data_dir) {
  if (!data_dir.empty()) return data_dir;
  if (const char* env = std::getenv("GRIOT_DATA"); env && *env) return env;
  return GRIOT_SOURCE_DATA_DIR;
}

void DiscardList::Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues) {
  for (const DictLine& line : ReadDictLines(content)) {
    std::string_view text = line.text;
    const bool whole_story = text.front() == '+';
    if (whole_story) text = TrimView(text.substr(1));
    // A trailing code ("[###]") is allowed and ignored.
    if (const size_t open = text.find('['); open != std::string_view::npos) text = TrimView(text.substr(0, open));
    auto words = SplitPhrase(text);
    if (words.empty()) {
      issues->push_back({file, line.number, "empty discard phrase"});
      continue;
    }
    index.Add(std::move(words), static_cast<uint32_t>(story.size()));
    story.push_back(whole_story);
  }
  index.Finalize();
}

bool DictionarySet::IsListedAdjective(std::string_view key) const {
  return InTabariWordList(actors.adjectives(), key) || InTabariWordList(verbs.adjectives(), key);
}

bool DictionarySet::IsListedWord(std::string_view key) const {
  return IsListedAdjective(key) || InTabariWordList(actors.nouns(), key) || InTabariWordList(verbs.nouns(), key);
}

std::string DictionarySet::CountryOf(std::string_view code) const {
  if (code.size() < 3) return "";
  std::string prefix(code.substr(0, 3));
  return countries.count(prefix) ? prefix : "";
}

namespace {

std::vector<std::string> FilesWithSuffix(const fs::path& dir, std::string_view suffix) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.ends_with(suffix)) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// ReadFile's contract, reading into a string sized from the file once: the gazetteer is
// ~11 MB, and a stream grown by doubling and then copied out (ReadFile) touched three
// times its size in fresh memory.
Result<std::string> ReadWholeFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::string out;
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec) out.resize(static_cast<size_t>(size));
  out.resize(std::fread(out.data(), 1, out.size(), f));
  // The file may have grown since it was measured: read on to its end.
  char chunk[1 << 14];
  for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) out.append(chunk, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IoError(fmt::format("{}: read failed", path));
  return out;
}

// The gazetteer from `file`, mapped into memory (a run reads a few hundred of its rows):
// from the file's snapshot when one matches, else from the rows (then writing a snapshot for
// the next load; a snapshot that cannot be written, in a read-only data directory, only
// costs the next load its time).
Status LoadGazetteer(const std::string& file, bool use_snapshots, DictionarySet* set) {
  auto mapped = MappedFile::Open(file);
  if (!mapped.ok()) return mapped.status();
  if (!use_snapshots) {
    set->places.Load(std::move(*mapped), file, &set->issues);
    set->places.Finalize();
    return Status::Ok();
  }
  const SnapshotKey key = Gazetteer::SnapshotKeyFor(*mapped);
  const std::string snapshot = SnapshotPathFor(file);
  if (auto in = SnapshotReader::Open(snapshot, key); in.ok()) {
    // The mapping is taken only on success: a broken snapshot leaves it for the rows.
    if (set->places.Restore(&*in, std::move(*mapped), file, &set->issues)) return Status::Ok();
  }
  const size_t issues_before = set->issues.size();
  set->places.Load(std::move(*mapped), file, &set->issues);
  set->places.Finalize();
  SnapshotWriter out(key);
  const std::vector<DictIssue> raised(set->issues.begin() + static_cast<std::ptrdiff_t>(issues_before), set->issues.end());
  if (set->places.Save(&out, raised).ok()) (void)out.Commit(snapshot);
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const DictionarySet>> LoadDictionaries(const DictionaryOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto set = std::make_shared<DictionarySet>();
  const fs::path root = ResolveDataDir(options.data_dir);
  const char* snapshots_env = std::getenv("GRIOT_SNAPSHOTS");
  const bool use_snapshots = options.use_snapshots && !(snapshots_env && std::string_view(snapshots_env) == "0");

  std::vector<std::string> actor_files, agent_files, verb_files;
  if (options.load_default_dictionaries) {
    const fs::path generated = root / "generated" / "countries.actors.txt";
    if (fs::exists(generated)) {
      actor_files.push_back(generated.string());
    } else {
      set->issues.push_back({generated.string(), 0,
                             "missing (generated at set-up by scripts/setup.sh); countries are unknown"});
    }
    for (auto& f : FilesWithSuffix(root / "dict", ".actors.txt")) actor_files.push_back(f);
    agent_files = FilesWithSuffix(root / "dict", ".agents.txt");
    verb_files = FilesWithSuffix(root / "dict", ".verbs.txt");
  }
  actor_files.insert(actor_files.end(), options.actor_files.begin(), options.actor_files.end());
  agent_files.insert(agent_files.end(), options.agent_files.begin(), options.agent_files.end());
  verb_files.insert(verb_files.end(), options.verb_files.begin(), options.verb_files.end());
  for (const std::string& f : options.extra_files) {
    if (f.ends_with(".verbs.txt") || f.ends_with(".verbs")) verb_files.push_back(f);
    else if (f.ends_with(".agents.txt") || f.ends_with(".agents")) agent_files.push_back(f);
    else if (f.ends_with(".actors.txt") || f.ends_with(".actors")) actor_files.push_back(f);
    else return Status::InvalidInput(fmt::format("{}: cannot tell the dictionary kind (name it *.actors.txt, *.agents.txt or *.verbs.txt)", f));
  }

  auto load = [&](const std::string& path, auto&& loader) -> Status {
    auto content = ReadWholeFile(path);
    if (!content.ok()) return content.status();
    loader(*content, path);
    set->files.push_back(path);
    return Status::Ok();
  };
  for (const auto& f : options.discard_files)
    if (Status s = load(f, [&](auto& c, auto& p) { set->discards.Load(c, p, &set->issues); }); !s.ok()) return s;
  for (const auto& f : actor_files)
    if (Status s = load(f, [&](auto& c, auto& p) { set->actors.Load(c, p, &set->issues); }); !s.ok()) return s;
  for (const auto& f : agent_files)
    if (Status s = load(f, [&](auto& c, auto& p) { set->agents.Load(c, p, &set->issues); }); !s.ok()) return s;
  for (const auto& f : verb_files)
    if (Status s = load(f, [&](auto& c, auto& p) { set->verbs.Load(c, p, &set->issues); }); !s.ok()) return s;
  set->actors.Finalize();
  set->agents.Finalize();
  set->verbs.Finalize();

  const fs::path codes = root / "cameo" / "cameo_codes.tsv";
  if (Status s = load(codes.string(), [&](auto& c, auto& p) { set->codes.Load(c, p, &set->issues); }); !s.ok())
    return s;

  // Country codes: from the generated table, else from the code table's neighbours.
  const fs::path countries = root / "generated" / "countries.tsv";
  if (auto content = ReadWholeFile(countries.string()); content.ok()) {
    size_t pos = 0;
    const std::string& c = *content;
    while (pos < c.size()) {
      size_t eol = c.find('\n', pos);
      if (eol == std::string::npos) eol = c.size();
      std::string_view line(c.data() + pos, eol - pos);
      pos = eol + 1;
      if (line.size() >= 3 && !line.starts_with("iso3")) set->countries.emplace(line.substr(0, 3));
    }
  }
  if (options.load_gazetteer) {
    // places.tsv is generated at set-up and already merges the authored
    // gazetteer/sahel_places.tsv.
    const std::string f = (root / "generated" / "places.tsv").string();
    if (!fs::exists(f)) {
      set->issues.push_back({f, 0, "missing; places from it are unknown"});
    } else if (Status s = LoadGazetteer(f, use_snapshots, set.get()); !s.ok()) {
      return s;
    } else {
      set->files.push_back(f);
    }
  }
  if (options.load_tagger) {
    const fs::path model = root / std::string(PosTagger::kModelRelativePath);
    if (fs::exists(model)) {
      auto tagger = PosTagger::LoadFile(model.string(), PosTaggerOptions{}, use_snapshots);
      if (!tagger.ok()) return tagger.status();
      set->tagger = std::make_shared<const PosTagger>(std::move(tagger).value());
      set->files.push_back(model.string());
    } else {
      set->issues.push_back({model.string(), 0, "missing (built at set-up); verbs are told from nouns by rules"});
    }
  }
  set->load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::shared_ptr<const DictionarySet>(std::move(set));
}

}  // namespace griot
