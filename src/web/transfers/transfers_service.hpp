// What the transfers API and the explorer page share: the process's read model (the one in
// AppContext, which the State pages use too) and the category codes a filter may name, so that
// every page answers from the same table and the process holds one copy of the lines.
#pragma once

#include "reporting/transfers/transfer_model.hpp"
#include "web/kit/app_context.hpp"
#include "web/transfers/transfer_params.hpp"

namespace att::web {

struct TransfersService {
  const AppContext& app;
  CategoryCodes categories;
  transfers::TransferModel& model = *app.transfer_model;
};

}  // namespace att::web
