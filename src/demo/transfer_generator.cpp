#include "demo/transfer_generator.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <random>
#include <string_view>

#include "core/date.hpp"
#include "core/state_record.hpp"

namespace att::demo {

namespace {

// ---------------------------------------------------------------------------------------------
// Randomness: std::mt19937_64's output is fixed by the standard; every distribution below is
// integer arithmetic written here, so the output does not depend on the standard library.

using Rng = std::mt19937_64;

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b) { return splitmix(a ^ splitmix(b)); }

std::uint64_t hash_text(std::string_view text) {  // FNV-1a
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

// Streams are keyed by what they describe (State code, year, purpose), not by position, so a
// State added to the register does not reshuffle everyone else's lines.
Rng stream(std::uint64_t seed, std::string_view state, std::uint64_t purpose, std::uint64_t extra = 0) {
  return Rng(mix(mix(mix(seed, hash_text(state)), purpose), extra));
}

// What a stream is for.
constexpr std::uint64_t for_habits = 1;
constexpr std::uint64_t for_customers = 2;
constexpr std::uint64_t for_suppliers = 3;
constexpr std::uint64_t for_rounding = 4;
constexpr std::uint64_t for_lines = 5;

// The 128-bit product of two 64-bit numbers, as (high, low) halves.
void multiply(std::uint64_t a, std::uint64_t b, std::uint64_t& high, std::uint64_t& low) {
#if defined(__SIZEOF_INT128__)
  __extension__ using Wide = unsigned __int128;
  const Wide product = static_cast<Wide>(a) * b;
  high = static_cast<std::uint64_t>(product >> 64);
  low = static_cast<std::uint64_t>(product);
#else
  const std::uint64_t a_low = a & 0xFFFFFFFFU, a_high = a >> 32;
  const std::uint64_t b_low = b & 0xFFFFFFFFU, b_high = b >> 32;
  const std::uint64_t low_low = a_low * b_low, low_high = a_low * b_high;
  const std::uint64_t high_low = a_high * b_low, high_high = a_high * b_high;
  const std::uint64_t middle = (low_low >> 32) + (low_high & 0xFFFFFFFFU) + (high_low & 0xFFFFFFFFU);
  high = high_high + (low_high >> 32) + (high_low >> 32) + (middle >> 32);
  low = a * b;
#endif
}

// Uniform in [0, n), n > 0, without bias (Lemire's multiply-and-reject: a division only rarely).
std::uint64_t below(Rng& rng, std::uint64_t n) {
  std::uint64_t high = 0, low = 0;
  multiply(rng(), n, high, low);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    while (low < threshold) multiply(rng(), n, high, low);
  }
  return high;
}

std::uint64_t between(Rng& rng, std::uint64_t lo, std::uint64_t hi) { return lo + below(rng, hi - lo + 1); }

bool chance(Rng& rng, std::uint64_t per_mille) { return below(rng, 1000) < per_mille; }

// Roughly log-uniform in [lo, hi], lo >= 1: a power of two first, then uniform inside it.
std::uint64_t log_uniform(Rng& rng, std::uint64_t lo, std::uint64_t hi) {
  const int low_bit = static_cast<int>(std::bit_width(lo)) - 1;
  const int high_bit = static_cast<int>(std::bit_width(hi)) - 1;
  const int bit = low_bit + static_cast<int>(below(rng, static_cast<std::uint64_t>(high_bit - low_bit + 1)));
  const std::uint64_t from = std::max(lo, std::uint64_t{1} << bit);
  const std::uint64_t to = std::min(hi, (std::uint64_t{2} << bit) - 1);
  return between(rng, from, to);
}

// Index drawn with probability proportional to its weight; `cumulative` holds running totals.
std::size_t pick(Rng& rng, const std::vector<std::uint64_t>& cumulative) {
  const std::uint64_t r = below(rng, cumulative.back());
  return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin());
}

template <typename Weights>
std::vector<std::uint64_t> running_totals(const Weights& weights) {
  std::vector<std::uint64_t> totals;
  totals.reserve(weights.size());
  std::uint64_t sum = 0;
  for (const auto weight : weights) totals.push_back(sum += weight);
  return totals;
}

// ---------------------------------------------------------------------------------------------
// Calibration. Shares are "by eye" from public arms-trade data (2010s onwards): who supplies,
// who buys, how many partners each exporter has, and what kinds of weapons move in what numbers.

struct Weighted {
  std::string_view iso3;
  std::uint32_t weight;
};

// Exporters by size. Only those that are States Parties in the register ever report; the
// largest non-party suppliers (USA, RUS, ISR, TUR...) appear as partners only.
constexpr std::array<std::string_view, 4> tier0 = {"DEU", "FRA", "GBR", "ITA"};
constexpr std::array<std::string_view, 7> tier1 = {"CAN", "CHE", "CZE", "ESP", "KOR", "NLD", "SWE"};
constexpr std::array<std::string_view, 13> tier2 = {"AUS", "AUT", "BEL", "BGR", "BRA", "CHN", "DNK",
                                                    "FIN", "NOR", "POL", "ROU", "SRB", "ZAF"};
