#include "io/initial_report_json.hpp"

namespace att::io {

nlohmann::json initial_report_json(const reports::InitialReport& report) {
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& [id, answer] : report.answers)
    answers[id] = {{"choice", answer.choice}, {"explanation", answer.explanation}, {"entries", answer.entries}};
  return {{"reporting_state", report.reporting_state},
          {"template", report.template_id},
          {"updates_earlier", report.updates_earlier},
          {"visibility", std::string(to_string(report.visibility))},
          {"answers", answers}};
}

tl::expected<reports::InitialReport, std::string> initial_report_from_json(const nlohmann::json& d) {
  reports::InitialReport report;
  if (!d.is_object()) return tl::unexpected(std::string("the report must be a JSON object"));
  if (d.contains("updates_earlier")) {
    if (!d["updates_earlier"].is_boolean()) return tl::unexpected(std::string("updates_earlier must be true or false"));
    report.updates_earlier = d["updates_earlier"].get<bool>();
  }
  if (d.contains("visibility")) {
    const auto visibility = reports::visibility_from_string(d["visibility"].is_string() ? d["visibility"].get<std::string>() : "");
    if (!visibility) return tl::unexpected(std::string("visibility must be public or restricted"));
    report.visibility = *visibility;
  }
  if (!d.contains("answers") || !d["answers"].is_object())
    return tl::unexpected(std::string("answers must be an object: question id -> answer"));
  for (const auto& [id, answer] : d["answers"].items()) {
    if (!answer.is_object()) return tl::unexpected("answers." + id + " must be an object");
    reports::Answer parsed;
    if (answer.contains("choice") && answer["choice"].is_string()) parsed.choice = answer["choice"].get<std::string>();
    if (answer.contains("explanation") && answer["explanation"].is_string())
      parsed.explanation = answer["explanation"].get<std::string>();
    if (answer.contains("entries")) {
      if (!answer["entries"].is_array()) return tl::unexpected("answers." + id + ".entries must be a list");
      for (const auto& entry : answer["entries"]) {
        if (!entry.is_string()) return tl::unexpected("answers." + id + ".entries must hold text");
        parsed.entries.push_back(entry.get<std::string>());
      }
    }
    report.answers[id] = std::move(parsed);
  }
  return report;
}

}  // namespace att::io
