#include "pipeline/petrarch_xml_reader.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace griot {
namespace {

// What a reader gives, item by item: "origin|id|date|source|text|parse" for a document,
// "origin!message" for a rejection.
std::vector<std::string> ReadAll(const std::string& xml, size_t chunk_bytes = size_t{1} << 16) {
  std::istringstream in(xml);
  PetrarchXmlReader reader(&in, "in.xml", std::nullopt, chunk_bytes);
  std::vector<std::string> out;
  InputItem item;
  while (reader.Next(&item)) {
    if (item.doc) {
      const Document& d = *item.doc;
      out.push_back(item.origin + "|" + d.id + "|" + (d.date ? d.date->ToString() : "") + "|" + d.source + "|" +
                    d.text + "|" + (d.parses.empty() ? "" : d.parses[0]));
    } else {
      out.push_back(item.origin + "!" + item.error.message());
    }
  }
  return out;
}

constexpr char kTwo[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Sentences>\n"
    "<Sentence date=\"20080801\" id=\"A-1\" source=\"AFP\" sentence=\"True\">\n"
    "<Text>Arnor met Gondor.</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .)))</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"20080802\" id=\"A-2\" source=\"AFP\">\n"
    "<Text>Rohan &amp; Gondor.</Text>\n"
    "<Parse>(ROOT (NP (NNP Rohan)))</Parse>\n"
    "</Sentence>\n"
    "</Sentences>\n";

TEST(PetrarchXmlReaderTest, ReadsEverySentence) {
  const auto items = ReadAll(kTwo);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0],
            "in.xml#A-1|A-1|2008-08-01|AFP|Arnor met Gondor.|"
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .)))");
  EXPECT_EQ(items[1], "in.xml#A-2|A-2|2008-08-02|AFP|Rohan & Gondor.|(ROOT (NP (NNP Rohan)))");
}

TEST(PetrarchXmlReaderTest, FallbackDate) {
  std::istringstream in("<Sentences><Sentence id=\"x\"><Parse>(ROOT (NP (NN x)))</Parse></Sentence></Sentences>");
  PetrarchXmlReader reader(&in, "in.xml", ParseCompactDate("20200102"));
  InputItem item;
  ASSERT_TRUE(reader.Next(&item));
  ASSERT_TRUE(item.doc);
  ASSERT_TRUE(item.doc->date);
  EXPECT_EQ(item.doc->date->ToString(), "2020-01-02");
  EXPECT_FALSE(reader.Next(&item));
}

// Markup that looks like a sentence's end but is not one, split at every possible chunk
// boundary: the same items whatever the chunk size.
TEST(PetrarchXmlReaderTest, ChunkBoundariesDoNotMatter) {
  const std::string xml = std::string(kTwo) +
                          "<!-- <Sentence id=\"in-comment\"> -->\n"
                          "<Other a='1'/>\n"
                          "<Sentence id=\"B-1\" note=\"a > b\">"
                          "<Text><![CDATA[x </Sentence> y]]></Text>"
                          "<!-- </Sentence> -->"
                          "<Parse>(ROOT (NP (NN y)))</Parse></Sentence>"
                          "<Sentence id=\"empty\"/>"
                          "<Sentence id='C-1'><Parse>(ROOT (NP (NN z)))</Parse></Sentence>";
  const auto whole = ReadAll(xml);
  ASSERT_EQ(whole.size(), 5u);
  EXPECT_EQ(whole[2], "in.xml#B-1|B-1|||x </Sentence> y|(ROOT (NP (NN y)))");
  EXPECT_EQ(whole[3], "in.xml#empty!sentence has no <Parse>");
  EXPECT_EQ(whole[4], "in.xml#C-1|C-1||||(ROOT (NP (NN z)))");
  for (size_t chunk : {1, 2, 3, 5, 7, 8, 9, 13, 64, 100, 257}) EXPECT_EQ(ReadAll(xml, chunk), whole) << chunk;
}

TEST(PetrarchXmlReaderTest, MalformedSentenceIsRejectedAlone) {
  const std::string xml =
      "<Sentences>\n"
      "<Sentence id=\"ok-1\"><Parse>(ROOT (NP (NN a)))</Parse></Sentence>\n"
      "<Sentence id=\"bad\">\n<Text>a <b> c</Text>\n<Parse>(ROOT (NP (NN b)))</Parse></Sentence>\n"
      "<Sentence id=\"ok-2\"><Parse>(ROOT (NP (NN c)))</Parse></Sentence>\n"
      "</Sentences>\n";
  for (size_t chunk : {3, 4096}) {
    const auto items = ReadAll(xml, chunk);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].substr(0, 12), "in.xml#ok-1|");
    EXPECT_EQ(items[1].substr(0, 41), "in.xml#bad!not well-formed XML: Start-end");
    EXPECT_NE(items[1].find("at line 4"), std::string::npos) << items[1];
    EXPECT_EQ(items[2].substr(0, 12), "in.xml#ok-2|");
  }
}

TEST(PetrarchXmlReaderTest, MissingParseOrIdIsRejected) {
  const auto items = ReadAll(
      "<Sentences>\n<Sentence id=\"p\"><Text>t</Text></Sentence>\n"
      "<Sentence><Parse>(ROOT (NP (NN a)))</Parse></Sentence>\n</Sentences>");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0], "in.xml#p!sentence has no <Parse>");
  EXPECT_EQ(items[1], "in.xml:3!sentence has no id");
}

TEST(PetrarchXmlReaderTest, CutOffSentenceIsRejected) {
  const auto items = ReadAll(
      "<Sentences><Sentence id=\"a\"><Parse>(ROOT (NP (NN a)))</Parse></Sentence>\n"
      "<Sentence id=\"cut\"><Parse>(ROOT (NP");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].substr(0, 9), "in.xml#a|");
  EXPECT_EQ(items[1], "in.xml#cut!no </Sentence> before the end of the input");
}

TEST(PetrarchXmlReaderTest, InputWithoutElements) {
  EXPECT_EQ(ReadAll(""), std::vector<std::string>{"in.xml!not well-formed XML: no element found"});
  EXPECT_EQ(ReadAll("just text"), std::vector<std::string>{"in.xml!not well-formed XML: no element found"});
  EXPECT_TRUE(ReadAll("<Sentences></Sentences>\n").empty());
  EXPECT_TRUE(ReadAll("<?xml version=\"1.0\"?>\n<Sentences/>").empty());
}

TEST(PetrarchXmlReaderTest, Latin1Declaration) {
  const auto items = ReadAll(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<Sentences><Sentence id=\"l\"><Text>caf\xe9</Text><Parse>(ROOT (NP (NN x)))</Parse></Sentence></Sentences>");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0], "in.xml#l|l|||caf\xc3\xa9|(ROOT (NP (NN x)))");
}

TEST(PetrarchXmlReaderTest, OversizedSentenceIsSkipped) {
  std::string xml = "<Sentences>\n<Sentence id=\"huge\"><Text>";
  xml.append(PetrarchXmlReader::kMaxRecordBytes + 10, 'x');
  xml += "</Text><Parse>(ROOT (NP (NN a)))</Parse></Sentence>\n"
         "<Sentence id=\"after\"><Parse>(ROOT (NP (NN b)))</Parse></Sentence></Sentences>";
  for (size_t chunk : {size_t{1} << 16, size_t{1} << 22}) {
    const auto items = ReadAll(xml, chunk);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].substr(0, 100), "in.xml#huge!sentence longer than 16777216 bytes");
    EXPECT_EQ(items[1].substr(0, 13), "in.xml#after|");
  }
}

}  // namespace
}  // namespace griot
