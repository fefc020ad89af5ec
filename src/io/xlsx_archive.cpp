#include "io/xlsx_archive.h"

#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "io/input_limits.h"

namespace gj::io::xlsx {

namespace {

voidpf ZCALLBACK MemOpen(voidpf opaque, const void*, int mode) {
  if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
  static_cast<MemStream*>(opaque)->pos = 0;
  return opaque;
}

uLong ZCALLBACK MemRead(voidpf, voidpf stream, void* buf, uLong size) {
  auto* s = static_cast<MemStream*>(stream);
  const uint64_t left = s->pos < s->data.size() ? s->data.size() - s->pos : 0;
  const uLong n = static_cast<uLong>(std::min<uint64_t>(size, left));
  if (n) std::memcpy(buf, s->data.data() + s->pos, n);
  s->pos += n;
  return n;
}

uLong ZCALLBACK MemWrite(voidpf, voidpf, const void*, uLong) { return 0; }  // read-only

ZPOS64_T ZCALLBACK MemTell(voidpf, voidpf stream) { return static_cast<MemStream*>(stream)->pos; }

long ZCALLBACK MemSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* s = static_cast<MemStream*>(stream);
  uint64_t base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = s->pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = s->data.size(); break;
    default: return -1;
  }
  const uint64_t target = base + offset;
  if (target > s->data.size()) return -1;
  s->pos = target;
  return 0;
}

int ZCALLBACK MemClose(voidpf, voidpf) { return 0; }
int ZCALLBACK MemError(voidpf, voidpf) { return 0; }

constexpr uint64_t kRatioFloor = 1u << 20;  // tiny parts compress arbitrarily well and cannot hurt
constexpr unsigned kChunk = 256u << 10;

}  // namespace

Archive::Archive(std::string_view bytes, const XlsxLimits& limits, InflateBudget& budget)
    : stream_{bytes, 0}, limits_(limits), budget_(budget) {
  zlib_filefunc64_def funcs{};
  funcs.zopen64_file = MemOpen;
  funcs.zread_file = MemRead;
  funcs.zwrite_file = MemWrite;
  funcs.ztell64_file = MemTell;
  funcs.zseek64_file = MemSeek;
  funcs.zclose_file = MemClose;
  funcs.zerror_file = MemError;
  funcs.opaque = &stream_;
  zip_ = unzOpen2_64("memory", &funcs);
}

Archive::~Archive() {
  if (zip_) unzClose(zip_);
}

Result<std::optional<std::string>> Archive::Read(const std::string& name, uint64_t max_bytes) {
  std::string out;
  bool reserved = false;
  auto found = Stream(name, max_bytes, kChunk, [&](std::string_view chunk) -> Status {
    if (!reserved) out.reserve(static_cast<size_t>(reserve_)), reserved = true;
    out.append(chunk);
    return Ok{};
  });
  if (!found) return found.error();
  if (!*found) return std::optional<std::string>();
  return std::optional<std::string>(std::move(out));
}

Result<bool> Archive::Stream(const std::string& name, uint64_t max_bytes, size_t chunk_bytes,
                             const Sink& sink) {
  if (unzLocateFile(zip_, name.c_str(), 2) != UNZ_OK) return false;
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
    return Error::Invalid("xlsx: cannot read the zip entry of " + name);
  }
  const uint64_t cap = std::min(max_bytes, limits_.max_part_bytes);
  // An honest header over a cap is refused before inflating anything; a lying one is caught below.
  if (info.uncompressed_size > cap) {
    return LimitExceeded("xlsx", "max_part_bytes", cap, name,
                         "a part of the workbook would inflate beyond the limit (zip bomb?)");
  }
  if (unzOpenCurrentFile(zip_) != UNZ_OK) return Error::Invalid("xlsx: cannot open " + name + " in the zip");
  const auto inflated = Inflate(name, info.uncompressed_size, info.compressed_size, cap,
                                std::max<size_t>(1, chunk_bytes), sink);
  const int closed = unzCloseCurrentFile(zip_);  // reports a CRC mismatch of fully read data
  if (!inflated) return inflated.error();
  if (closed != UNZ_OK) return Error::Invalid("xlsx: " + name + " is corrupt (checksum mismatch)");
  return true;
}

// The header's sizes are only hints: every chunk actually inflated is counted against the part's
// cap, the workbook's budget and the ratio to the compressed bytes (which cannot exceed the file).
Status Archive::Inflate(const std::string& name, uint64_t declared, uint64_t compressed, uint64_t cap,
                        size_t chunk_bytes, const Sink& sink) {
  compressed = std::max<uint64_t>(1, std::min<uint64_t>(compressed, stream_.data.size()));
  // What Read reserves: as declared, but never more than the caps let the part become.
  reserve_ = std::min({declared, cap, kRatioFloor + compressed * limits_.max_ratio});
  std::vector<char> chunk(chunk_bytes);
  const unsigned ask = static_cast<unsigned>(std::min<size_t>(chunk_bytes, 1u << 30));
  uint64_t total = 0;
  while (true) {
    const int n = unzReadCurrentFile(zip_, chunk.data(), ask);
    if (n < 0)
      return Error::Invalid("xlsx: " + name + " is corrupt (inflate error " + std::to_string(n) + ")");
    if (n == 0) break;
    const auto got = static_cast<uint64_t>(n);
    if (total + got > cap) {
      return LimitExceeded("xlsx", "max_part_bytes", cap, name,
                           "a part of the workbook inflates beyond the limit (zip bomb?)");
    }
    if (budget_.used.fetch_add(got) + got > budget_.max) {
      return LimitExceeded("xlsx", "max_uncompressed_bytes", budget_.max, name,
                           "the workbook inflates beyond the limit (zip bomb?)");
    }
    if (total + got > declared) {
      return Error::Invalid("xlsx: " + name + " does not have the size its zip entry declares (zip bomb?)");
    }
    total += got;
    if (total > kRatioFloor && total / compressed > limits_.max_ratio) {
      return LimitExceeded("xlsx", "max_ratio", limits_.max_ratio, name,
                           "a part of the workbook has a compression ratio over the limit (zip bomb?)");
    }
    if (auto st = sink(std::string_view(chunk.data(), static_cast<size_t>(got))); !st) return st;
  }
  if (total != declared) {
    return Error::Invalid("xlsx: " + name + " does not have the size its zip entry declares (zip bomb?)");
  }
  return Ok{};
}

bool ChunkQueue::Push(std::string chunk) {
  std::unique_lock lock(m_);
  cv_.wait(lock, [&] { return stopped_ || q_.size() < max_; });
  if (stopped_) return false;
  q_.push_back(std::move(chunk));
  cv_.notify_all();
  return true;
}

void ChunkQueue::Close() {
  std::lock_guard lock(m_);
  closed_ = true;
  cv_.notify_all();
}

std::optional<std::string> ChunkQueue::Pop() {
  std::unique_lock lock(m_);
  cv_.wait(lock, [&] { return stopped_ || closed_ || !q_.empty(); });
  if (stopped_ || q_.empty()) return std::nullopt;
  std::string chunk = std::move(q_.front());
  q_.pop_front();
  cv_.notify_all();
  return chunk;
}

void ChunkQueue::Stop() {
  std::lock_guard lock(m_);
  stopped_ = true;
  q_.clear();
  cv_.notify_all();
}

bool ChunkQueue::stopped() {
  std::lock_guard lock(m_);
  return stopped_;
}

}  // namespace gj::io::xlsx
