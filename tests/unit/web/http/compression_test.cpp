// gzip bodies, Accept-Encoding negotiation and the cache of computed bodies.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "web/http/compression.hpp"
#include "web/http/response_cache.hpp"

namespace att::web {
namespace {

std::string sample_json(int states) {
  std::string text = "[";
  for (int i = 0; i < states; ++i) {
    if (i) text += ",";
    text += R"({"iso3":"S)" + std::to_string(i) + R"(","name":"State )" + std::to_string(i) +
            R"(","status":"party","region":"Europe"})";
  }
  return text + "]";
}

HttpRequest with_encoding(const std::string& accept_encoding) {
  HttpRequest request;
  request.method = HttpMethod::get;
  request.path = "/x";
  if (!accept_encoding.empty()) request.headers.emplace_back("accept-encoding", accept_encoding);
  return request;
}

TEST(Gzip, DecompressingGivesBackTheSameBytes) {
  for (const auto& plain : {std::string(), std::string("x"), sample_json(196), std::string(300000, '\0')}) {
    const auto compressed = gzip(plain);
    ASSERT_GE(compressed.size(), 18u);  // header and trailer
    EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8b);
    const auto back = gunzip(compressed);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, plain);
  }
}

TEST(Gzip, RepetitiveJsonShrinksToAFraction) {
  const auto plain = sample_json(196);
  EXPECT_LT(gzip(plain).size() * 5, plain.size());
}

TEST(Gzip, GarbageAndTruncatedInputAreRefused) {
  EXPECT_FALSE(gunzip("not gzip at all").has_value());
  const auto compressed = gzip(sample_json(50));
  EXPECT_FALSE(gunzip(std::string_view(compressed).substr(0, compressed.size() - 5)).has_value());
  EXPECT_FALSE(gunzip(compressed + "trailing").has_value());
}

TEST(AcceptEncoding, GzipOnlyWhenTheClientAllowsIt) {
  EXPECT_FALSE(accepts_gzip(with_encoding("")));
  EXPECT_TRUE(accepts_gzip(with_encoding("gzip")));
  EXPECT_TRUE(accepts_gzip(with_encoding("gzip, deflate, br")));
  EXPECT_TRUE(accepts_gzip(with_encoding("br;q=1.0, GZIP;q=0.5")));
  EXPECT_TRUE(accepts_gzip(with_encoding("x-gzip")));
  EXPECT_TRUE(accepts_gzip(with_encoding("*")));
  EXPECT_FALSE(accepts_gzip(with_encoding("gzip;q=0")));
  EXPECT_FALSE(accepts_gzip(with_encoding("gzip;q=0.000, *")));
  EXPECT_FALSE(accepts_gzip(with_encoding("deflate, br")));
  EXPECT_FALSE(accepts_gzip(with_encoding("identity")));
  EXPECT_FALSE(accepts_gzip(with_encoding("*;q=0")));
  EXPECT_FALSE(accepts_gzip(with_encoding("gzipx")));
}

TEST(EncodedBody, ServesTheFormTheRequestAcceptsAndVariesOnIt) {
  const auto body = EncodedBody::of(sample_json(100));
  ASSERT_FALSE(body.gzipped.empty());

  HttpResponse plain;
  set_encoded_body(with_encoding("br"), body, plain);
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body, body.plain);
  EXPECT_FALSE(plain.header("content-encoding").has_value());
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");

  HttpResponse compressed;
  set_encoded_body(with_encoding("gzip"), body, compressed);
  EXPECT_EQ(compressed.header("content-encoding"), "gzip");
  EXPECT_EQ(compressed.header("vary"), "Accept-Encoding");
  EXPECT_EQ(gunzip(compressed.body), body.plain);
  // The two forms are different representations: they must not share an ETag.
  EXPECT_NE(plain.header("etag"), compressed.header("etag"));

  auto again = with_encoding("gzip");
  again.headers.emplace_back("if-none-match", *compressed.header("etag"));
  HttpResponse not_modified;
  set_encoded_body(again, body, not_modified);
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());

  auto other_form = with_encoding("");
  other_form.headers.emplace_back("if-none-match", *compressed.header("etag"));
  HttpResponse full;
  set_encoded_body(other_form, body, full);
  EXPECT_EQ(full.status, 200);
  EXPECT_EQ(full.body, body.plain);
}

TEST(EncodedBody, ATinyBodyIsNeverSentCompressed) {
  const auto body = EncodedBody::of("{}");
  EXPECT_TRUE(body.gzipped.empty());
  HttpResponse response;
  set_encoded_body(with_encoding("gzip"), body, response);
  EXPECT_EQ(response.body, "{}");
  EXPECT_FALSE(response.header("content-encoding").has_value());
}

TEST(ResponseCache, ComputesOnceAndGivesTheSameBytesAsComputing) {
  ResponseCache cache;
  int calls = 0;
  const auto compute = [&] {
    ++calls;
    return sample_json(196);
  };
  const auto first = cache.get("2024-01-01||", compute);
  const auto second = cache.get("2024-01-01||", compute);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(first->plain, sample_json(196));
  EXPECT_EQ(second->plain, first->plain);
  EXPECT_EQ(gunzip(second->gzipped), sample_json(196));
  const auto other = cache.get("2014-12-24|Europe|", [] { return sample_json(3); });
  EXPECT_NE(other->plain, first->plain);
  EXPECT_EQ(cache.computed(), 2u);
}

TEST(ResponseCache, KeepsAtMostItsLimitDroppingTheLeastRecentlyUsed) {
  ResponseCache cache(2);
  int calls = 0;
  const auto compute = [&] { return std::to_string(++calls); };
  cache.get("a", compute);
  cache.get("b", compute);
  cache.get("a", compute);  // a is now the most recent
  cache.get("c", compute);  // b goes
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.get("a", compute)->plain, "1");
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(cache.get("b", compute)->plain, "4");
}

TEST(ResponseCache, ManyThreadsSeeOneAnswerPerKey) {
  ResponseCache cache(8);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, &wrong, t] {
      for (int i = 0; i < 2000; ++i) {
        const auto key = std::to_string((i + t) % 16);
        if (cache.get(key, [&] { return "body " + key; })->plain != "body " + key) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_LE(cache.size(), 8u);
}

}  // namespace
}  // namespace att::web