constexpr std::array<std::string_view, 26> tier3 = {"ALB", "ARG", "BIH", "CHL", "CYP", "EST", "GEO", "GRC", "HRV",
                                                    "HUN", "IRL", "JPN", "KAZ", "LTU", "LVA", "MEX", "MKD", "MNE",
                                                    "NZL", "PER", "PHL", "PRT", "SVK", "SVN", "URY", "LUX"};
// Very small States: few imports, hardly any exports.
constexpr std::array<std::string_view, 24> micro = {"AND", "ATG", "BHS", "BRB", "CPV", "DMA", "GRD", "ISL",
                                                    "KNA", "LCA", "LIE", "MCO", "MDV", "MLT", "NIU", "PLW",
                                                    "SMR", "STP", "SYC", "TUV", "VCT", "WSM", "VUT", "VAT"};

constexpr std::array<std::uint64_t, 5> tier_export_weight = {100, 50, 22, 6, 1};
constexpr std::array<std::uint64_t, 5> tier_import_weight = {10, 10, 8, 5, 3};
constexpr std::array<std::uint64_t, 5> tier_propensity_base = {950, 950, 850, 450, 280};  // per mille
constexpr std::array<std::uint64_t, 5> tier_propensity_spread = {0, 0, 100, 500, 620};
constexpr std::array<std::uint64_t, 5> tier_nil_exports = {0, 0, 0, 120, 550};  // per mille, before scaling
constexpr std::array<std::uint64_t, 5> tier_nil_imports = {0, 0, 0, 30, 150};
constexpr std::array<std::array<std::uint64_t, 2>, 5> tier_customers = {
    {{90, 125}, {45, 75}, {20, 40}, {6, 15}, {1, 6}}};
constexpr std::array<std::array<std::uint64_t, 2>, 5> tier_suppliers = {
    {{25, 45}, {20, 35}, {12, 25}, {6, 15}, {2, 8}}};

// Who buys from the reporting States (their export partners). Default weight 2; 0: never
// (under arms embargoes for the whole period, or not plausible for these exporters).
constexpr std::uint32_t default_customer_weight = 2;
constexpr std::array<Weighted, 76> customer_weights = {{
    {"USA", 60}, {"UKR", 12}, {"SAU", 15}, {"IND", 12}, {"ARE", 12}, {"POL", 12}, {"AUS", 12}, {"CAN", 15}, {"QAT", 10},
    {"GBR", 10}, {"DEU", 10}, {"EGY", 8},  {"IDN", 8},  {"THA", 8},  {"KOR", 8},  {"JPN", 8},  {"BRA", 8},  {"TUR", 8},
    {"NLD", 8},  {"SGP", 8},  {"FRA", 8},  {"NOR", 6},  {"SWE", 6},  {"CHE", 6},  {"PHL", 6},  {"COL", 6},  {"MEX", 6},
    {"KWT", 6},  {"ITA", 6},  {"ESP", 6},  {"ROU", 6},  {"GRC", 6},  {"PAK", 5},  {"IRQ", 5},  {"JOR", 5},  {"MAR", 5},
    {"OMN", 5},  {"MYS", 5},  {"CHL", 5},  {"NZL", 5},  {"ISR", 5},  {"BEL", 5},  {"AUT", 5},  {"CZE", 5},  {"FIN", 5},
    {"DNK", 5},  {"LTU", 5},  {"EST", 5},  {"HUN", 5},  {"NGA", 4},  {"BGD", 4},  {"DZA", 4},  {"PER", 4},  {"ZAF", 4},
    {"LVA", 4},  {"BGR", 4},  {"PRT", 4},  {"SVK", 4},  {"IRL", 3},  {"VNM", 3},  {"ARG", 3},  {"KEN", 3},  {"BHR", 4},
    {"KAZ", 3},  {"PRK", 0},  {"IRN", 0},  {"SYR", 0},  {"RUS", 0},  {"BLR", 0},  {"MMR", 0},  {"SDN", 0},  {"SSD", 0},
    {"LBY", 0},  {"SOM", 0},  {"VEN", 1},  {"AFG", 1},
}};

