// Uploaded evidence (problems) and approval documents (procedures): the type and size checks, the
// row that names the bytes, and the bytes themselves in an io::FileStore. The bytes are kept under
// a random key of ours, never under a name the client chose.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "io/file_store.h"
#include "service/context.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

// Size limit and accepted types (checked on the bytes, not on the client's name or header).
constexpr size_t kMaxAttachmentBytes = 10u << 20;

struct Upload {
  std::string bytes;
  std::string file_name;  // as the client sent it: only shown, never used as a path
};

struct Download {
  std::string bytes;
  std::string content_type;
  std::string file_name;
};

class Attachments {
 public:
  explicit Attachments(io::FileStore& files) : files_(files) {}

  // Checks and keeps `up`, then records it as owned by `owner` `owner_id` with its journal entry
  // (on the owner's entity) in one transaction on `c`. Answers the stored row.
  Result<store::AttachmentRow> Attach(store::Connection& c, const Ctx& ctx, const std::string& owner,
                                      int64_t owner_id, const Upload& up);
  // The bytes of a stored attachment (kInternal when they are missing).
  Result<Download> Read(const store::AttachmentRow& a) const;

 private:
  // The row of an upload that passed the checks, its bytes kept under the row's stored_name.
  Result<store::AttachmentRow> Keep(const Upload& up);

  io::FileStore& files_;
};

}  // namespace gj::service
