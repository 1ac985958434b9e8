// The cache of printed PDFs: found by key, least recently used dropped first past the size limit.
#include <gtest/gtest.h>

#include "web/kit/pdf_cache.hpp"

namespace att::web {
namespace {

TEST(PdfCache, KeepsWhatWasPrintedUnderItsKey) {
  PdfCache cache(100);
  EXPECT_FALSE(cache.find("a"));
  cache.keep("a", "%PDF-a");
  ASSERT_TRUE(cache.find("a"));
  EXPECT_EQ(*cache.find("a"), "%PDF-a");
  EXPECT_FALSE(cache.find("b"));
}

TEST(PdfCache, DropsTheLeastRecentlyUsedPastTheLimit) {
  PdfCache cache(30);
  cache.keep("a", std::string(10, 'a'));
  cache.keep("b", std::string(10, 'b'));
  cache.keep("c", std::string(10, 'c'));
  ASSERT_TRUE(cache.find("a")) << "a is used again: b is now the oldest";
  cache.keep("d", std::string(10, 'd'));
  EXPECT_FALSE(cache.find("b"));
  EXPECT_TRUE(cache.find("a"));
  EXPECT_TRUE(cache.find("c"));
  EXPECT_TRUE(cache.find("d"));
}

TEST(PdfCache, ADocumentLargerThanTheWholeCacheIsNotKept) {
  PdfCache cache(30);
  cache.keep("small", "x");
  cache.keep("huge", std::string(31, 'h'));
  EXPECT_FALSE(cache.find("huge"));
  EXPECT_TRUE(cache.find("small")) << "and it does not push out the others";
}

TEST(PdfCache, TheFirstCopyOfAKeyStays) {
  PdfCache cache(100);
  cache.keep("a", "first");
  cache.keep("a", "second");
  EXPECT_EQ(*cache.find("a"), "first");
}

}  // namespace
}  // namespace att::web
