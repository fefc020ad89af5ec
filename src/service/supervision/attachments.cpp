#include "service/supervision/attachments.h"

#include <optional>
#include <random>
#include <utility>

#include "store/journal.h"

namespace gj::service {

using nlohmann::json;

namespace {

struct FileType {
  const char* content_type;
  const char* ext;
};

// What the bytes are (never what the client says): PDF, PNG, JPEG.
std::optional<FileType> SniffType(const std::string& b) {
  if (b.rfind("%PDF-", 0) == 0) return FileType{"application/pdf", ".pdf"};
  if (b.size() > 8 && b.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) == 0)
    return FileType{"image/png", ".png"};
  if (b.size() > 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
      static_cast<unsigned char>(b[2]) == 0xFF) {
    return FileType{"image/jpeg", ".jpg"};
  }
  return std::nullopt;
}

// A display name from the client's name: its last path component, no control characters or
// quotes, at most 120 bytes (cut on a UTF-8 boundary).
std::string CleanFileName(const std::string& raw, const std::string& ext) {
  const size_t slash = raw.find_last_of("/\\");
  const std::string base = raw.substr(slash == std::string::npos ? 0 : slash + 1);
  std::string out;
  for (unsigned char ch : base) {
    if (ch < 0x20 || ch == 0x7f || ch == '"' || ch == '\\' || ch == '/') continue;
    out += static_cast<char>(ch);
  }
  if (out.size() > 120) {
    size_t n = 120;
    while (n > 0 && (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) --n;
    out.resize(n);
  }
  if (out.empty() || out == "." || out == "..") out = "file" + ext;
  return out;
}

// 128 random bits: a key nobody guesses and no two uploads share.
std::string RandomKey() {
  std::random_device rd;
  static const char* kHex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 32; ++i) s += kHex[rd() % 16];
  return s;
}

}  // namespace

Result<store::AttachmentRow> Attachments::Keep(const Upload& up) {
  if (up.bytes.empty()) return Error::Invalid("the file is empty", {{"file", "", "required", 0, {}}});
  if (up.bytes.size() > kMaxAttachmentBytes) {
    return Error{ErrorCode::kPayloadTooLarge,
                 "the file is larger than " + std::to_string(kMaxAttachmentBytes >> 20) + " MB",
                 {},
                 {}};
  }
  auto type = SniffType(up.bytes);
  if (!type) {
    return Error::Invalid("only PDF, PNG and JPEG files are accepted",
                          {{"file", up.file_name, "not a PDF, PNG or JPEG file", 0, {"pdf", "png", "jpeg"}}});
  }
  store::AttachmentRow a;
  a.stored_name = RandomKey() + type->ext;
  a.content_type = type->content_type;
  a.file_name = CleanFileName(up.file_name, type->ext);
  a.size = static_cast<int64_t>(up.bytes.size());
  if (auto st = files_.Put(a.stored_name, up.bytes); !st) return st.error();
  return a;
}

Result<store::AttachmentRow> Attachments::Attach(store::Connection& c, const Ctx& ctx,
                                                 const std::string& owner, int64_t owner_id,
                                                 const Upload& up) {
  auto a = Keep(up);
  if (!a) return a.error();
  a->owner = owner;
  a->owner_id = owner_id;
  a->user_id = ctx.caller.user_id;
  a->created_at = ctx.now;
  store::Transaction tx(c);
  a->id = store::InsertAttachment(c, *a);
  const std::string shown = a->file_name + " (" + std::to_string(a->size) + " B)";
  store::WriteJournal(c, owner, owner_id, "attach", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "attachment"}, {"old", nullptr}, {"new", shown}}}));
  tx.Commit();
  return a;
}

Result<Download> Attachments::Read(const store::AttachmentRow& a) const {
  auto bytes = files_.Get(a.stored_name);
  if (!bytes) return Error{ErrorCode::kInternal, "the stored file is missing", {}, {}};
  return Download{std::move(bytes.value()), a.content_type, a.file_name};
}

}  // namespace gj::service
