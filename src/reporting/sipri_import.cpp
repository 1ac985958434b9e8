#include "reporting/sipri_import.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "core/ascii_text.hpp"
#include "core/date.hpp"
#include "core/utf8.hpp"
#include "io/csv_reader.hpp"
#include "io/file.hpp"
#include "store/batched_insert.hpp"

namespace att::reporting {

namespace {

// The trade register's columns, as SIPRI names them; the blank-named ones hold '?' when the
// value before them is uncertain.
constexpr std::size_t column_count = 16;
const std::array<std::string_view, column_count> expected_columns = {
    "Recipient", "Supplier", "Year of order", "", "Number ordered", "", "Weapon designation", "Weapon description",
    "Number delivered", "", "Year(s) of delivery", "status", "Comments", "SIPRI TIV per unit",
    "SIPRI TIV for total order", "SIPRI TIV of delivered weapons"};
enum Column : std::size_t {
  recipient,
  supplier,
  order_year,
  order_year_mark,
  number_ordered,
  number_ordered_mark,
  designation,
  description,
  number_delivered,
  number_delivered_mark,
  delivery_years,
  status,
  comments,
  tiv_per_unit,
  tiv_total_order,
  tiv_delivered,
};

// The header comes after SIPRI's notes; a file whose first lines hold no such header is not an export.
constexpr std::size_t max_preamble_lines = 40;
constexpr std::string_view header_start = "Recipient,Supplier,Year of order";
constexpr std::string_view source_line = "SIPRI Arms Transfers Database";
constexpr std::string_view generated_prefix = "Data generated:";

// Spaces and tabs around a field, and a carriage return at its end, go; a line feed at its end
// stays: SIPRI's comments may end with a raw line break, and it is part of the comment.
std::string trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return std::string(text);
}

namespace codes = problem_codes;

// Every problem stops the import: the register goes in whole or not at all.
[[noreturn]] void refuse(std::string_view code, std::size_t line, std::string_view column = "",
                         std::map<std::string, std::string> params = {}) {
  throw SipriImportError({Severity::error, std::string(code), "", line, std::string(column), std::move(params)});
}

std::map<std::string, std::string> fields_found(std::size_t found) {
  return {{"found", std::to_string(found)}, {"expected", std::to_string(column_count)}};
}

// Whether the text is UTF-8 and holds at least one character beyond ASCII.
bool is_utf8_beyond_ascii(std::string_view text) {
  return is_utf8(text) && std::any_of(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; });
}

