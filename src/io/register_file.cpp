#include "io/register_file.hpp"

#include <charconv>
#include <map>
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
  explicit ErrorList(std::string_view file) : error_{std::string(file), {}} {}
  void add(std::size_t line, std::string_view column, std::string_view code,
           std::map<std::string, std::string> params = {}) {
    error_.problems.push_back({Severity::error, std::string(code), "", line, std::string(column), std::move(params)});
  }
  [[nodiscard]] bool empty() const { return error_.problems.empty(); }
  [[nodiscard]] RegisterFileError error() const { return error_; }

 private:
  RegisterFileError error_;
};

std::optional<Date> optional_date(std::string_view text, std::size_t line, std::string_view column, ErrorList& errors) {
  if (text.empty()) return std::nullopt;
  auto date = Date::parse(text);
  if (!date) {
    errors.add(line, column, problem_codes::register_invalid_date, {{"value", std::string(text)}});
    return std::nullopt;
  }
  return *date;
}

bool yes_no(std::string_view text, std::size_t line, std::string_view column, ErrorList& errors) {
  if (text == "yes") return true;
  if (text != "no") errors.add(line, column, problem_codes::register_not_yes_no, {{"value", std::string(text)}});
  return false;
}

tl::expected<CsvTable, RegisterFileError> table_with_columns(std::string_view text, std::string_view file_name,
                                                            std::span<const std::string_view> required) {
  auto table = CsvTable::parse(text);
  if (!table) {
    return tl::unexpected(RegisterFileError{std::string(file_name), {csv_problem(table.error())}});
  }
  ErrorList errors(file_name);
  for (auto column : required) {
    if (!table->has_column(column)) errors.add(1, column, problem_codes::missing_column, {{"value", std::string(column)}});
  }
  if (!errors.empty()) return tl::unexpected(errors.error());
  return std::move(*table);
}

RegisterFileError unreadable(const std::filesystem::path& file, const std::string& detail) {
  return {file.string(), {{Severity::error, std::string(problem_codes::file_unreadable), "", 0, "", {{"detail", detail}}}}};
}

}  // namespace

std::string codes_of(const RegisterFileError& error) {
  std::string text;
  for (const auto& problem : error.problems)
    text += error.file + ":" + std::to_string(problem.line) + ": " + problem.column + ": " + problem.code + "\n";
  return text;
}

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
    if (state.iso3.size() != 3) errors.add(row.line, "iso3", problem_codes::register_code_length, {{"length", "3"}});
    if (state.iso2.size() != 2) errors.add(row.line, "iso2", problem_codes::register_code_length, {{"length", "2"}});
    const auto m49 = field("m49");
    if (std::from_chars(m49.data(), m49.data() + m49.size(), state.m49).ec != std::errc{})
      errors.add(row.line, "m49", problem_codes::register_not_number, {{"value", std::string(m49)}});
    state.name_en = field("name_en");
    state.name_fr = field("name_fr");
    state.name_es = field("name_es");
    if (state.name_en.empty() || state.name_fr.empty() || state.name_es.empty())
      errors.add(row.line, "name_en", problem_codes::register_name_missing);
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
      errors.add(row.line, "deposit_kind", problem_codes::register_deposit_needs_kind);
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
  if (!states_text) return tl::unexpected(unreadable(states_path, states_text.error()));
  auto states = parse_states_csv(*states_text, states_path.string());
  if (!states) return tl::unexpected(states.error());
  auto aliases_text = read_file(aliases_path);
  if (!aliases_text) return tl::unexpected(unreadable(aliases_path, aliases_text.error()));
  auto aliases = parse_aliases_csv(*aliases_text, aliases_path.string());
  if (!aliases) return tl::unexpected(aliases.error());
  return StatesRegister(std::move(*states), std::move(*aliases));
}

}  // namespace att::io