// Who supplies the reporting States (their import partners), and who made re-exported items.
constexpr std::uint32_t default_supplier_weight = 3;
constexpr std::array<Weighted, 46> supplier_weights = {{
    {"USA", 400}, {"DEU", 250}, {"ITA", 200}, {"AUT", 150}, {"CZE", 150}, {"FRA", 150}, {"GBR", 120}, {"ISR", 120},
    {"TUR", 120}, {"BEL", 100}, {"CHE", 100}, {"BRA", 80},  {"KOR", 80},  {"ESP", 80},  {"SWE", 80},  {"BGR", 60},
    {"SRB", 60},  {"NLD", 60},  {"HRV", 50},  {"NOR", 50},  {"CAN", 50},  {"FIN", 40},  {"ZAF", 40},  {"RUS", 40},
    {"CHN", 40},  {"POL", 40},  {"UKR", 30},  {"ARE", 30},  {"ROU", 30},  {"SVK", 30},  {"AUS", 30},  {"PHL", 20},
    {"JPN", 20},  {"HUN", 20},  {"DNK", 20},  {"PRT", 20},  {"SGP", 20},  {"IND", 20},  {"ARG", 15},  {"GRC", 10},
    {"PAK", 10},  {"BIH", 15},  {"PRK", 0},   {"IRN", 0},   {"SYR", 0},   {"MMR", 0},
}};

// Where shipments plausibly transit.
constexpr std::array<std::string_view, 14> transit = {"ARE", "AUT", "BEL", "CHE", "CZE", "DEU", "FRA",
                                                      "GBR", "NLD", "POL", "SGP", "SVK", "TUR", "USA"};

struct Currency {
  std::string_view code;
  std::uint64_t per_thousand_usd;  // rough rate: units for 1000 USD
  bool has_cents;
};

constexpr std::array<Currency, 26> currencies = {{
    {"USD", 1000, true},     {"EUR", 920, true},     {"GBP", 790, true},  {"CHF", 880, true},
    {"SEK", 10400, true},    {"NOK", 10500, true},   {"DKK", 6850, true}, {"ISK", 137000, false},
    {"KRW", 1320000, false}, {"JPY", 140000, false}, {"AUD", 1500, true}, {"CAD", 1350, true},
    {"NZD", 1640, true},     {"CZK", 22800, true},   {"PLN", 4000, true}, {"HUF", 360000, false},
    {"RON", 4600, true},     {"BGN", 1800, true},    {"HRK", 6900, true}, {"RSD", 108000, true},
    {"ZAR", 18000, true},    {"BRL", 5100, true},    {"CNY", 7100, true}, {"MXN", 18000, true},
    {"ALL", 100000, true},   {"MKD", 56000, true},
}};

constexpr std::array<std::string_view, 21> euro_area = {"AND", "AUT", "BEL", "CYP", "DEU", "ESP", "EST",
                                                        "FIN", "FRA", "GRC", "IRL", "ITA", "LTU", "LUX",
                                                        "LVA", "MCO", "MLT", "MNE", "NLD", "PRT", "SMR"};

constexpr std::array<std::array<std::string_view, 2>, 23> national_currency = {{
    {"GBR", "GBP"}, {"CHE", "CHF"}, {"LIE", "CHF"}, {"SWE", "SEK"}, {"NOR", "NOK"}, {"DNK", "DKK"},
    {"ISL", "ISK"}, {"KOR", "KRW"}, {"JPN", "JPY"}, {"AUS", "AUD"}, {"CAN", "CAD"}, {"NZL", "NZD"},
    {"CZE", "CZK"}, {"POL", "PLN"}, {"HUN", "HUF"}, {"ROU", "RON"}, {"BGR", "BGN"}, {"SRB", "RSD"},
    {"ZAF", "ZAR"}, {"BRA", "BRL"}, {"CHN", "CNY"}, {"MEX", "MXN"}, {"ALB", "ALL"},
}};

std::size_t currency_index(std::string_view code) {
  for (std::size_t i = 0; i < currencies.size(); ++i) {
    if (currencies[i].code == code) return i;
  }
  return 0;
}

std::string_view currency_of(std::string_view iso3, int year) {
  if (iso3 == "HRV") return year >= 2023 ? "EUR" : "HRK";
  if (iso3 == "SVK" || iso3 == "SVN" || iso3 == "SMR" || iso3 == "VAT") return "EUR";
  if (std::find(euro_area.begin(), euro_area.end(), iso3) != euro_area.end()) return "EUR";
  if (iso3 == "MKD") return "MKD";
  for (const auto& [state, code] : national_currency) {
    if (state == iso3) return code;
  }
  return "USD";
}

enum Group : std::uint8_t { heavy, small_arms, light_weapons };

struct Category {
  std::string_view code;
  Group group;
  std::uint64_t max_items;  // per line, before several lines share a partner
  std::uint64_t unit_usd;   // rough unit value
  // Weights (per mille) of lines: exports of large producers, exports of others, imports.
  std::array<std::uint64_t, 3> weights;
  std::vector<std::string_view> descriptions;
};

// Reports on 2015 and 2016 use the provisional template, which has no subcategories for combat
// aircraft, attack helicopters and missiles (canonical IV, V, VII) and one basis per table.
constexpr int older_template_last_year = 2016;

// "IV" for IV.a and IV.b, and so on; empty for categories the older template has as they are.
std::string_view older_code(std::string_view code) {
  if (code.rfind("VIII", 0) == 0) return {};
  const auto point = code.find('.');
  return point == std::string_view::npos ? std::string_view{} : code.substr(0, point);
}

