// The mail outbox and its delivery, run once on SQLite and once on PostgreSQL, against a real
// (if small) SMTP server; plus the sinks that need no database.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/date.hpp"
#include "mail/delivery.hpp"
#include "mail/local_sinks.hpp"
#include "mail/mail_sink.hpp"
#include "mail/message.hpp"
#include "mail/outbox.hpp"
#include "mail/smtp_sink.hpp"
#include "mail/timestamp.hpp"
#include "smtp_sink.hpp"
#include "store/migrations.hpp"
#include "store/open_database.hpp"
#include "test_support.hpp"

namespace att::mail {
using namespace att::literals;
namespace {

using namespace std::chrono_literals;
using testing::RefuseAt;
using testing::SmtpTestServer;

constexpr const char* sender = "noreply@att.example";
const Timestamp t0 = "2026-11-27T03:26:10Z"_utc;

Timestamp at(std::chrono::seconds after_t0) { return t0.plus(after_t0); }

// A received message split into unfolded headers and body.
struct ParsedMessage {
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  [[nodiscard]] std::string header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (key.size() == name.size() && std::equal(key.begin(), key.end(), name.begin(),
                                                  [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
        return value;
    }
    return "<missing " + std::string(name) + ">";
  }
};

ParsedMessage parse(const std::string& data) {
  ParsedMessage message;
  const auto blank = data.find("\r\n\r\n");
  const std::string head = data.substr(0, blank);
  message.body = blank == std::string::npos ? "" : data.substr(blank + 4);
  std::size_t start = 0;
  while (start < head.size()) {
    auto end = head.find("\r\n", start);
    if (end == std::string::npos) end = head.size();
    const std::string line = head.substr(start, end - start);
    start = end + 2;
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !message.headers.empty()) {
      message.headers.back().second += line;  // unfolding: the CRLF goes, the whitespace stays
      continue;
    }
    const auto colon = line.find(':');
    std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    message.headers.emplace_back(line.substr(0, colon), value);
  }
  return message;
}

// RFC 2047 decoding of B-encoded UTF-8 words; whitespace between two encoded words is dropped.
std::string decode_words(const std::string& value) {
  std::string out;
  std::string pending_space;
  bool last_was_word = false;
  std::size_t i = 0;
  while (i < value.size()) {
    if (value.compare(i, 10, "=?UTF-8?B?") == 0) {
      const auto end = value.find("?=", i + 10);
      if (end == std::string::npos) break;
      if (!last_was_word) out += pending_space;
      out += testing::decode_base64(value.substr(i + 10, end - i - 10));
      pending_space.clear();
      last_was_word = true;
      i = end + 2;
    } else if (value[i] == ' ' || value[i] == '\t') {
      pending_space += value[i++];
    } else {
      out += pending_space;
      pending_space.clear();
      out += value[i++];
      last_was_word = false;
    }
  }
  return out;
}

std::string decoded_body(const ParsedMessage& message) {
  if (message.header("Content-Transfer-Encoding") == "base64") return testing::decode_base64(message.body);
  return message.body;
}

// Destroys the worker and says how long that took. A worker that does not stop would hang the whole
// suite, so after 10 s the test binary is aborted instead: a loud failure, never a hang.
std::chrono::steady_clock::duration stop_worker(std::optional<MailWorker>& worker) {
  const auto started = std::chrono::steady_clock::now();
  std::atomic<bool> stopped{false};
  std::thread watchdog([&stopped] {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!stopped && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
    if (!stopped) {
      std::fprintf(stderr, "MailWorker did not stop within 10 s: aborting the tests\n");
      std::abort();
    }
  });
  worker.reset();
  stopped = true;
  watchdog.join();
  return std::chrono::steady_clock::now() - started;
}

// The lines a worker logs, kept for a test to wait on and read.
class WorkerLog {
 public:
  [[nodiscard]] std::function<void(const std::string&)> sink() {
    return [this](const std::string& line) {
      {
        std::lock_guard lock(mutex_);
        lines_.push_back(line);
      }
      logged_.notify_all();
    };
  }

