#include "io/xlsx_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <memory>
#include <optional>

#include <pugixml.hpp>

namespace att::io {

namespace {

namespace codes = problem_codes;

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + 1024 * 1024 - 1) / (1024 * 1024)) + " MB"; }

tl::unexpected<Problem> refused(std::string_view code, std::map<std::string, std::string> params = {}) {
  return tl::unexpected(Problem{Severity::error, std::string(code), "", 0, "", std::move(params)});
}
tl::unexpected<Problem> damaged(const std::string& part) { return refused(codes::xlsx_damaged, {{"part", part}}); }

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// The archive, and the running count of bytes unpacked from it.
class Archive {
 public:
  Archive(zip_t* archive, const XlsxLimits& limits) : archive_(archive), limits_(limits) {}

  [[nodiscard]] bool has(const std::string& name) const { return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0; }

  // The whole part, or an error; a missing part is an error naming it.
  tl::expected<std::string, Problem> read(const std::string& name) {
    const auto index = zip_name_locate(archive_.get(), name.c_str(), 0);
    if (index < 0) return damaged(name);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0)
      return damaged(name);
    const bool has_size = (stat.valid & ZIP_STAT_SIZE) != 0;
    const auto packed = (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? std::max<zip_uint64_t>(stat.comp_size, 1) : 1;
    // The declared sizes can refuse a file early; they cannot accept one (they may lie).
    if (has_size) {
      if (auto too_large = check(name, stat.size, packed)) return tl::unexpected(*too_large);
    }
    std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
      const auto code = zip_error_code_zip(zip_get_error(archive_.get()));
      if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
        return refused(codes::xlsx_password_protected);
      if (code == ZIP_ER_COMPNOTSUPP)
        return refused(codes::xlsx_unsupported_compression);
      return damaged(name);
    }
    std::string content;
    std::array<char, 64 * 1024> chunk{};
    for (;;) {
      const auto got = zip_fread(file.get(), chunk.data(), chunk.size());
      if (got < 0) return damaged(name);
      if (got == 0) break;
      content.append(chunk.data(), static_cast<std::size_t>(got));
      if (auto too_large = check(name, content.size(), packed)) return tl::unexpected(*too_large);
    }
    total_ += content.size();
    return content;
  }

 private:
  // A refusal when `unpacked` bytes of this part (plus the parts already read) pass a limit.
  // (A zip bomb posing as a workbook is refused this way.)
  [[nodiscard]] std::optional<Problem> check(const std::string& name, std::size_t unpacked, zip_uint64_t packed) const {
    const auto too_large = [&](std::string limit) {
      return refused(codes::xlsx_too_large, {{"part", name}, {"limit", std::move(limit)}}).value();
    };
    if (unpacked > limits_.max_part_bytes) return too_large(megabytes(limits_.max_part_bytes));
    if (total_ + unpacked > limits_.max_total_bytes) return too_large(megabytes(limits_.max_total_bytes));
    if (unpacked > limits_.ratio_floor && unpacked / packed > limits_.max_ratio)
      return too_large(std::to_string(limits_.max_ratio) + " : 1");
    return std::nullopt;
  }

  std::unique_ptr<zip_t, ZipDiscard> archive_;
  const XlsxLimits& limits_;
  std::size_t total_ = 0;
};

// Element names without their namespace prefix ("x:row" -> "row").
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (auto c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  return {};
}

template <typename F>
void for_each_child(const pugi::xml_node& node, std::string_view name, F&& f) {
  for (auto c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == name) f(c);
}

// An attribute by local name ("r:id" matches "id" when prefixed is true).
std::string_view attribute(const pugi::xml_node& node, std::string_view name, bool prefixed = false) {
  for (auto a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view full = a.name();
    const auto colon = full.find(':');
    if (prefixed ? (colon != std::string_view::npos && full.substr(colon + 1) == name) : full == name) return a.value();
  }
  return {};
}