const std::vector<Category>& categories() {
  static const std::vector<Category> table = {
      {"I",
       heavy,
       60,
       4'000'000,
       {15, 3, 12},
       {"DEMO main battle tank", "DEMO 120mm main battle tank", "DEMO main battle tank, second-hand"}},
      {"II",
       heavy,
       150,
       1'200'000,
       {60, 15, 50},
       {"DEMO 8x8 armoured personnel carrier", "DEMO tracked infantry fighting vehicle",
        "DEMO 4x4 armoured vehicle with 12.7mm gun", "DEMO armoured reconnaissance vehicle"}},
      {"III",
       heavy,
       40,
       2'500'000,
       {30, 5, 25},
       {"DEMO 155mm self-propelled howitzer", "DEMO 155mm towed howitzer", "DEMO 122mm multiple rocket launcher",
        "DEMO 120mm self-propelled mortar"}},
      {"IV.a",
       heavy,
       24,
       60'000'000,
       {20, 2, 15},
       {"DEMO multirole combat aircraft", "DEMO light combat aircraft", "DEMO armed trainer aircraft"}},
      {"IV.b",
       heavy,
       16,
       8'000'000,
       {15, 3, 15},
       {"DEMO armed unmanned aerial vehicle", "DEMO medium-altitude armed UAV"}},
      {"V.a", heavy, 12, 25'000'000, {10, 2, 8}, {"DEMO attack helicopter", "DEMO armed multi-role helicopter"}},
      {"V.b", heavy, 8, 2'000'000, {4, 1, 4}, {"DEMO unmanned armed rotorcraft"}},
      {"VI",
       heavy,
       4,
       250'000'000,
       {15, 3, 8},
       {"DEMO offshore patrol vessel", "DEMO frigate", "DEMO corvette", "DEMO diesel-electric submarine"}},
      {"VII.a",
       heavy,
       400,
       600'000,
       {50, 8, 40},
       {"DEMO anti-tank guided missile", "DEMO surface-to-air missile", "DEMO anti-ship missile",
        "DEMO air-to-air missile", "DEMO loitering munition"}},
      {"VII.b",
       heavy,
       300,
       90'000,
       {15, 3, 12},
       {"DEMO man-portable air-defence system", "DEMO MANPADS launcher with missiles"}},
      {"VIII.SA.1",
       small_arms,
       5000,
       500,
       {150, 250, 200},
       {"DEMO 9mm self-loading pistol", "DEMO .38 revolver", "DEMO 9mm pistol, polymer frame",
        "DEMO .45 self-loading pistol"}},
      {"VIII.SA.2",
       small_arms,
       5000,
       1'200,
       {150, 250, 200},
       {"DEMO hunting rifle", "DEMO bolt-action rifle, .308", "DEMO sporting rifle", "DEMO semi-automatic carbine",
        "DEMO 12-gauge shotgun"}},
      {"VIII.SA.3", small_arms, 500, 1'500, {40, 40, 35}, {"DEMO 9mm sub-machine gun"}},
      {"VIII.SA.4",
       small_arms,
       3000,
       1'000,
       {80, 90, 90},
       {"DEMO 5.56mm assault rifle", "DEMO 7.62mm assault rifle", "DEMO 5.56mm assault rifle, \"short\" barrel"}},
      {"VIII.SA.5",
       small_arms,
       300,
       6'000,
       {35, 40, 35},
       {"DEMO 5.56mm light machine gun", "DEMO 7.62mm general-purpose machine gun"}},
      {"VIII.SA.6",
       small_arms,
       1000,
       800,
       {50, 80, 60},
       {"DEMO 12-gauge pump-action shotgun", "DEMO marksman rifle", "DEMO signal pistol"}},
      {"VIII.LW.1",
       light_weapons,
       200,
       18'000,
       {30, 30, 35},
       {"DEMO 12.7mm heavy machine gun", "DEMO 14.5mm heavy machine gun"}},
      {"VIII.LW.2",
       light_weapons,
       500,
       4'000,
       {35, 30, 40},
       {"DEMO 40mm under-barrel grenade launcher", "DEMO 40mm automatic grenade launcher"}},
      {"VIII.LW.3", light_weapons, 50, 25'000, {8, 5, 8}, {"DEMO portable anti-tank gun"}},
      {"VIII.LW.4", light_weapons, 100, 20'000, {8, 5, 8}, {"DEMO 84mm recoilless rifle"}},
      {"VIII.LW.5",
       light_weapons,
       200,
       60'000,
       {30, 15, 35},
       {"DEMO portable anti-tank missile launcher", "DEMO 66mm disposable rocket launcher"}},
      {"VIII.LW.6", light_weapons, 150, 15'000, {25, 20, 30}, {"DEMO 60mm mortar", "DEMO 60mm commando mortar"}},
      {"VIII.LW.7", light_weapons, 100, 10'000, {15, 15, 20}, {"DEMO light weapon, other"}},
  };
  return table;
}

constexpr std::array<std::string_view, 9> general_comments = {"DEMO: end user armed forces",
                                                              "DEMO: end user police",
                                                              "DEMO: end user ministry of defence",
                                                              "DEMO: return after repair",
                                                              "DEMO: temporary export for trials",
                                                              "DEMO: donation",
                                                              "DEMO: second-hand",
                                                              "DEMO: value estimated",
                                                              "DEMO: delivered in several shipments"};
constexpr std::array<std::string_view, 3> civilian_comments = {
    "DEMO: civilian market", "DEMO: hunting and sporting use", "DEMO: private collector"};

template <std::size_t n>
bool contains(const std::array<std::string_view, n>& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

template <std::size_t n>
std::uint32_t weight_of(const std::array<Weighted, n>& list, std::string_view code, std::uint32_t fallback) {
  for (const auto& entry : list) {
    if (entry.iso3 == code) return entry.weight;
  }
  return fallback;
}

int tier_of(std::string_view iso3) {
  if (contains(tier0, iso3)) return 0;
  if (contains(tier1, iso3)) return 1;
  if (contains(tier2, iso3)) return 2;
  if (contains(tier3, iso3)) return 3;
  return 4;
}

void append_number(std::string& out, std::uint64_t number) {
  char buffer[24];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
  (void)error;
  out.append(buffer, end);
}

}  // namespace

// ---------------------------------------------------------------------------------------------

struct TransferGenerator::Model {
  struct PoolEntry {
    std::size_t partner;  // index into codes
    std::uint64_t weight;
  };
  struct Profile {
    std::size_t code;  // index into codes
    int tier = 4;
    std::uint32_t value_habit = 0;     // 0: items and value; 1: mostly items; 2: value often alone
    std::vector<PoolEntry> customers;  // export partners, in ISO3 order
    std::vector<PoolEntry> suppliers;  // import partners, in ISO3 order
  };
  struct Plan {
    std::size_t profile = 0;
    std::size_t export_lines = 0;
    std::size_t import_lines = 0;
    bool actual_by_default = true;
    bool mixed_basis = false;
    std::size_t currency = 0;
    std::uint32_t rounding = 0;  // 0: whole units; 1: rounded to thousands; 2: with cents
  };

  GeneratorOptions options;
  std::vector<std::string> codes;            // every ISO3 code of the register, sorted
  std::vector<std::uint64_t> origin_totals;  // running totals of supplier weights over codes
  std::vector<std::size_t> transit_states;
  std::vector<Profile> profiles;
  std::vector<Plan> plans;  // parallel to reports_

  void emit_table(const Plan& plan, int year, bool exports, std::vector<std::string>& fields,
                  const std::function<void(const std::vector<std::string>&)>& emit) const;
};

TransferGenerator::TransferGenerator(const StatesRegister& states, GeneratorOptions options) {
  auto model = std::make_shared<Model>();
  model->options = options;
  const std::uint64_t seed = options.seed;

  std::vector<const StateRecord*> sorted;
  for (const auto& state : states.states()) sorted.push_back(&state);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->iso3 < b->iso3; });
  for (const auto* state : sorted) model->codes.push_back(state->iso3);
  const auto& codes = model->codes;

  std::vector<std::uint64_t> origin_weights;
  for (const auto& code : codes) origin_weights.push_back(weight_of(supplier_weights, code, default_supplier_weight));
  model->origin_totals = running_totals(origin_weights);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (contains(transit, codes[i])) model->transit_states.push_back(i);
  }

  // A pool of partners drawn without replacement, weighted, each given its own share.
  const auto draw_pool = [&](Rng& rng, std::size_t self, std::array<std::uint64_t, 2> size_range, bool buyers) {
    std::vector<std::uint64_t> weights;
    for (std::size_t i = 0; i < codes.size(); ++i) {
      weights.push_back(i == self ? 0
                        : buyers  ? weight_of(customer_weights, codes[i], default_customer_weight)
                                  : weight_of(supplier_weights, codes[i], default_supplier_weight));
    }
    std::vector<Model::PoolEntry> pool;
    const auto wanted = between(rng, size_range[0], size_range[1]);
    while (pool.size() < wanted) {
      const auto totals = running_totals(weights);
      if (totals.empty() || totals.back() == 0) break;
      const auto chosen = pick(rng, totals);
      pool.push_back({chosen, weights[chosen] * log_uniform(rng, 1, 16)});
      weights[chosen] = 0;
    }
    std::sort(pool.begin(), pool.end(), [](const auto& a, const auto& b) { return a.partner < b.partner; });
    return pool;
  };

  struct Table {
    std::size_t plan;
    bool exports;
    std::uint64_t weight;
  };
  std::vector<Table> tables;

  const auto first_year = options.first_year;
  const auto last_year = options.last_year;
  for (std::size_t index = 0; index < sorted.size(); ++index) {
    const auto& state = *sorted[index];
    const auto bound_all_year = [&](int year) {
      return status_on(state, Date::from_ymd(year, 1, 1)).in_force &&
             status_on(state, Date::from_ymd(year, 12, 31)).in_force;
    };
    bool ever = false;
    for (int year = first_year; year <= last_year && !ever; ++year) ever = bound_all_year(year);
    if (!ever) continue;

    Model::Profile profile;
    profile.code = index;
    profile.tier = contains(micro, state.iso3) ? 4 : tier_of(state.iso3);
    const auto tier = static_cast<std::size_t>(profile.tier);
    auto rng = stream(seed, state.iso3, for_habits);
    const auto propensity = tier_propensity_base[tier] + below(rng, tier_propensity_spread[tier] + 1);
    const auto habit = below(rng, 100);
    profile.value_habit = habit < 40 ? 0 : habit < 80 ? 1 : 2;
    const bool restricts = chance(rng, 150);
    const auto punctuality = below(rng, 100);
    const std::uint64_t on_time = punctuality < 50 ? 850 : punctuality < 85 ? 550 : 200;
    const bool actual_habit = chance(rng, 600);
    const bool in_dollars = chance(rng, 150);
    const bool is_micro = contains(micro, state.iso3);
    {
      auto pool_rng = stream(seed, state.iso3, for_customers);
      profile.customers = draw_pool(pool_rng, index, tier_customers[tier], true);
    }
    {
      auto pool_rng = stream(seed, state.iso3, for_suppliers);
      profile.suppliers = draw_pool(pool_rng, index, tier_suppliers[tier], false);
    }
    const auto profile_index = model->profiles.size();
    model->profiles.push_back(std::move(profile));

    for (int year = first_year; year <= last_year; ++year) {
      if (!bound_all_year(year)) continue;
      // Every draw is made whether or not the report exists, so that one report's fate does not
      // shift the others'.
      const bool submitted = chance(rng, propensity);
      GeneratedReport report;
      report.reporting_state = state.iso3;
      report.year = year;
      report.restricted = chance(rng, restricts ? 900 : 80);
      const auto lateness = below(rng, 1000);
      const auto early = log_uniform(rng, 1, 120);
      const auto grace = between(rng, 1, 7);
      const auto late = log_uniform(rng, 8, 900);
      report.days_late = lateness < on_time                          ? 1 - static_cast<int>(early)
                         : lateness < on_time + (1000 - on_time) / 5 ? static_cast<int>(grace)
                                                                     : static_cast<int>(late);
      const bool nil_exports = chance(rng, tier_nil_exports[tier]);
      const bool nil_imports = chance(rng, is_micro ? 400 : tier_nil_imports[tier]);
      const auto export_factor = between(rng, 60, 140);
      const auto import_factor = between(rng, 60, 140);
      Model::Plan plan;
      plan.profile = profile_index;
      plan.actual_by_default = chance(rng, 120) ? !actual_habit : actual_habit;
      plan.mixed_basis = chance(rng, 100);
      plan.currency = currency_index(chance(rng, 60) || in_dollars ? "USD" : currency_of(state.iso3, year));
      const auto rounding_draw = below(rng, 100);
      plan.rounding = rounding_draw < 45 ? 0 : rounding_draw < 80 ? 1 : 2;
      if (!submitted) continue;

      const auto plan_index = model->plans.size();
      model->plans.push_back(plan);
      reports_.push_back(std::move(report));
      const std::uint64_t export_weight = is_micro ? 0 : tier_export_weight[tier];
      const std::uint64_t import_weight = is_micro ? 1 : tier_import_weight[tier];
      if (!nil_exports && !model->profiles[profile_index].customers.empty())
        tables.push_back({plan_index, true, export_weight * export_factor});
      if (!nil_imports && !model->profiles[profile_index].suppliers.empty())
        tables.push_back({plan_index, false, import_weight * import_factor});
    }
  }

  // Share the target among the tables in proportion to their weights; the fractions are rounded
  // up or down at random, so the total is the target give or take a few lines.
  std::uint64_t total_weight = 0;
  for (const auto& table : tables) total_weight += table.weight;
  if (total_weight > 0 && options.target_lines > 0) {
    const auto target = static_cast<std::uint64_t>(options.target_lines);
    for (const auto& table : tables) {
      const auto& report = reports_[table.plan];
      auto rng = stream(seed, report.reporting_state, for_rounding,
                        static_cast<std::uint64_t>(report.year) * 2 + (table.exports ? 1 : 0));
      // target * weight stays far below 2^64 for any sensible target (weights are < 2^14).
      const auto scaled = target * table.weight;
      const auto count = scaled / total_weight + (below(rng, total_weight) < scaled % total_weight ? 1 : 0);
      auto& plan = model->plans[table.plan];
      (table.exports ? plan.export_lines : plan.import_lines) = static_cast<std::size_t>(count);
    }
  }
  for (std::size_t i = 0; i < reports_.size(); ++i) {
    reports_[i].nil_exports = model->plans[i].export_lines == 0;
    reports_[i].nil_imports = model->plans[i].import_lines == 0;
  }
  model_ = std::move(model);
}

std::size_t TransferGenerator::line_count(std::size_t report_index, bool exports) const {
  const auto& plan = model_->plans.at(report_index);
  return exports ? plan.export_lines : plan.import_lines;
}

const std::vector<std::string>& TransferGenerator::header() {
  static const std::vector<std::string> columns = {"reporting_state",
                                                   "year",
                                                   "direction",
                                                   "category",
                                                   "partner_state",
                                                   "items",
                                                   "value",
                                                   "currency",
                                                   "basis",
                                                   "description",
                                                   "comments",
                                                   "state_of_origin",
                                                   "intermediate_location"};
  return columns;
}

void TransferGenerator::for_each_line(const std::function<void(const std::vector<std::string>& fields)>& emit) const {
  std::vector<std::string> fields(header().size());
  for (auto& field : fields) field.reserve(64);
  for (std::size_t i = 0; i < reports_.size(); ++i) {
    const auto& plan = model_->plans[i];
    if (plan.export_lines > 0) model_->emit_table(plan, reports_[i].year, true, fields, emit);
    if (plan.import_lines > 0) model_->emit_table(plan, reports_[i].year, false, fields, emit);
  }
}

void TransferGenerator::Model::emit_table(const Plan& plan, int year, bool exports, std::vector<std::string>& fields,
                                          const std::function<void(const std::vector<std::string>&)>& emit) const {
  enum Column : std::size_t {
    reporting_state,
    year_column,
    direction,
    category,
    partner_state,
    items,
    value,
    currency_column,
    basis,
    description,
    comments,
    state_of_origin,
    intermediate_location
  };
  const auto& profile = profiles[plan.profile];
  const auto self = profile.code;
  const auto& reporter = codes[self];
  const auto count = exports ? plan.export_lines : plan.import_lines;
  auto rng = stream(options.seed, reporter, for_lines, static_cast<std::uint64_t>(year) * 2 + (exports ? 1 : 0));

  // How many lines of each category, then the lines category by category (a report's order).
  const auto& table = categories();
  const std::size_t weight_column = !exports ? 2 : profile.tier <= 2 ? 0 : 1;
  std::vector<std::uint64_t> category_weights;
  // Smaller States buy heavy weapons less often, and fewer of them.
  const bool small_buyer = !exports && profile.tier >= 3;
  for (const auto& c : table)
    category_weights.push_back(c.weights[weight_column] * (small_buyer && c.group == heavy ? 1 : 3));
  // The older template's IV, V and VII take the lines of both subcategories (under the first).
  const bool older_template = year <= older_template_last_year;
  const auto folded = [&](std::size_t c) {
    return older_template && c > 0 && !older_code(table[c].code).empty() &&
           older_code(table[c].code) == older_code(table[c - 1].code);
  };
  for (std::size_t c = 1; c < table.size(); ++c) {
    if (!folded(c)) continue;
    category_weights[c - 1] += category_weights[c];
    category_weights[c] = 0;
  }
  const auto category_totals = running_totals(category_weights);
  std::vector<std::size_t> per_category(table.size(), 0);
  for (std::size_t n = 0; n < count; ++n) ++per_category[pick(rng, category_totals)];

  const auto& pool = exports ? profile.customers : profile.suppliers;
  std::vector<std::uint64_t> partner_weights;
  for (const auto& entry : pool) {
    // Demand from Ukraine rises sharply from 2022.
    const bool surge = exports && year >= 2022 && codes[entry.partner] == "UKR";
    partner_weights.push_back(entry.weight * (surge ? 6 : 1));
  }
  const auto partner_totals = running_totals(partner_weights);
  std::vector<std::size_t> per_partner(pool.size(), 0);

  const auto& money = currencies[plan.currency];
  const std::uint32_t rounding_mode = plan.rounding == 2 && !money.has_cents ? 0 : plan.rounding;
  // Per mille of lines with both items and value, with items only; the rest has value only.
  static constexpr std::array<std::array<std::uint64_t, 2>, 3> habit_shares = {{{850, 100}, {100, 850}, {500, 100}}};
  const auto& shares = habit_shares[profile.value_habit];

  fields[reporting_state].assign(reporter);
  fields[year_column].clear();
  append_number(fields[year_column], static_cast<std::uint64_t>(year));
  fields[direction].assign(exports ? "export" : "import");

  for (std::size_t c = 0; c < table.size(); ++c) {
    if (per_category[c] == 0) continue;
    const auto& spec = table[c];
    std::fill(per_partner.begin(), per_partner.end(), 0);
    for (std::size_t n = 0; n < per_category[c]; ++n) ++per_partner[pick(rng, partner_totals)];
    const bool merges_next = c + 1 < table.size() && folded(c + 1);
    fields[category].assign(older_template && !older_code(spec.code).empty() ? older_code(spec.code) : spec.code);

    for (std::size_t p = 0; p < pool.size(); ++p) {
      const auto m = per_partner[p];
      if (m == 0) continue;
      const auto partner = pool[p].partner;
      fields[partner_state].assign(codes[partner]);
      // Several lines to one partner in one category: items (and lone values) strictly increase,
      // so no two lines of a table are the same line.
      const auto max_items =
          small_buyer && spec.group == heavy ? std::max<std::uint64_t>(2, spec.max_items / 4) : spec.max_items;
      const std::uint64_t step_max = std::max<std::uint64_t>(1, max_items / m);
      std::uint64_t items_run = 0;
      std::uint64_t hidden_run = 0;
      std::uint64_t last_lone_value = 0;  // in cents

      for (std::size_t j = 0; j < m; ++j) {
        const auto kind = below(rng, 1000);
        const bool has_items = kind < shares[0] + shares[1];
        const bool has_value = kind < shares[0] || kind >= shares[0] + shares[1];
        std::uint64_t number;
        if (has_items) {
          number = items_run += log_uniform(rng, 1, step_max);
          fields[items].clear();
          append_number(fields[items], number);
        } else {
          number = hidden_run += log_uniform(rng, 1, step_max);
          fields[items].clear();
        }
        fields[value].clear();
        fields[currency_column].clear();
        if (has_value) {
          // Saturated far beyond any real transfer, so that absurd targets cannot overflow.
          constexpr std::uint64_t max_usd = 10'000'000'000'000;
          constexpr std::uint64_t max_cents = 99'999'999'999'999'900;  // 15 digits before the point
          const auto percent = between(rng, 40, 250);
          const auto usd =
              number > max_usd / (spec.unit_usd * percent) ? max_usd : number * spec.unit_usd * percent / 100;
          std::uint64_t cents = std::clamp<std::uint64_t>(usd * money.per_thousand_usd / 10, 1, max_cents);
          if (rounding_mode == 2) cents = std::clamp<std::uint64_t>(cents / 100 * 100 + below(rng, 100), 1, max_cents);
          if (rounding_mode == 0) cents = std::max<std::uint64_t>(100, cents / 100 * 100);
          if (rounding_mode == 1)
            cents = cents < 100'000 ? std::max<std::uint64_t>(100, cents / 100 * 100)
                                    : (cents + 50'000) / 100'000 * 100'000;
          if (!has_items) {
            if (cents <= last_lone_value) cents = last_lone_value + (rounding_mode == 2 ? 1 : 100);
            last_lone_value = cents;
          }
          append_number(fields[value], cents / 100);
          if (rounding_mode == 2) {
            fields[value].push_back('.');
            fields[value].push_back(static_cast<char>('0' + cents / 10 % 10));
            fields[value].push_back(static_cast<char>('0' + cents % 10));
          }
          fields[currency_column].assign(money.code);
        }
        const bool actual = older_template     ? plan.actual_by_default  // one basis per table
                            : plan.mixed_basis ? chance(rng, 500)
                            : chance(rng, 30)  ? !plan.actual_by_default
                                               : plan.actual_by_default;
        fields[basis].assign(actual ? "actual" : "authorized");

        const auto description_draw = below(rng, 1000);
        if (description_draw < 150) {
          fields[description].clear();
        } else {
          // A folded category describes items of either subcategory.
          const auto& descriptions =
              merges_next && description_draw % 2 == 1 ? table[c + 1].descriptions : spec.descriptions;
          fields[description].assign(descriptions[description_draw / 2 % descriptions.size()]);
        }

        fields[state_of_origin].clear();
        fields[intermediate_location].clear();
        std::size_t origin = codes.size();
        if (chance(rng, 30)) {
          for (int attempt = 0; attempt < 8; ++attempt) {
            const auto candidate = pick(rng, origin_totals);
            if (candidate != self && candidate != partner) {
              origin = candidate;
              fields[state_of_origin].assign(codes[candidate]);
              break;
            }
          }
        }
        if (chance(rng, 20) && !transit_states.empty()) {
          for (int attempt = 0; attempt < 8; ++attempt) {
            const auto candidate = transit_states[below(rng, transit_states.size())];
            if (candidate != self && candidate != partner && candidate != origin) {
              fields[intermediate_location].assign(codes[candidate]);
              break;
            }
          }
        }

        const auto comment_draw = below(rng, 1000);
        if (origin != codes.size() && comment_draw < 500) {
          fields[comments].assign("DEMO: re-export");
        } else if (comment_draw < 550) {
          fields[comments].assign("DEMO");
        } else if (spec.group == small_arms && comment_draw < 750) {
          fields[comments].assign(civilian_comments[comment_draw % civilian_comments.size()]);
        } else {
          fields[comments].assign(general_comments[comment_draw % general_comments.size()]);
        }
        emit(fields);
      }
    }
  }
}

}  // namespace att::demo