  // True once `count` lines have come, false if they do not within 10 s.
  bool wait_for(std::size_t count) {
    std::unique_lock lock(mutex_);
    return logged_.wait_for(lock, 10s, [&] { return lines_.size() >= count; });
  }

  [[nodiscard]] std::vector<std::string> lines() const {
    std::lock_guard lock(mutex_);
    return lines_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable logged_;
  std::vector<std::string> lines_;
};

class MailOutbox : public testing::OnBothDatabases {
 protected:
  void SetUp() override {
    OnBothDatabases::SetUp();
    if (IsSkipped() || HasFailure()) return;
    store::migrate(*db_);
  }

  std::unique_ptr<MailSink> smtp(const std::string& options = "") const {
    return make_sink(smtp_.url() + options, sender);
  }

  struct OutboxRow {
    std::int64_t attempts = 0;
    std::string next_attempt_at;
    std::optional<std::string> sent_at;
    std::string last_error;
  };
  OutboxRow row(std::int64_t id) const {
    const auto rows =
        db_->query("SELECT attempts, next_attempt_at, sent_at, last_error FROM mail_outbox WHERE id = $1", {id});
    if (rows.size() != 1) throw std::runtime_error("no outbox row " + std::to_string(id));
    return {rows[0].integer(0), rows[0].text(1), rows[0].optional_text(2), rows[0].text(3)};
  }

  SmtpTestServer smtp_;
};

const OutgoingMail welcome{"ana.garcia@example.org", "Confirmez votre inscription — Traité sur le commerce des armes ✓",
                           "Bonjour Ana,\n\nCliquez ici : https://att.example/confirm?t=abc\n.\n.hidden line\n"
                           "From the secretariat\nÀ bientôt\n"};

TEST_P(MailOutbox, DeliversQueuedMailWithItsRecipientSubjectAndBody) {
  const auto id = enqueue(*db_, welcome, t0);
  EXPECT_EQ(counts(*db_).queued, 1);

  auto sink = smtp();
  const auto report = deliver_due(*db_, *sink, t0);
  EXPECT_EQ(report.sent, 1u);
  EXPECT_EQ(report.failed, 0u);
  ASSERT_TRUE(smtp_.wait_for_messages(1, 5s));
  const auto received = smtp_.messages();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].envelope_from, sender);
  EXPECT_EQ(received[0].recipients, std::vector<std::string>{welcome.to});

