// Validating a 10,000-line annual report (target: under 50 ms). The baseline, measured in the
// same run, is copying the same report: the cost of touching every line once.
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "core/reports/validation.hpp"
#include "demo/transfer_generator.hpp"
#include "io/register_file.hpp"
#include "io/templates_file.hpp"

namespace {

struct Fixture {
  att::StatesRegister states;
  att::reports::TemplateLibrary templates;
  att::reports::AnnualReport report;

  Fixture() {
    auto loaded = att::io::load_register(ATT_DATA_DIR);
    auto library = att::io::load_templates(std::string(ATT_DATA_DIR) + "/templates");
    if (!loaded || !library) throw std::runtime_error("cannot load data from " ATT_DATA_DIR);
    states = std::move(*loaded);
    templates = std::move(*library);
    // 10,000 generated lines from the 2022 reports, gathered into one report of a large exporter.
    const att::demo::TransferGenerator generator(states, {2026, 2022, 2022, 60000});
    report.reporting_state = "FRA";
    report.year = 2022;
    report.template_id = "annual-2021";
    generator.for_each_line([this](const std::vector<std::string>& f) {
      if (report.lines.size() == 10000 || f[4] == "FRA") return;
      att::reports::ReportLine line;
      line.direction = f[2] == "export" ? att::reports::Direction::exports : att::reports::Direction::imports;
      line.category = f[3];
      line.partner_state = f[4];
      if (!f[5].empty()) line.items = std::stoll(f[5]);
      line.value = f[6];
      line.currency = f[7];
      line.basis = att::reports::basis_from_string(f[8]);
      line.description = f[9];
      line.comments = f[10];
      line.source_row = report.lines.size() + 2;
      report.lines.push_back(std::move(line));
    });
  }
};

const Fixture& fixture() {
  static const Fixture instance;
  return instance;
}

void BM_CopyReport_Baseline(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) {
    auto copy = f.report;
    benchmark::DoNotOptimize(copy);
  }
  state.counters["lines"] = static_cast<double>(f.report.lines.size());
}

void BM_ValidateReport(benchmark::State& state) {
  const auto& f = fixture();
  const auto* report_template = f.templates.by_id(f.report.template_id);
  std::size_t findings = 0;
  for (auto _ : state) {
    const auto result = att::reports::validate(f.report, *report_template, f.states, {att::Date::from_ymd(2100, 1, 1)});
    findings = result.findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["lines"] = static_cast<double>(f.report.lines.size());
  state.counters["findings"] = static_cast<double>(findings);
}

BENCHMARK(BM_CopyReport_Baseline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ValidateReport)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