tl::expected<pugi::xml_document*, Problem> parse(pugi::xml_document& document, const std::string& text,
                                                     const std::string& name) {
  // No DTD processing and no external entities: pugixml expands only the predefined ones.
  const auto parsed = document.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed) return damaged(name);
  return &document;
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// OOXML writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
std::string decode_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '_' && i + 6 < text.size() + 0 && text[i + 1] == 'x' && text[i + 6] == '_') {
      std::uint32_t code = 0;
      const auto* first = text.data() + i + 2;
      const auto [end, error] = std::from_chars(first, first + 4, code, 16);
      if (error == std::errc{} && end == first + 4) {
        append_utf8(out, code);
        i += 7;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

// The text of a <si> or <is>: its <t>, or the <t> of each rich-text run (phonetic runs skipped).
std::string string_item(const pugi::xml_node& item) {
  std::string text;
  for (auto c = item.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (local_name(c) == "t") text += c.text().get();
    if (local_name(c) == "r") text += child(c, "t").text().get();
  }
  return decode_escapes(text);
}

std::string number_text(std::string_view raw) {
  double value = 0;
  const auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (error != std::errc{} || end != raw.data() + raw.size()) return std::string(raw);
  std::array<char, 400> buffer{};
  const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  if (written.ec != std::errc{}) return std::string(raw);
  std::string text(buffer.data(), written.ptr);
  return text == "-0" ? "0" : text;
}

// "C12" -> (12, 3); nullopt when malformed.
std::optional<std::pair<std::size_t, std::size_t>> parse_reference(std::string_view reference) {
  std::size_t column = 0, i = 0;
  while (i < reference.size() && i < 4) {
    const char c = reference[i];
    if (c >= 'A' && c <= 'Z') column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    else if (c >= 'a' && c <= 'z') column = column * 26 + static_cast<std::size_t>(c - 'a' + 1);
    else break;
    ++i;
  }
  std::size_t row = 0;
  const auto [end, error] = std::from_chars(reference.data() + i, reference.data() + reference.size(), row);
  if (column == 0 || error != std::errc{} || end != reference.data() + reference.size() || row == 0) return std::nullopt;
  return std::pair{row, column};
}

class Reader {
 public:
  Reader(Archive& archive, const XlsxLimits& limits) : archive_(archive), limits_(limits) {}

  tl::expected<XlsxWorkbook, Problem> run() {
    if (!archive_.has("xl/workbook.xml")) return refused(codes::xlsx_not_xlsx, {{"part", "xl/workbook.xml"}});
    auto workbook_xml = archive_.read("xl/workbook.xml");
    if (!workbook_xml) return tl::unexpected(workbook_xml.error());
    pugi::xml_document workbook_doc;
    if (auto parsed = parse(workbook_doc, *workbook_xml, "xl/workbook.xml"); !parsed) return tl::unexpected(parsed.error());

    std::map<std::string, std::string> targets;  // relationship id -> part name
    std::string shared_strings_part;
    if (archive_.has("xl/_rels/workbook.xml.rels")) {
      auto rels = archive_.read("xl/_rels/workbook.xml.rels");
      if (!rels) return tl::unexpected(rels.error());
      pugi::xml_document rels_doc;
      if (auto parsed = parse(rels_doc, *rels, "xl/_rels/workbook.xml.rels"); !parsed) return tl::unexpected(parsed.error());
      for_each_child(rels_doc.document_element(), "Relationship", [&](const pugi::xml_node& r) {
        const auto part = part_name(attribute(r, "Target"));
        targets[std::string(attribute(r, "Id"))] = part;
        const std::string_view type = attribute(r, "Type");
        if (type.size() >= 14 && type.substr(type.size() - 14) == "/sharedStrings") shared_strings_part = part;
      });
    }
    if (shared_strings_part.empty() && archive_.has("xl/sharedStrings.xml")) shared_strings_part = "xl/sharedStrings.xml";
    if (!shared_strings_part.empty() && archive_.has(shared_strings_part)) {
      if (auto read = read_shared_strings(shared_strings_part); !read) return tl::unexpected(read.error());
    }

    XlsxWorkbook workbook;
    const auto sheets = child(workbook_doc.document_element(), "sheets");
    std::size_t position = 0;
    std::optional<Problem> failure;
    for_each_child(sheets, "sheet", [&](const pugi::xml_node& s) {
      ++position;
      if (failure) return;
      if (workbook.sheets.size() >= limits_.max_sheets) {
        failure = refused(codes::xlsx_too_many_sheets, {{"max", std::to_string(limits_.max_sheets)}}).value();
        return;
      }
      XlsxSheet sheet;
      sheet.name = s.attribute("name").value();
      const std::string_view state = attribute(s, "state");
      sheet.hidden = state == "hidden" || state == "veryHidden";
      std::string part;
      if (const auto found = targets.find(std::string(attribute(s, "id", true))); found != targets.end())
        part = found->second;
      else
        part = "xl/worksheets/sheet" + std::to_string(position) + ".xml";  // no relationships: the usual name
      if (!archive_.has(part)) {
        failure = damaged(part).value();
        return;
      }
      if (auto read = read_sheet(part, sheet); !read) {
        failure = read.error();
        return;
      }
      workbook.sheets.push_back(std::move(sheet));
    });
    if (failure) return tl::unexpected(*failure);
    if (workbook.sheets.empty()) return refused(codes::xlsx_no_sheets);
    return workbook;
  }

 private:
  // A relationship target (relative to xl/, or absolute from the root) as a part name.
  static std::string part_name(std::string_view target) {
    std::string path = target.starts_with('/') ? std::string(target.substr(1)) : "xl/" + std::string(target);
    // Fold "dir/../" (names are only looked up in the archive; nothing touches the file system).
    for (auto at = path.find("/../"); at != std::string::npos; at = path.find("/../")) {
      const auto start = path.rfind('/', at == 0 ? 0 : at - 1);
      path.erase(start == std::string::npos ? 0 : start + 1, at + 4 - (start == std::string::npos ? 0 : start + 1));
    }
    return path;
  }

  tl::expected<void, Problem> read_shared_strings(const std::string& part) {
    auto text = archive_.read(part);
    if (!text) return tl::unexpected(text.error());
    pugi::xml_document document;
    if (auto parsed = parse(document, *text, part); !parsed) return tl::unexpected(parsed.error());
    for_each_child(document.document_element(), "si", [&](const pugi::xml_node& si) { shared_.push_back(string_item(si)); });
    return {};
  }

  tl::expected<void, Problem> read_sheet(const std::string& part, XlsxSheet& sheet) {
    auto text = archive_.read(part);
    if (!text) return tl::unexpected(text.error());
    pugi::xml_document document;
    if (auto parsed = parse(document, *text, part); !parsed) return tl::unexpected(parsed.error());
    text->clear();
    text->shrink_to_fit();
    const auto data = child(document.document_element(), "sheetData");
    std::size_t row_number = 0;
    for (auto row = data.first_child(); row; row = row.next_sibling()) {
      if (row.type() != pugi::node_element || local_name(row) != "row") continue;
      if (const std::string_view r = attribute(row, "r"); !r.empty()) {
        std::size_t number = 0;
        const auto [end, error] = std::from_chars(r.data(), r.data() + r.size(), number);
        if (error != std::errc{} || end != r.data() + r.size() || number == 0)
          return damaged(part);
        row_number = number;
      } else {
        ++row_number;
      }
      if (row_number > limits_.max_rows)
        return refused(codes::xlsx_too_many_rows, {{"sheet", sheet.name}, {"max", std::to_string(limits_.max_rows)}});
      std::size_t column = 0;
      for (auto c = row.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element || local_name(c) != "c") continue;
        if (const std::string_view r = attribute(c, "r"); !r.empty()) {
          const auto at = parse_reference(r);
          if (!at) return damaged(part);
          column = at->second;
        } else {
          ++column;
        }
        if (column > limits_.max_columns)
          return refused(codes::xlsx_too_many_columns,
                         {{"sheet", sheet.name}, {"max", std::to_string(limits_.max_columns)}});
        auto value = cell_text(c);
        if (!value) return damaged(part);
        if (value->empty()) continue;
        if (++cells_ > limits_.max_cells)
          return refused(codes::xlsx_too_many_cells, {{"max", std::to_string(limits_.max_cells)}});
        sheet.rows[row_number][column] = std::move(*value);
      }
    }
    return {};
  }

  // The text, or nothing when the cell names a shared string that is not there.
  std::optional<std::string> cell_text(const pugi::xml_node& c) const {
    const std::string_view type = attribute(c, "t");
    const std::string_view v = child(c, "v").text().get();
    if (type == "s") {
      std::size_t index = 0;
      const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), index);
      if (error != std::errc{} || end != v.data() + v.size() || index >= shared_.size())
        return std::nullopt;
      return shared_[index];
    }
    if (type == "inlineStr") return string_item(child(c, "is"));
    if (type == "str" || type == "e") return decode_escapes(v);
    if (type == "b") return std::string(v == "1" ? "TRUE" : v.empty() ? "" : "FALSE");
    if (v.empty()) return std::string();
    return number_text(v);  // "n", "d" (ISO date text is kept: not a number) or no type
  }

  Archive& archive_;
  const XlsxLimits& limits_;
  std::vector<std::string> shared_;
  std::size_t cells_ = 0;
};

}  // namespace

