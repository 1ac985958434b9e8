// generate_csv LINES [SEED [DATA_DIR]] > out.csv
//
// Writes the canonical CSV header and about LINES synthetic report lines (demo::TransferGenerator)
// to standard output, and the rate reached to standard error.
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "demo/transfer_generator.hpp"
#include "io/csv_writer.hpp"
#include "io/register_file.hpp"

#ifndef ATT_DATA_DIR
#define ATT_DATA_DIR "data"
#endif

namespace {

template <typename Number>
bool parse_number(std::string_view text, Number& number) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc{} && end == text.data() + text.size();
}

bool needs_quotes(std::string_view field) {
  for (const char c : field) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

// One CSV record appended to `out`, quoted exactly as io::csv_line would (quoting is rare, and
// left to io::csv_field).
void append_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    if (needs_quotes(fields[i])) {
      out += att::io::csv_field(fields[i], att::io::CsvFor::machines);
    } else {
      out += fields[i];
    }
  }
  out += '\n';
}

}  // namespace

int main(int argc, char** argv) {
  att::demo::GeneratorOptions options;
  if (argc < 2 || argc > 4 || !parse_number(argv[1], options.target_lines) ||
      (argc >= 3 && !parse_number(argv[2], options.seed))) {
    std::fprintf(stderr, "usage: %s LINES [SEED [DATA_DIR]] > out.csv\n", argv[0]);
    return 2;
  }
  const std::string data_dir = argc >= 4 ? argv[3] : ATT_DATA_DIR;
  const auto states = att::io::load_register(data_dir);
  if (!states) {
    std::fprintf(stderr, "%s\n", att::io::codes_of(states.error()).c_str());
    return 1;
  }

  static char stdout_buffer[1 << 20];
  std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
  const auto started = std::chrono::steady_clock::now();
  const att::demo::TransferGenerator generator(*states, options);

  constexpr std::size_t flush_at = 1 << 20;
  std::string out;
  out.reserve(flush_at + 4096);
  append_record(out, att::demo::TransferGenerator::header());
  std::size_t lines = 0;
  bool write_failed = false;
  generator.for_each_line([&](const std::vector<std::string>& fields) {
    append_record(out, fields);
    ++lines;
    if (out.size() >= flush_at) {
      write_failed |= std::fwrite(out.data(), 1, out.size(), stdout) != out.size();
      out.clear();
    }
  });
  write_failed |= std::fwrite(out.data(), 1, out.size(), stdout) != out.size();
  write_failed |= std::fflush(stdout) != 0;
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  if (write_failed) {
    std::fprintf(stderr, "write error: %s\n", std::strerror(errno));
    return 1;
  }
  std::fprintf(stderr, "%zu lines in %.3f s: %.0f lines/s\n", lines, elapsed.count(),
               elapsed.count() > 0 ? static_cast<double>(lines) / elapsed.count() : 0.0);
  return 0;
}
