#include "io/register_file.hpp"

#include <charconv>
#include <span>

#include "io/csv_reader.hpp"
#include "io/file.hpp"

namespace att::io {

namespace {

constexpr std::string_view state_columns[] = {
    "iso3",         "iso2",           "m49",          "name_en",      "name_fr",
    "name_es",      "region",         "subregion",    "un_member",    "signature_date",
    "deposit_date", "deposit_kind",   "deposit_not_before", "eif_date", "verified"};

constexpr std::string_view alias_columns[] = {"alias", "iso3"};

class ErrorList {
 public:
  explicit ErrorList(std::string_view file) : file_(file) {}
  void add(std::size_t line, std::string_view column, const std::string& message) {
    text_ += std::string(file_) + ":" + std::to_string(line) + ": " + std::string(column) + ": " + message + "\n";
  }
  [[nodiscard]] bool empty() const { return text_.empty(); }
  [[nodiscard]] RegisterFileError error() const { return {text_}; }

 private:
  std::string_view file_;
  std::string text_;
};

std::optional<Date> optional_date(std::string_view text, std::size_t line, std::string_view column, ErrorList& errors) {
  if (text.empty()) return std::nullopt;
  auto date = Date::parse(text);
  if (!date) {
    errors.add(line, column, "'" + std::string(text) + "' is not a valid date (YYYY-MM-DD)");
    return std::nullopt;
  }
  return *date;
}

bool yes_no(std::string_view text, std::size_t line, std::string_view column, ErrorList& errors) {
  if (text == "yes") return true;
  if (text != "no") errors.add(line, column, "expected yes or no, found '" + std::string(text) + "'");
  return false;
}

tl::expected<CsvTable, RegisterFileError> table_with_columns(std::string_view text, std::string_view file_name,
                                                            std::span<const std::string_view> required) {
  auto table = CsvTable::parse(text);
  if (!table) {
    return tl::unexpected(RegisterFileError{std::string(file_name) + ":" + std::to_string(table.error().line) + ": " +
                                            table.error().message + "\n"});
  }
  ErrorList errors(file_name);
  for (auto column : required) {
    if (!table->has_column(column)) errors.add(1, column, "the header lacks this column");
  }
  if (!errors.empty()) return tl::unexpected(errors.error());
  return std::move(*table);
}

}  // namespace

tl::expected<std::vector<StateRecord>, RegisterFileError> parse_states_csv(std::string_view text,
                                                                           std::string_view file_name) {
  auto table = table_with_columns(text, file_name, state_columns);
  if (!table) return tl::unexpected(table.error());
  ErrorList errors(file_name);
  std::vector<StateRecord> states;
  for (const auto& row : table->rows()) {
    auto field = [&](std::string_view column) { return table->field(row, column); };
    StateRecord state;
    state.iso3 = field("iso3");
    state.iso2 = field("iso2");
    if (state.iso3.size() != 3) errors.add(row.line, "iso3", "expected a three-letter code");
    if (state.iso2.size() != 2) errors.add(row.line, "iso2", "expected a two-letter code");
    const auto m49 = field("m49");
    if (std::from_chars(m49.data(), m49.data() + m49.size(), state.m49).ec != std::errc{})
      errors.add(row.line, "m49", "expected a number");
    state.name_en = field("name_en");
    state.name_fr = field("name_fr");
    state.name_es = field("name_es");
    if (state.name_en.empty() || state.name_fr.empty() || state.name_es.empty())
      errors.add(row.line, "name_en", "a name is missing in one of the three languages");
    state.region = field("region");
    state.subregion = field("subregion");
    state.un_member = yes_no(field("un_member"), row.line, "un_member", errors);
    state.signature_date = optional_date(field("signature_date"), row.line, "signature_date", errors);
    state.deposit_date = optional_date(field("deposit_date"), row.line, "deposit_date", errors);
    state.deposit_kind = field("deposit_kind");
    state.deposit_not_before = optional_date(field("deposit_not_before"), row.line, "deposit_not_before", errors);
    state.eif_recorded = optional_date(field("eif_date"), row.line, "eif_date", errors);
    state.verified = yes_no(field("verified"), row.line, "verified", errors);
    if (state.deposit_date && state.deposit_kind.empty())
      errors.add(row.line, "deposit_kind", "a deposit date needs its kind (ratification, accession, ...)");
    states.push_back(std::move(state));
  }
  if (!errors.empty()) return tl::unexpected(errors.error());
  return states;
}

tl::expected<std::vector<StateAlias>, RegisterFileError> parse_aliases_csv(std::string_view text,
                                                                           std::string_view file_name) {
  auto table = table_with_columns(text, file_name, alias_columns);
  if (!table) return tl::unexpected(table.error());
  std::vector<StateAlias> aliases;
  for (const auto& row : table->rows()) {
    aliases.push_back({std::string(table->field(row, "alias")), std::string(table->field(row, "iso3"))});
  }
  return aliases;
}

tl::expected<StatesRegister, RegisterFileError> load_register(const std::filesystem::path& data_dir) {
  const auto states_path = data_dir / "states.csv";
  const auto aliases_path = data_dir / "state-aliases.csv";
  auto states_text = read_file(states_path);
  if (!states_text) return tl::unexpected(RegisterFileError{states_text.error()});
  auto states = parse_states_csv(*states_text, states_path.string());
  if (!states) return tl::unexpected(states.error());
  auto aliases_text = read_file(aliases_path);
  if (!aliases_text) return tl::unexpected(RegisterFileError{aliases_text.error()});
  auto aliases = parse_aliases_csv(*aliases_text, aliases_path.string());
  if (!aliases) return tl::unexpected(aliases.error());
  return StatesRegister(std::move(*states), std::move(*aliases));
}

}  // namespace att::io
