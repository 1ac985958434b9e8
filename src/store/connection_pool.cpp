#include "store/connection_pool.hpp"

namespace att::store {

ConnectionPool::ConnectionPool(Factory factory, std::size_t max_connections)
    : factory_(std::move(factory)), max_connections_(max_connections == 0 ? 1 : max_connections) {}

ConnectionPool::Lease::~Lease() {
  if (db_) pool_->give_back(std::move(db_));
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty() || opened_ < max_connections_; });
  if (!idle_.empty()) {
    auto db = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(db));
  }
  ++opened_;
  lock.unlock();
  try {
    return Lease(*this, factory_());
  } catch (...) {
    std::lock_guard relock(mutex_);
    --opened_;
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::give_back(std::unique_ptr<Database> db) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
  }
  available_.notify_one();
}

}  // namespace att::store