  const auto message = parse(received[0].data);
  EXPECT_EQ(message.header("To"), welcome.to);
  EXPECT_EQ(message.header("From"), sender);
  EXPECT_EQ(message.header("MIME-Version"), "1.0");
  EXPECT_EQ(message.header("Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(message.header("Content-Transfer-Encoding"), "8bit");
  EXPECT_NE(message.header("Date").find("+0000"), std::string::npos) << message.header("Date");
  EXPECT_TRUE(message.header("Message-ID").ends_with("@att.example>")) << message.header("Message-ID");
  // Non-ASCII subject: only ASCII on the wire, and it decodes back to the original.
  const auto raw_subject = message.header("Subject");
  EXPECT_TRUE(raw_subject.starts_with("=?UTF-8?B?")) << raw_subject;
  EXPECT_TRUE(
      std::all_of(raw_subject.begin(), raw_subject.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
  EXPECT_EQ(decode_words(raw_subject), welcome.subject);
  // Body with CRLF line ends; lines starting with '.' survive the SMTP dot-stuffing.
  EXPECT_EQ(decoded_body(message),
            "Bonjour Ana,\r\n\r\nCliquez ici : https://att.example/confirm?t=abc\r\n.\r\n.hidden line\r\n"
            "From the secretariat\r\nÀ bientôt\r\n");

  const auto stored = row(id);
  EXPECT_EQ(stored.sent_at, std::optional<std::string>{t0.iso()});
  EXPECT_EQ(stored.attempts, 0);
  const auto after = counts(*db_);
  EXPECT_EQ(after.queued, 0);
  EXPECT_EQ(after.sent, 1);
  EXPECT_EQ(after.failing, 0);
  // Sent mail is never sent again.
  EXPECT_EQ(deliver_due(*db_, *sink, at(24h)).sent, 0u);
  EXPECT_EQ(smtp_.messages().size(), 1u);
}

TEST_P(MailOutbox, MailWaitsWhileNoServerListensAndGoesOnceItIsBack) {
  const auto id = enqueue(*db_, welcome, t0);
  auto sink = smtp();
  smtp_.stop();

  const auto failed = deliver_due(*db_, *sink, t0);
  EXPECT_EQ(failed.sent, 0u);
  EXPECT_EQ(failed.failed, 1u);
  auto stored = row(id);
  EXPECT_EQ(stored.attempts, 1);
  EXPECT_FALSE(stored.last_error.empty());
  EXPECT_FALSE(stored.sent_at.has_value());
  EXPECT_EQ(stored.next_attempt_at, at(60s).iso());
  EXPECT_GT(stored.next_attempt_at, t0.iso());
  EXPECT_EQ(counts(*db_).failing, 1);

  // The server is back, but the back-off has not elapsed: no attempt.
  smtp_.start();
  const auto early = deliver_due(*db_, *sink, at(59s));
  EXPECT_EQ(early.sent + early.failed, 0u);
  EXPECT_EQ(row(id).attempts, 1);
  EXPECT_TRUE(smtp_.messages().empty());

  const auto retried = deliver_due(*db_, *sink, at(60s));
  EXPECT_EQ(retried.sent, 1u);
  ASSERT_TRUE(smtp_.wait_for_messages(1, 5s));
  EXPECT_EQ(smtp_.messages()[0].recipients, std::vector<std::string>{welcome.to});
  stored = row(id);
  EXPECT_EQ(stored.sent_at, std::optional<std::string>{at(60s).iso()});
  EXPECT_EQ(stored.attempts, 1);
  EXPECT_EQ(counts(*db_).failing, 0);
}

TEST_P(MailOutbox, GreylistingAtTheRecipientIsRetriedWithBackOff) {
  const auto id = enqueue(*db_, welcome, t0);
  auto sink = smtp();
  smtp_.refuse_at(RefuseAt::rcpt_to);

  EXPECT_EQ(deliver_due(*db_, *sink, t0).failed, 1u);
  auto stored = row(id);
  EXPECT_EQ(stored.attempts, 1);
  EXPECT_NE(stored.last_error.find("451 4.7.1 Greylisted"), std::string::npos) << stored.last_error;
  EXPECT_EQ(stored.next_attempt_at, at(60s).iso());

  EXPECT_EQ(deliver_due(*db_, *sink, at(60s)).failed, 1u);
  stored = row(id);
  EXPECT_EQ(stored.attempts, 2);
  EXPECT_EQ(stored.next_attempt_at, at(60s + 120s).iso());

  smtp_.refuse_at(RefuseAt::nothing);
  EXPECT_EQ(deliver_due(*db_, *sink, at(179s)).sent, 0u);
  EXPECT_EQ(deliver_due(*db_, *sink, at(180s)).sent, 1u);
  ASSERT_TRUE(smtp_.wait_for_messages(1, 5s));
  EXPECT_EQ(smtp_.messages().size(), 1u);
  EXPECT_TRUE(row(id).sent_at.has_value());
}

TEST_P(MailOutbox, RefusalAfterTheDataIsRetriedToo) {
  const auto id = enqueue(*db_, welcome, t0);
  auto sink = smtp();
  smtp_.refuse_at(RefuseAt::end_of_data);

  EXPECT_EQ(deliver_due(*db_, *sink, t0).failed, 1u);
  const auto stored = row(id);
  EXPECT_EQ(stored.attempts, 1);
  EXPECT_NE(stored.last_error.find("451 4.3.0 Queue full"), std::string::npos) << stored.last_error;
  EXPECT_FALSE(stored.sent_at.has_value());
  EXPECT_TRUE(smtp_.messages().empty());

  smtp_.refuse_at(RefuseAt::nothing);
  EXPECT_EQ(deliver_due(*db_, *sink, at(60s)).sent, 1u);
  EXPECT_TRUE(smtp_.wait_for_messages(1, 5s));
}

TEST_P(MailOutbox, BackOffDoublesFromOneMinuteAndStopsGrowingAtOneHour) {
  const auto id = enqueue(*db_, welcome, t0);
  auto now = t0;
  std::vector<std::int64_t> delays;
  for (int attempt = 1; attempt <= 9; ++attempt) {
    const auto schedule = mark_failed(*db_, id, "451 try later", now);
    EXPECT_EQ(schedule.attempts, attempt);
    EXPECT_EQ(row(id).next_attempt_at, schedule.next_attempt_at.iso());
    delays.push_back((schedule.next_attempt_at.instant() - now.instant()).count());
    now = schedule.next_attempt_at;
  }
  EXPECT_EQ(delays, (std::vector<std::int64_t>{60, 120, 240, 480, 960, 1920, 3600, 3600, 3600}));
  // Never given up: still queued, and due again once its time comes.
  EXPECT_EQ(counts(*db_).queued, 1);
  EXPECT_EQ(due(*db_, now, 10).size(), 1u);
  EXPECT_EQ(retry_delay(1'000'000), std::chrono::seconds{3600});
}

TEST_P(MailOutbox, HeaderInjectionAndMalformedAddressesAreRefused) {
  const std::vector<OutgoingMail> hostile = {
      {"ana@example.org", "Hello\r\nBcc: everyone@example.org", "body"},
      {"ana@example.org", "Hello\nBcc: everyone@example.org", "body"},
      {"ana@example.org\r\nBcc: everyone@example.org", "Hello", "body"},
      {"ana@example.org\n", "Hello", "body"},
      {"no-at-sign.example.org", "Hello", "body"},
      {"two@at@example.org", "Hello", "body"},
      {"@example.org", "Hello", "body"},
      {"ana@", "Hello", "body"},
      {"ana,eve@example.org", "Hello", "body"},
      {"ana;eve@example.org", "Hello", "body"},
      {"Ana <ana@example.org>", "Hello", "body"},
      {"ana\tx@example.org", "Hello", "body"},
      {"", "Hello", "body"},
  };
  for (const auto& mail : hostile)
    EXPECT_THROW(enqueue(*db_, mail, t0), std::invalid_argument) << mail.to << " / " << mail.subject;
  EXPECT_EQ(counts(*db_).queued, 0);
  // A body may hold anything: it cannot reach the headers.
  EXPECT_NO_THROW(enqueue(*db_, {"ana@example.org", "Hello", "Line\r\nBcc: x@example.org\r\n"}, t0));
  EXPECT_EQ(counts(*db_).queued, 1);
}

TEST_P(MailOutbox, MailQueuedInARolledBackTransactionIsNeverSent) {
  {
    store::Transaction transaction(*db_);
    enqueue(*db_, welcome, t0);
    EXPECT_EQ(counts(*db_).queued, 1);  // visible inside the transaction...
  }                                     // ...gone with the rollback
  auto sink = smtp();
  EXPECT_EQ(deliver_due(*db_, *sink, at(1h)).sent, 0u);
  EXPECT_EQ(counts(*db_).queued, 0);
  EXPECT_TRUE(smtp_.messages().empty());

  {
    store::Transaction transaction(*db_);
    enqueue(*db_, welcome, t0);
    transaction.commit();
  }
  EXPECT_EQ(deliver_due(*db_, *sink, at(1h)).sent, 1u);
  EXPECT_TRUE(smtp_.wait_for_messages(1, 5s));
}

TEST_P(MailOutbox, APassEndsAfterThreeFailuresInARowLeavingTheRestUntried) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(enqueue(*db_, welcome, t0));
  auto sink = smtp();
  smtp_.stop();
  const auto report = deliver_due(*db_, *sink, t0);
  EXPECT_EQ(report.failed, consecutive_failures_ending_a_pass);
  EXPECT_EQ(report.failures.size(), consecutive_failures_ending_a_pass);
  EXPECT_EQ(row(ids[0]).attempts, 1);
  EXPECT_EQ(row(ids[3]).attempts, 0);
  EXPECT_EQ(row(ids[4]).attempts, 0);
  EXPECT_EQ(counts(*db_).queued, 5);
}

TEST_P(MailOutbox, AClaimedMailCannotBeClaimedAgainUntilItsLeaseEnds) {
  const auto id = enqueue(*db_, welcome, t0);
  EXPECT_TRUE(claim(*db_, id, t0, at(10min)));
  EXPECT_FALSE(claim(*db_, id, t0, at(10min)));  // a second worker at the same moment
  EXPECT_TRUE(due(*db_, at(9min), 10).empty());
  EXPECT_EQ(due(*db_, at(10min), 10).size(), 1u);  // the first worker died: it comes due again
  mark_sent(*db_, id, t0);
  EXPECT_FALSE(claim(*db_, id, at(1h), at(2h)));
}

TEST_P(MailOutbox, FileSinkAppendsEachMessageToAnMboxFile) {
  const auto path = dir_.path() / "mail.mbox";
  auto sink = make_sink("file:" + path.string(), sender);
  EXPECT_EQ(sink->describe(), "file:" + path.string());
  enqueue(*db_, welcome, t0);
  enqueue(*db_, {"bob@example.org", "Second", "From here on\nbye"}, t0);
  EXPECT_EQ(deliver_due(*db_, *sink, t0).sent, 2u);

  const auto content = testing::file_content(path);
  EXPECT_EQ(content.rfind("From noreply@att.example ", 0), 0u) << content.substr(0, 80);
  EXPECT_NE(content.find("\nTo: ana.garcia@example.org\n"), std::string::npos);
  EXPECT_NE(content.find("\nTo: bob@example.org\n"), std::string::npos);
  EXPECT_NE(content.find("\nSubject: Second\n"), std::string::npos);
  EXPECT_NE(content.find("\nCliquez ici : https://att.example/confirm?t=abc\n"), std::string::npos);
  // mboxrd: a body line starting "From " is quoted, so only the two separators remain.
  EXPECT_NE(content.find("\n>From here on\n"), std::string::npos);
  EXPECT_NE(content.find("\n>From the secretariat\n"), std::string::npos);
  std::size_t separators = 0;
  for (auto found = content.find("From "); found != std::string::npos; found = content.find("From ", found + 1))
    if (found == 0 || content[found - 1] == '\n') ++separators;
  EXPECT_EQ(separators, 2u);
}

TEST_P(MailOutbox, WorkerDeliversInTheBackgroundAndStopsPromptly) {
  const auto id = enqueue(*db_, welcome, Timestamp::now());
  std::atomic<int> logged{0};
  MailWorkerOptions options;
  options.interval = 1h;  // only the first pass and wake() can send within the test
  options.log = [&](const std::string&) { ++logged; };
  std::optional<MailWorker> worker;
  worker.emplace([location = location_] { return store::open_database(location); }, smtp(), options);
  ASSERT_TRUE(smtp_.wait_for_messages(1, 10s));
  // A mail queued later goes at once when the worker is woken, not after the hour.
  enqueue(*db_, {"bob@example.org", "Second", "Body"}, Timestamp::now());
  worker->wake();
  ASSERT_TRUE(smtp_.wait_for_messages(2, 10s));
  // Destroyed while waiting out its hour: it must notice at once.
  EXPECT_LT(stop_worker(worker), 2s);
  EXPECT_EQ(logged.load(), 0);
  EXPECT_TRUE(row(id).sent_at.has_value());
  EXPECT_EQ(counts(*db_).sent, 2);
}

TEST_P(MailOutbox, WorkerLogsEachFailureOnOneLineWithoutTheAddress) {
  const auto id = enqueue(*db_, welcome, Timestamp::now());
  smtp_.stop();
  WorkerLog worker_log;
  MailWorkerOptions options;
  options.interval = 1h;
  options.log = worker_log.sink();
  {
    MailWorker worker([location = location_] { return store::open_database(location); }, smtp(), options);
    ASSERT_TRUE(worker_log.wait_for(1));
  }
  const auto lines = worker_log.lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("#" + std::to_string(id)), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("attempt 1"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[0].find('\n'), std::string::npos) << lines[0];
  EXPECT_EQ(lines[0].find(welcome.to), std::string::npos) << lines[0];
  EXPECT_EQ(row(id).attempts, 1);
}

TEST_P(MailOutbox, WorkerSurvivesADatabaseThatCannotBeOpened) {
  WorkerLog worker_log;
  MailWorkerOptions options;
  options.interval = 50ms;
  options.log = worker_log.sink();
  std::atomic<int> opened{0};
  {
    MailWorker worker(
        [&, location = location_]() -> std::unique_ptr<store::Database> {
          // The first opens fail, as when the database is restarting; then it comes back.
          if (++opened == 1) throw store::DatabaseError("connection refused");
          if (opened == 2) return nullptr;
          return store::open_database(location);
        },
        smtp(), options);
    ASSERT_TRUE(worker_log.wait_for(2));
    enqueue(*db_, welcome, Timestamp::now());
    worker.wake();
    ASSERT_TRUE(smtp_.wait_for_messages(1, 10s));
  }
  const auto lines = worker_log.lines();
  EXPECT_NE(lines[0].find("connection refused"), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("no connection"), std::string::npos) << lines[1];
  EXPECT_EQ(counts(*db_).sent, 1);
}

TEST_P(MailOutbox, RequiredStartTlsRefusesAServerWithoutIt) {
  const auto id = enqueue(*db_, welcome, t0);
  auto sink = smtp("?starttls=required");
  EXPECT_NE(sink->describe().find("STARTTLS required"), std::string::npos) << sink->describe();
  EXPECT_EQ(deliver_due(*db_, *sink, t0).failed, 1u);
  EXPECT_FALSE(row(id).last_error.empty());
  EXPECT_TRUE(smtp_.messages().empty());
  // The same server is fine when STARTTLS is only tried.
  EXPECT_EQ(deliver_due(*db_, *smtp("?starttls=try"), at(60s)).sent, 1u);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, MailOutbox, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

// Sinks and messages on their own: no database involved.

TEST(MailSinks, MakeSinkRejectsWhatItDoesNotKnow) {
  for (const std::string spec : {"", "mail", "smtp:/host:25", "http://host:25", "file:", "console:", "smtp://",
                                 "smtp://host:notaport", "smtp://host:25?starttls=maybe", "smtp://host:25?tls=yes",
                                 "smtps://host:465?starttls=required", "smtp://host:25#top"}) {
    try {
      make_sink(spec, sender);
      ADD_FAILURE() << "accepted '" << spec << "'";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("mail destination"), std::string::npos) << e.what();
    }
  }
  try {
    make_sink("smtp://user:s3cret@host:notaport", sender);
    ADD_FAILURE() << "accepted a bad port";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos) << e.what();
  }
}

TEST(MailSinks, MakeSinkRejectsABadSender) {
  EXPECT_THROW(make_sink("console", "noreply"), std::invalid_argument);
  EXPECT_THROW(make_sink("smtp://localhost:25", "a@b\r\nBcc: c@d"), std::invalid_argument);
}

TEST(MailSinks, MakeSinkBuildsEachKindAndNeverShowsThePassword) {
  EXPECT_EQ(make_sink("console", sender)->describe(), "console");
  const auto plain = make_sink("smtp://mail.example.org:587", sender)->describe();
  EXPECT_EQ(plain, "smtp://mail.example.org:587/ (STARTTLS try)");
  // Credentials make STARTTLS required unless said otherwise: no password in clear by accident.
  const auto with_login = make_sink("smtp://att%40example.org:s3cret@mail.example.org:587", sender)->describe();
  EXPECT_EQ(with_login, "smtp://mail.example.org:587/ (STARTTLS required) as att@example.org");
  EXPECT_EQ(make_sink("smtps://mail.example.org", sender)->describe(), "smtps://mail.example.org/");
  const auto file_sink = make_sink("file:/tmp/att-mail-test.mbox", sender);
  EXPECT_EQ(file_sink->describe(), "file:/tmp/att-mail-test.mbox");
  std::filesystem::remove("/tmp/att-mail-test.mbox");
}

TEST(MailSinks, FileSinkRefusesAFileItCannotWrite) {
  EXPECT_THROW(make_sink("file:/nonexistent-dir/mail.mbox", sender), std::runtime_error);
}

TEST(MailSinks, ConsoleSinkPrintsTheMailReadably) {
  std::ostringstream out;
  ConsoleSink sink(sender, out);
  ASSERT_TRUE(sink.send(welcome));
  EXPECT_NE(out.str().find("to ana.garcia@example.org"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("Subject: " + welcome.subject + "\n"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find(welcome.body_text), std::string::npos) << out.str();
  EXPECT_FALSE(sink.send({"bad address", "x", "y"}));
}

TEST(MailSinks, SmtpSinkLogsInWithTheCredentialsGiven) {
  SmtpTestServer server;
  auto sink = make_sink(server.url() + "?starttls=try", sender);
  SmtpSettings settings = parse_smtp_spec(
      "smtp://att%40example.org:p%3Ass@127.0.0.1:" + std::to_string(server.port()) + "?starttls=try", sender);
  EXPECT_EQ(settings.username, "att@example.org");
  EXPECT_EQ(settings.password, "p:ss");
  SmtpSink with_login(settings);
  const auto sent = with_login.send(welcome);
  ASSERT_TRUE(sent) << sent.error();
  ASSERT_TRUE(server.wait_for_messages(1, 5s));
  EXPECT_EQ(server.messages()[0].auth_plain, std::string("\0att@example.org\0p:ss", 21));
  ASSERT_TRUE(sink->send(welcome));
  ASSERT_TRUE(server.wait_for_messages(2, 5s));
  EXPECT_EQ(server.messages()[1].auth_plain, "");
}

TEST(MailSinks, SmtpSinkGivesUpOnAServerThatNeverGreetsWithinTheConnectTimeout) {
  // A socket that listens but never accepts: the kernel completes the TCP handshake, nobody says 220.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(fd, 4), 0);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  auto settings = parse_smtp_spec("smtp://127.0.0.1:" + std::to_string(ntohs(address.sin_port)), sender);
  settings.connect_timeout = 1s;
  SmtpSink sink(settings);
  const auto started = std::chrono::steady_clock::now();
  const auto sent = sink.send(welcome);
  const auto took = std::chrono::steady_clock::now() - started;
  ::close(fd);
  EXPECT_FALSE(sent);
  EXPECT_GE(took, 900ms);
  EXPECT_LT(took, 3s);
}

TEST(MailSinks, SmtpSinkGivesUpOnAServerStuckAfterTheDataWithinTheTotalTimeout) {
  SmtpTestServer server;
  server.stall_after_data(true);
  auto settings = parse_smtp_spec(server.url(), sender);
  settings.timeout = 1s;
  SmtpSink sink(settings);
  const auto started = std::chrono::steady_clock::now();
  const auto sent = sink.send(welcome);
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(sent);
  EXPECT_NE(sent.error().find("imeout"), std::string::npos) << sent.error();
  EXPECT_GE(took, 900ms);
  // The reply to "." times out after 1 s, and libcurl's closing QUIT waits at most 1 s more
  // (without the per-reply limit it would wait 120 s, or here until the test server gives up).
  EXPECT_LT(took, 3500ms);
  EXPECT_TRUE(server.messages().empty());
}

TEST(MailSinks, SmtpSinkGivesUpOnAServerTooSlowOverallWithinTheTotalTimeout) {
  SmtpTestServer server;
  server.delay_replies(400ms);  // each reply well within the per-reply limit; seven of them are not
  auto settings = parse_smtp_spec(server.url(), sender);
  settings.timeout = 1s;
  SmtpSink sink(settings);
  const auto started = std::chrono::steady_clock::now();
  const auto sent = sink.send(welcome);
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_FALSE(sent);
  EXPECT_LT(took, 3s);
  EXPECT_TRUE(server.messages().empty());
}

TEST(MailMessages, LongLinesAndNulBytesTravelAsBase64) {
  SmtpTestServer server;
  auto sink = make_sink(server.url(), sender);
  const std::string long_line(2000, 'x');
  ASSERT_TRUE(sink->send({"ana@example.org", "Plain subject", "short\n" + long_line + "\n"}));
  ASSERT_TRUE(server.wait_for_messages(1, 5s));
  const auto message = parse(server.messages()[0].data);
  EXPECT_EQ(message.header("Subject"), "Plain subject");
  EXPECT_EQ(message.header("Content-Transfer-Encoding"), "base64");
  EXPECT_EQ(decoded_body(message), "short\r\n" + long_line + "\r\n");
  const auto longest = [&] {
    std::size_t most = 0, start = 0;
    for (auto end = message.body.find("\r\n"); end != std::string::npos; end = message.body.find("\r\n", start)) {
      most = std::max(most, end - start);
      start = end + 2;
    }
    return most;
  }();
  EXPECT_LE(longest, 76u);

  const std::string with_nul("a\0b\n", 4);
  const auto nul_message =
      parse(render_message({"ana@example.org", "x", with_nul}, sender, t0.instant(), "<x@y>"));
  EXPECT_EQ(nul_message.header("Content-Transfer-Encoding"), "base64");
  EXPECT_EQ(decoded_body(nul_message), std::string("a\0b\r\n", 5));
}

TEST(MailSinks, SmtpSinkReportsEachTemporaryRefusalInTheServersWords) {
  SmtpTestServer server;
  auto sink = make_sink(server.url(), sender);
  const std::pair<RefuseAt, const char*> stages[] = {
      {RefuseAt::mail_from, "451 4.3.0 Mail server temporarily unavailable"},
      {RefuseAt::rcpt_to, "451 4.7.1 Greylisted"},
      {RefuseAt::end_of_data, "451 4.3.0 Queue full"}};
  for (const auto& [stage, words] : stages) {
    server.refuse_at(stage);
    const auto sent = sink->send(welcome);
    ASSERT_FALSE(sent);
    EXPECT_NE(sent.error().find(words), std::string::npos) << sent.error();
  }
  EXPECT_TRUE(server.messages().empty());
  server.refuse_at(RefuseAt::nothing);
  EXPECT_TRUE(sink->send(welcome));
  EXPECT_TRUE(server.wait_for_messages(1, 5s));
}

TEST(MailMessages, AsciiBodiesAre7bitAndLongSubjectsAreFoldedIntoEncodedWords) {
  const std::string subject = "Ratification — " + std::string(200, 'a') + " é";
  const auto text = render_message({"ana@example.org", subject, "hello"}, sender, t0.instant(), "<x@y>");
  const auto message = parse(text);
  EXPECT_EQ(message.header("Content-Transfer-Encoding"), "7bit");
  EXPECT_EQ(message.header("Date"), "Fri, 27 Nov 2026 03:26:10 +0000");
  EXPECT_EQ(decode_words(message.header("Subject")), subject);
  // Whatever the line endings given, CRLF goes out, one per line.
  EXPECT_EQ(
      parse(render_message({"ana@example.org", "x", "a\r\nb\rc\nd"}, sender, t0.instant(), "<x@y>")).body,
      "a\r\nb\r\nc\r\nd\r\n");
  // Every physical line, the folded subject's included, stays within the recommended 78 characters.
  std::size_t start = 0;
  for (auto end = text.find("\r\n"); end != std::string::npos; end = text.find("\r\n", start)) {
    EXPECT_LE(end - start, 78u) << text.substr(start, end - start);
    start = end + 2;
  }
}

TEST(MailMessages, InstantsShiftAcrossTheYear) {
  EXPECT_EQ(t0.iso(), "2026-11-27T03:26:10Z");
  EXPECT_EQ(("2026-12-31T23:59:30Z"_utc).plus(60s).iso(), "2027-01-01T00:00:30Z");
  EXPECT_THROW(static_cast<void>("2026-11-27 03:26:10Z"_utc), std::invalid_argument);
}

}  // namespace
}  // namespace att::mail