const std::string& XlsxSheet::cell(std::size_t row, std::size_t column) const {
  static const std::string empty;
  const auto r = rows.find(row);
  if (r == rows.end()) return empty;
  const auto c = r->second.find(column);
  return c == r->second.end() ? empty : c->second;
}

const XlsxSheet* XlsxWorkbook::sheet(std::string_view name) const {
  for (const auto& s : sheets)
    if (s.name == name) return &s;
  const auto lower = [](std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
  };
  for (const auto& s : sheets)
    if (lower(s.name) == lower(name)) return &s;
  return nullptr;
}

std::string column_letters(std::size_t column) {
  std::string letters;
  while (column > 0) {
    const auto digit = (column - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + digit));
    column = (column - 1) / 26;
  }
  return letters;
}

std::string cell_reference(std::size_t row, std::size_t column) { return column_letters(column) + std::to_string(row); }

tl::expected<XlsxWorkbook, Problem> read_xlsx(std::string_view bytes, const XlsxLimits& limits) {
  if (bytes.empty()) return refused(codes::xlsx_empty_file);
  if (bytes.size() < 22 || bytes[0] != 'P' || bytes[1] != 'K') return refused(codes::xlsx_not_xlsx);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    return refused(codes::xlsx_not_xlsx);
  }
  zip_t* opened = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!opened) {
    zip_source_free(source);
    return refused(codes::xlsx_not_xlsx);
  }
  Archive archive(opened, limits);  // owns the archive, which owns the source
  if (const auto entries = zip_get_num_entries(opened, 0); entries < 0 || static_cast<std::size_t>(entries) > limits.max_entries)
    return refused(codes::xlsx_too_many_files, {{"max", std::to_string(limits.max_entries)}});
  return Reader(archive, limits).run();
}

}  // namespace att::io