// SIPRI exports ISO-8859-1, where every byte is the code point of the same number. Latin-1 text
// that happens to be valid UTF-8 beyond ASCII ("Ã©") does not occur in practice, so such a file
// is taken to have been converted already.
std::string to_utf8(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    if (!is_utf8_beyond_ascii(bytes) && std::any_of(bytes.begin(), bytes.end(), [](char c) { return c & 0x80; }))
      refuse(codes::sipri_bom_not_utf8, 0);
    return std::string(bytes);
  }
  if (is_utf8_beyond_ascii(bytes)) return std::string(bytes);
  std::string text;
  text.reserve(bytes.size() + bytes.size() / 16);
  for (const char byte : bytes) {
    const auto c = static_cast<unsigned char>(byte);
    if (c < 0x80) {
      text.push_back(byte);
    } else {
      text.push_back(static_cast<char>(0xC0 | (c >> 6)));
      text.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return text;
}


// "13 Mar 2025 10:02:49 AM" -> "2025-03-13T10:02:49"; "2025-03-13" stays as it is.
std::optional<std::string> parse_generated(std::string_view text) {
  const auto value = trim(text);
  if (Date::parse(value)) return value;
  static constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  char month_text[16] = {};
  char meridiem[3] = {};
  const int read =
      std::sscanf(value.c_str(), "%d %15s %d %d:%d:%d %2s", &day, month_text, &year, &hour, &minute, &second, meridiem);
  if (read < 3) return std::nullopt;
  const auto month_at = std::find(months.begin(), months.end(), lower_ascii(std::string_view(month_text).substr(0, 3)));
  if (month_at == months.end() || day < 1 || day > 31 || year < 1900 || year > 2999) return std::nullopt;
  char buffer[32];
  const int month = static_cast<int>(month_at - months.begin()) + 1;
  if (read < 6) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return std::string(buffer);
  }
  const auto half = lower_ascii(meridiem);
  if (read == 7 && (half == "am" || half == "pm")) {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (half == "pm" ? 12 : 0);
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return std::nullopt;
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
  return std::string(buffer);
}

bool is_treaty_category(std::string_view code) {
  static constexpr std::array<std::string_view, 13> codes = {"I",   "II",  "III", "IV",  "IV.a",  "IV.b", "V",
                                                             "V.a", "V.b", "VI",  "VII", "VII.a", "VII.b"};
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

bool contains_as_words(std::string_view text, std::string_view pattern) {
  for (auto at = text.find(pattern); at != std::string_view::npos; at = text.find(pattern, at + 1)) {
    const auto end = at + pattern.size();
    if ((at == 0 || !is_word_byte(text[at - 1])) && (end == text.size() || !is_word_byte(text[end]))) return true;
  }
  return false;
}

std::optional<std::int64_t> whole_number(const std::string& text, std::size_t line, std::string_view column) {
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 0)
    refuse(codes::sipri_not_whole_number, line, column, {{"value", text}});
  return value;
}

std::optional<std::int64_t> year(const std::string& text, std::size_t line, std::string_view column) {
  const auto value = whole_number(text, line, column);
  if (value && (text.size() != 4 || *value < 1900))
    refuse(codes::sipri_not_year, line, column, {{"value", text}});
  return value;
}

// SIPRI trend-indicator values in millions, kept as the decimal text given ("0.25", "27").
std::optional<std::string> tiv(const std::string& text, std::size_t line, std::string_view column) {
  if (text.empty()) return std::nullopt;
  const auto dot = text.find('.');
  const auto digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (dot == std::string::npos
          ? !digits(text)
          : !(digits(std::string_view(text).substr(0, dot)) && digits(std::string_view(text).substr(dot + 1))))
    refuse(codes::sipri_not_number, line, column, {{"value", text}});
  return text;
}

bool uncertain(const std::string& text, std::size_t line, std::string_view after) {
  if (text.empty()) return false;
  if (text == "?") return true;
  refuse(codes::sipri_bad_uncertainty_mark, line, after, {{"value", text}});
}

class Reader {
 public:
  Reader(const StatesRegister& states_register, const std::vector<CategoryRule>& rules)
      : register_(states_register), rules_(rules) {}

  SipriTradeRegister run(std::string_view file_bytes) {
    const auto text = to_utf8(file_bytes);
    const auto body_at = read_preamble(text);
    const std::string_view body = std::string_view(text).substr(body_at);
    const auto parsed = io::for_each_csv_record(body, [this](const io::CsvRecord& record) { take(record); });
    if (!parsed) {
      auto problem = io::csv_problem(parsed.error());
      problem.line += line_offset_;
      throw SipriImportError(std::move(problem));
    }
    if (!pending_.empty()) refuse(codes::sipri_record_cut_short, pending_line_, "", fields_found(pending_.size()));
    if (result_.records.empty()) refuse(codes::sipri_no_deals, 0);
    return std::move(result_);
  }

 private:
  // Finds the header after SIPRI's notes, reads "Data generated" and returns where the header starts.
  std::size_t read_preamble(const std::string& text) {
    bool source_seen = false;
    std::size_t at = 0;
    for (std::size_t line = 1; line <= max_preamble_lines && at < text.size(); ++line) {
      auto end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      const auto content = trim(std::string_view(text).substr(at, end - at));
      if (content.starts_with(header_start)) {
        if (!source_seen) refuse(codes::sipri_no_source_line, line, "", {{"source", std::string(source_line)}});
        line_offset_ = line - 1;
        return at;
      }
      if (content.find(source_line) != std::string::npos) source_seen = true;
      if (content.starts_with(generated_prefix)) {
        const auto generated = parse_generated(std::string_view(content).substr(generated_prefix.size()));
        if (!generated) refuse(codes::sipri_bad_generated_date, line, "", {{"value", content}});
        result_.generated = *generated;
      }
      at = end + 1;
    }
    refuse(codes::sipri_no_header, 0, "",
           {{"header", std::string(header_start)}, {"lines", std::to_string(max_preamble_lines)}});
  }

  void check_header(const io::CsvRecord& record) {
    if (record.fields.size() != column_count)
      refuse(codes::sipri_header_column_count, record.line + line_offset_, "", fields_found(record.fields.size()));
    for (std::size_t column = 0; column < column_count; ++column) {
      const auto found = trim(record.fields[column]);
      if (found != expected_columns[column])
        refuse(codes::sipri_header_column, record.line + line_offset_, std::to_string(column + 1),
               {{"value", found}, {"expected", std::string(expected_columns[column])}});
    }
  }

  void take(const io::CsvRecord& record) {
    const auto line = record.line + line_offset_;
    if (!header_seen_) {
      check_header(record);
      header_seen_ = true;
      return;
    }
    if (pending_.empty()) {
      if (record.fields.size() == column_count) {
        read_record(line, record.fields);
        return;
      }
      if (record.fields.size() > column_count)
        refuse(codes::sipri_field_count, line, "", fields_found(record.fields.size()));
      pending_ = record.fields;
      pending_line_ = line;
      return;
    }
    // SIPRI does not quote a field holding a line break: the rest of the record is on this line,
    // its first field continuing the field the line break cut.
    if (pending_.size() + record.fields.size() - 1 > column_count) {
      auto params = fields_found(pending_.size());
      params.emplace("next_line", std::to_string(line));
      refuse(codes::sipri_record_not_completed, pending_line_, "", std::move(params));
    }
    pending_.back() += "\n" + record.fields.front();
    pending_.insert(pending_.end(), record.fields.begin() + 1, record.fields.end());
    if (pending_.size() == column_count) {
      read_record(pending_line_, pending_);
      pending_.clear();
    }
  }

  std::optional<std::string> state_of(const std::string& name) {
    const auto cached = resolved_.find(name);
    if (cached != resolved_.end()) return cached->second;
    const auto found = register_.resolve(name, 0);
    std::optional<std::string> code;
    if (found) code = (*found)->iso3;
    resolved_.emplace(name, code);
    return code;
  }

  const CategoryRule* rule_for(const std::string& description) {
    const auto cached = matched_.find(description);
    if (cached != matched_.end()) return cached->second;
    const auto* rule = match_category(rules_, description);
    matched_.emplace(description, rule);
    return rule;
  }

  void read_record(std::size_t line, const std::vector<std::string>& raw) {
    std::array<std::string, column_count> field;
    for (std::size_t column = 0; column < column_count; ++column) field[column] = trim(raw[column]);
    SipriRecord record;
    record.line = line;
    if (field[recipient].empty()) refuse(codes::sipri_field_empty, line, "Recipient");
    if (field[supplier].empty()) refuse(codes::sipri_field_empty, line, "Supplier");
    record.recipient_name = field[recipient];
    record.recipient_state = state_of(record.recipient_name);
    record.supplier_name = field[supplier];
    record.supplier_state = state_of(record.supplier_name);
    record.order_year = year(field[order_year], line, "Year of order");
    record.order_year_uncertain = uncertain(field[order_year_mark], line, "Year of order");
    record.number_ordered = whole_number(field[number_ordered], line, "Number ordered");
    record.number_ordered_uncertain = uncertain(field[number_ordered_mark], line, "Number ordered");
    record.weapon_designation = field[designation];
    record.weapon_description = field[description];
    if (const auto* rule = rule_for(record.weapon_description)) {
      record.description_matched = true;
      if (!rule->category.empty()) record.category = rule->category;
    }
    record.number_delivered = whole_number(field[number_delivered], line, "Number delivered");
    record.number_delivered_uncertain = uncertain(field[number_delivered_mark], line, "Number delivered");
    record.delivery_years = field[delivery_years];
    record.status = field[status];
    record.comments = field[comments];
    record.tiv_per_unit = tiv(field[tiv_per_unit], line, "SIPRI TIV per unit");
    record.tiv_total_order = tiv(field[tiv_total_order], line, "SIPRI TIV for total order");
    record.tiv_delivered = tiv(field[tiv_delivered], line, "SIPRI TIV of delivered weapons");
    result_.records.push_back(std::move(record));
  }

  const StatesRegister& register_;
  const std::vector<CategoryRule>& rules_;
  SipriTradeRegister result_;
  std::size_t line_offset_ = 0;  // lines before the header
  bool header_seen_ = false;
  std::vector<std::string> pending_;  // a record cut by an unquoted line break
  std::size_t pending_line_ = 0;
  std::unordered_map<std::string, std::optional<std::string>> resolved_;
  std::unordered_map<std::string, const CategoryRule*> matched_;
};

std::vector<NameCount> by_frequency(const std::map<std::string, std::size_t>& counts) {
  std::vector<NameCount> list;
  list.reserve(counts.size());
  for (const auto& [name, count] : counts) list.push_back({name, count});
  std::stable_sort(list.begin(), list.end(), [](const NameCount& a, const NameCount& b) { return a.count > b.count; });
  return list;
}


store::Value optional_value(const std::optional<std::int64_t>& value) {
  return value ? store::Value(*value) : store::Value(nullptr);
}

}  // namespace

