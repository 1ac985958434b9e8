// Publishing in the documents library, for chairs and the Secretariat (permission
// publish_announcements), with forms that work without script: /documents/new describes a new
// document (symbol, title, summary, audience); the document's page then takes a new version with
// a file per language (multipart, each file checked as report attachments are).
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_documents_publish(Router& router, const AppContext& app);

}  // namespace att::web
