#include "web/http/server.hpp"

#include <restinio/all.hpp>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "web/http/access_log.hpp"

namespace att::web {

namespace {

using Traits = restinio::default_traits_t;

std::string lower(std::string_view text) {
  std::string result(text);
  for (auto& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

HttpRequest to_http_request(const restinio::request_handle_t& request) {
  const auto& header = request->header();
  HttpRequest result;
  result.method = http_method_from_string(header.method().c_str());
  result.path = percent_decode(header.path(), false);
  result.query_string = std::string(header.query());
  header.for_each_field([&result](const restinio::http_header_field_t& field) {
    result.headers.emplace_back(lower(field.name()), field.value());
  });
  result.body = request->body();
  result.remote_address = request->remote_endpoint().address().to_string();
  return result;
}

restinio::http_status_line_t status_line(const HttpResponse& response) {
  return restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
                                      reason_phrase(response.status)};
}

using ChunkedBuilder = restinio::response_builder_t<restinio::chunked_output_t>;

// Writes the next piece once the previous one has gone out (see BodyPieces). A reader that went
// away ends the writing. A piece that cannot be made leaves the response without its final
// chunk, so the reader sees an incomplete download rather than a complete-looking short one.
void send_next_piece(const std::shared_ptr<ChunkedBuilder>& builder, const std::shared_ptr<BodyPieces>& pieces) {
  std::optional<std::string> piece;
  try {
    piece = (*pieces)();
  } catch (const std::exception&) {
    return;
  }
  if (!piece) {
    builder->done();
    return;
  }
  builder->append_chunk(std::move(*piece));
  builder->flush([builder, pieces](const restinio::asio_ns::error_code& error) {
    if (!error) send_next_piece(builder, pieces);
  });
}

void send_in_pieces(const restinio::request_handle_t& request, const HttpResponse& response) {
  auto builder =
      std::make_shared<ChunkedBuilder>(request->create_response<restinio::chunked_output_t>(status_line(response)));
  for (const auto& [name, value] : response.headers) builder->append_header(name, value);
  send_next_piece(builder, std::make_shared<BodyPieces>(response.pieces));
}

void send(const restinio::request_handle_t& request, const HttpResponse& response, bool head) {
  if (response.pieces && !head) return send_in_pieces(request, response);
  auto builder = request->create_response(status_line(response));
  for (const auto& [name, value] : response.headers) builder.append_header(name, value);
  if (!head) builder.set_body(response.body);
  builder.done();
}

}  // namespace

void serve(const App& app, const ServerOptions& options, const std::function<void()>& on_ready) {
  AccessLog access_log(options.access_log);
  restinio::asio_ns::io_context io_context;

  auto handler = [&app, &access_log](const restinio::request_handle_t& request) {
    const auto started = std::chrono::steady_clock::now();
    auto http_request = to_http_request(request);
    const bool head = http_request.method == HttpMethod::head;
    const auto response = app.handle(http_request);
    send(request, response, head);
    access_log.record(http_request, response,
                      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started));
    return restinio::request_accepted();
  };

  restinio::server_settings_t<Traits> settings;
  settings.port(options.port)
      .address(options.bind_address)
      .request_handler(std::move(handler))
      // Answers leave as soon as they are written: with Nagle's algorithm the last part of a large
      // answer could wait for the client's delayed acknowledgement, tens of milliseconds.
      .socket_options_setter([](restinio::socket_options_t& socket) {
        socket.set_option(restinio::asio_ns::ip::tcp::no_delay{true});
      })
      .read_next_http_message_timelimit(std::chrono::seconds(30))
      .write_http_response_timelimit(std::chrono::seconds(30))
      .handle_request_timeout(std::chrono::seconds(30))
      // Hard ceilings, above the App's own limits (AppLimits): a request between the two reaches
      // the App, which answers 414 or 431. Above them RESTinio closes the connection without an
      // answer, and so does http_parser above 80 KiB of request line and headers
      // (docs/decisions.md says why nothing can answer there).
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(64 * 1024)
                                    .max_field_name_size(64 * 1024)
                                    .max_field_value_size(64 * 1024)
                                    .max_field_count(1000)
                                    .max_body_size(options.max_request_bytes));
  restinio::http_server_t<Traits> server{restinio::external_io_context(io_context), std::move(settings)};

  std::exception_ptr failure;
  std::mutex failure_mutex;
  restinio::asio_ns::signal_set stop_signals{io_context, SIGINT, SIGTERM};
  stop_signals.async_wait([&](const restinio::asio_ns::error_code& error, int) {
    if (error) return;
    server.close_async([&io_context] { io_context.stop(); },
                       [&](std::exception_ptr closing_failure) {
                         std::lock_guard lock(failure_mutex);
                         failure = closing_failure;
                         io_context.stop();
                       });
  });
  server.open_async([&on_ready] { on_ready(); },
                    [&](std::exception_ptr opening_failure) {
                      std::lock_guard lock(failure_mutex);
                      failure = opening_failure;
                      io_context.stop();
                    });

  const unsigned threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&io_context] { io_context.run(); });
  io_context.run();
  for (auto& thread : pool) thread.join();
  access_log.flush();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace att::web