std::vector<CategoryRule> parse_category_rules(std::string_view text) {
  std::vector<CategoryRule> rules;
  std::map<std::string, std::size_t> seen;  // pattern -> line
  bool header_seen = false;
  const auto parsed = io::for_each_csv_record(text, [&](const io::CsvRecord& record) {
    if (!header_seen) {
      header_seen = true;
      if (record.fields.size() != 2 || trim(record.fields[0]) != "pattern" || trim(record.fields[1]) != "category")
        refuse(codes::sipri_rules_bad_header, record.line);
      return;
    }
    if (!record.fields.empty() && trim(record.fields[0]).starts_with("#")) return;
    if (record.fields.size() != 2) refuse(codes::sipri_rules_field_count, record.line);
    CategoryRule rule{lower_ascii(trim(record.fields[0])), trim(record.fields[1])};
    if (rule.pattern.empty()) refuse(codes::sipri_rules_empty_pattern, record.line, "pattern");
    if (!rule.category.empty() && !is_treaty_category(rule.category))
      refuse(codes::sipri_rules_unknown_category, record.line, "category", {{"value", rule.category}});
    if (const auto [at, inserted] = seen.emplace(rule.pattern, record.line); !inserted)
      refuse(codes::sipri_rules_duplicate_pattern, record.line, "pattern",
             {{"value", rule.pattern}, {"first_line", std::to_string(at->second)}});
    rules.push_back(std::move(rule));
  });
  if (!parsed) throw SipriImportError(io::csv_problem(parsed.error()));
  if (!header_seen) refuse(codes::sipri_rules_file_empty, 0);
  return rules;
}

