// Database connections shared by the server's threads: each request borrows one and gives it
// back. A connection is used by one thread at a time, as SQLite and libpq require.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/database.hpp"

namespace att::store {

class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<Database>()>;
  ConnectionPool(Factory factory, std::size_t max_connections);

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Database> db) : pool_(&pool), db_(std::move(db)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) noexcept = default;
    ~Lease();
    Database& operator*() const { return *db_; }
    Database* operator->() const { return db_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Database> db_;
  };

  // Waits while every connection is in use; opens a new one while below the maximum.
  Lease acquire();

 private:
  void give_back(std::unique_ptr<Database> db);

  Factory factory_;
  std::size_t max_connections_;
  std::size_t opened_ = 0;
  std::vector<std::unique_ptr<Database>> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace att::store
