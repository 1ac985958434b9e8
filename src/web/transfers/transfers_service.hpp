// What the transfers API and the explorer page share: the process's read model and the category
// codes a filter may name, so that both answer from the same table.
#pragma once

#include "reporting/transfers/transfer_model.hpp"
#include "web/kit/app_context.hpp"
#include "web/transfers/transfer_params.hpp"

namespace att::web {

struct TransfersService {
  const AppContext& app;
  CategoryCodes categories;
  transfers::TransferModel model;
};

}  // namespace att::web