std::vector<CategoryRule> load_category_rules(const std::filesystem::path& path) {
  const auto text = io::read_file(path);
  if (!text) refuse(codes::file_unreadable, 0, "", {{"detail", text.error()}});
  return parse_category_rules(*text);
}

const CategoryRule* match_category(const std::vector<CategoryRule>& rules, std::string_view description) {
  const auto text = lower_ascii(description);
  for (const auto& rule : rules) {
    if (contains_as_words(text, rule.pattern)) return &rule;
  }
  return nullptr;
}

SipriTradeRegister read_sipri_trade_register(std::string_view file_bytes, const StatesRegister& states_register,
                                             const std::vector<CategoryRule>& rules) {
  return Reader(states_register, rules).run(file_bytes);
}

SipriImportResult summarise(const SipriTradeRegister& trade_register) {
  SipriImportResult result;
  result.generated = trade_register.generated;
  result.records = trade_register.records.size();
  std::map<std::string, std::size_t> unresolved, uncategorised, unmatched;
  for (const auto& record : trade_register.records) {
    if (record.recipient_state) {
      ++result.recipients_resolved;
    } else {
      ++unresolved[record.recipient_name];
    }
    // A name unresolved on both sides of one record counts once.
    if (record.supplier_state) {
      ++result.suppliers_resolved;
    } else if (record.supplier_name != record.recipient_name) {
      ++unresolved[record.supplier_name];
    }
    if (record.category) {
      ++result.with_category;
    } else {
      ++uncategorised[record.weapon_description];
      if (!record.description_matched) ++unmatched[record.weapon_description];
    }
  }
  result.unresolved_names = by_frequency(unresolved);
  result.uncategorised_descriptions = by_frequency(uncategorised);
  result.unmatched_descriptions = by_frequency(unmatched);
  return result;
}

