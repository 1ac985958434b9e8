#include "exchange/guidance_links.hpp"

#include <charconv>

#include "exchange/faq_store.hpp"
#include "io/csv_reader.hpp"
#include "io/file.hpp"

namespace att::exchange {

std::optional<std::int64_t> GuidanceLinks::question_for(std::string_view topic,
                                                        const std::set<std::int64_t>& existing) const {
  const auto found = questions_.find(topic);
  if (found == questions_.end() || !existing.contains(found->second)) return std::nullopt;
  return found->second;
}

tl::expected<GuidanceLinks, std::string> parse_guidance_links(std::string_view csv) {
  const auto table = io::CsvTable::parse(csv);
  if (!table) return tl::unexpected("line " + std::to_string(table.error().line) + ": " + table.error().message);
  if (!table->has_column("topic") || !table->has_column("question"))
    return tl::unexpected(std::string("the header must name the columns topic and question"));
  std::map<std::string, std::int64_t, std::less<>> questions;
  for (const auto& row : table->rows()) {
    const auto where = "line " + std::to_string(row.line) + ": ";
    const auto topic = table->field(row, "topic");
    const auto text = table->field(row, "question");
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (topic.empty()) return tl::unexpected(where + "no topic");
    if (error != std::errc{} || end != text.data() + text.size() || number < 1)
      return tl::unexpected(where + "the question must be a number from 1");
    if (!questions.emplace(std::string(topic), number).second)
      return tl::unexpected(where + "the topic " + std::string(topic) + " is there twice");
  }
  return GuidanceLinks(std::move(questions));
}

GuidanceLinks load_guidance_links(const std::filesystem::path& data_dir) {
  const auto text = io::read_file(data_dir / "guidance_links.csv");
  if (!text) return {};
  auto links = parse_guidance_links(*text);
  return links ? std::move(*links) : GuidanceLinks{};
}

std::optional<std::int64_t> guidance_question(store::Database& db, const std::filesystem::path& data_dir,
                                              std::string_view topic) {
  return load_guidance_links(data_dir).question_for(topic, current_faq_numbers(db));
}

}  // namespace att::exchange
