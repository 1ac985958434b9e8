// The accounts of ServerWithAccounts, by the viewer of tests/integration/data/transfers_visibility.csv
// they stand for: shared by the HTTP tests of the transfers API and of its pages.
#pragma once

#include <map>
#include <string>

namespace att::testing {

inline const std::map<std::string, std::string> account_of_viewer{
    {"observer", "observer"},
    {"representative_of_the_reporter", "representative"},
    {"representative_of_a_signatory", "representative_of_signatory"},
    {"reporting_officer_of_the_reporter", "reporting_officer"},
    {"reporting_officer_of_another_party", "reporting_officer_of_germany"},
    {"reporting_officer_without_second_factor", "reporting_officer_without_second_factor"},
    {"chair", "chair"},
    {"secretariat", "secretariat"},
    {"administrator", "administrator"},
};

}  // namespace att::testing