SipriImportResult store_sipri_trade_register(store::Database& db, const SipriTradeRegister& trade_register,
                                             const std::string& dataset_name, Timestamp now) {
  auto result = summarise(trade_register);
  result.dataset_id = db.query(
                            "INSERT INTO reference_datasets (source, name, generated, imported_at, record_count)"
                            " VALUES ($1, $2, $3, $4, $5) RETURNING id",
                            {std::string(sipri_source), dataset_name, trade_register.generated, now.iso(),
                             static_cast<std::int64_t>(trade_register.records.size())})
                          .at(0)
                          .integer(0);
  static const std::string head =
      "INSERT INTO reference_transfers (dataset_id, record_no, recipient_state, recipient_name, supplier_state,"
      " supplier_name, order_year, order_year_uncertain, number_ordered, number_ordered_uncertain, number_delivered,"
      " number_delivered_uncertain, weapon_designation, weapon_description, category, delivery_years, status,"
      " comments, tiv_per_unit, tiv_total_order, tiv_delivered) VALUES ";
  const auto flag = [](bool set) { return std::int64_t{set ? 1 : 0}; };
  store::insert_rows(db, head, 21, trade_register.records.size(), [&](std::size_t row, store::Params& params) {
    const auto& record = trade_register.records[row];
    params.emplace_back(result.dataset_id);
    params.emplace_back(static_cast<std::int64_t>(row + 1));
    params.emplace_back(store::nullable(record.recipient_state));
    params.emplace_back(record.recipient_name);
    params.emplace_back(store::nullable(record.supplier_state));
    params.emplace_back(record.supplier_name);
    params.emplace_back(optional_value(record.order_year));
    params.emplace_back(flag(record.order_year_uncertain));
    params.emplace_back(optional_value(record.number_ordered));
    params.emplace_back(flag(record.number_ordered_uncertain));
    params.emplace_back(optional_value(record.number_delivered));
    params.emplace_back(flag(record.number_delivered_uncertain));
    params.emplace_back(record.weapon_designation);
    params.emplace_back(record.weapon_description);
    params.emplace_back(store::nullable(record.category));
    params.emplace_back(record.delivery_years);
    params.emplace_back(record.status);
    params.emplace_back(record.comments);
    params.emplace_back(store::nullable(record.tiv_per_unit));
    params.emplace_back(store::nullable(record.tiv_total_order));
    params.emplace_back(store::nullable(record.tiv_delivered));
  });
  return result;
}

SipriImportResult import_sipri_trade_register(store::Database& db, std::string_view file_bytes,
                                              const StatesRegister& states_register,
                                              const std::vector<CategoryRule>& rules, const std::string& dataset_name,
                                              Timestamp now) {
  // Everything is read and checked before the first write.
  const auto trade_register = read_sipri_trade_register(file_bytes, states_register, rules);
  store::Transaction transaction(db);
  auto result = store_sipri_trade_register(db, trade_register, dataset_name, now);
  transaction.commit();
  return result;
}

}  // namespace att::reporting
