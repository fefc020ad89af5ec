// The only file that includes Boost.Beast/Asio (they are heavy to compile): see server.h.
#include "api/http/server.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>

#include "api/http/target.h"

namespace gj::api::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using SteadyClock = std::chrono::steady_clock;

Headers SecurityHeaders(bool hsts) {
  Headers h = {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob: https:; connect-src 'self'; frame-ancestors 'none'; "
       "base-uri 'self'; form-action 'self'; object-src 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
  };
  if (hsts) h.emplace_back("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return h;
}

namespace {

// Parses a request straight into a Request (no intermediate beast::http::fields).
class RequestParser final : public bhttp::basic_parser<true> {
 public:
  explicit RequestParser(Request& req) : req_(req) {}

 private:
  void on_request_impl(bhttp::verb, beast::string_view method, beast::string_view target, int version,
                       error_code&) override {
    req_.method.assign(method.data(), method.size());
    req_.target.assign(target.data(), target.size());
    req_.version = version;
  }
  void on_response_impl(int, beast::string_view, int, error_code&) override {}
  void on_field_impl(bhttp::field, beast::string_view name, beast::string_view value, error_code&) override {
    req_.headers.emplace_back(std::string(name.data(), name.size()), std::string(value.data(), value.size()));
  }
  void on_header_impl(error_code&) override {}
  // The length was checked against the route's limit before the body is read.
  void on_body_init_impl(const boost::optional<std::uint64_t>& length, error_code&) override {
    if (length) req_.body.reserve(static_cast<size_t>(*length));
  }
  size_t on_body_impl(beast::string_view s, error_code&) override {
    req_.body.append(s.data(), s.size());
    return s.size();
  }
  void on_chunk_header_impl(std::uint64_t, beast::string_view, error_code&) override {}
  size_t on_chunk_body_impl(std::uint64_t, beast::string_view s, error_code&) override {
    req_.body.append(s.data(), s.size());
    return s.size();
  }
  void on_finish_impl(error_code&) override {}

  Request& req_;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A header value as written: CR and LF dropped (no response splitting whatever a handler sets).
void AppendFieldValue(std::string& out, std::string_view v) {
  for (char c : v) {
    if (c != '\r' && c != '\n') out += c;
  }
}

// A request the parser refused (not a peer gone or a timeout): answered 400.
bool IsMalformed(const error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
// Bytes and time a closing connection still reads (and drops) after an early error answer, so the
// client, still sending its body, reads the answer instead of a reset.
constexpr size_t kLingerBytes = 16u << 20;
constexpr std::chrono::milliseconds kLinger{3000};

}  // namespace

class Session;

struct Server::Impl {
  Impl(ServerConfig c, const RouteTable& r)
      : config(std::move(c)),
        routes(r),
        ioc(config.io_threads),
        accept_strand(asio::make_strand(ioc)),
        acceptor(accept_strand),
        retry(accept_strand),
        pool(static_cast<size_t>(std::max(1, config.workers))) {}

  void Accept();
  void OnAccept(const error_code& ec, tcp::socket socket);
  void Register(Session* s, const std::shared_ptr<Session>& p) {
    std::lock_guard lock(mu);
    sessions.emplace(s, p);
  }
  void Unregister(Session* s) {
    std::lock_guard lock(mu);
    sessions.erase(s);
    if (sessions.empty()) cv.notify_all();
  }
  template <class F>
  void ForEachSession(F f);

  ServerConfig config;
  const RouteTable& routes;
  std::string busy_reply;  // the 503 of a connection beyond max_connections
  // Declared before the I/O objects: sessions unregister while those are destroyed.
  mutable std::mutex mu;
  std::condition_variable cv;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  std::atomic<bool> stopping{false};
  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> accept_strand;
  tcp::acceptor acceptor;
  asio::steady_timer retry;
  asio::thread_pool pool;  // the handlers
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Server::Impl& srv, tcp::socket&& socket)
      : srv_(srv), stream_(std::move(socket)), buffer_(srv.config.max_header_bytes + (64u << 10)) {}
  ~Session() { srv_.Unregister(this); }

  void Start() {
    srv_.Register(this, shared_from_this());
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      error_code ec;
      const auto remote = self->stream_.socket().remote_endpoint(ec);
      if (!ec) {
        self->remote_addr_ = remote.address().to_string();
        self->remote_port_ = remote.port();
      }
      self->WaitRequest();
    });
  }

  // The server stops: an idle connection is closed now, a busy one after its answer.
  void OnStop() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->state_ == State::kIdle) self->Close();
    });
  }
  void ForceClose() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
  }

 private:
  enum class State { kIdle, kBusy, kClosed };

  // Between requests: waits for the next one's first byte (idle timeout; the first request of a
  // connection gets the header timeout).
  void WaitRequest() {
    if (state_ == State::kClosed) return;
    if (srv_.stopping) return Close();
    state_ = State::kIdle;
    if (buffer_.size() > 0) return ReadHeader();
    stream_.expires_after(first_ ? srv_.config.header_timeout : srv_.config.idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](const error_code& ec, size_t n) {
                              if (ec || self->state_ == State::kClosed) return self->Close();
                              self->buffer_.commit(n);
                              self->ReadHeader();
                            });
  }

  void ReadHeader() {
    state_ = State::kBusy;
    first_ = false;
    req_.Clear();
    res_.Clear();
    parser_.emplace(req_);
    parser_->header_limit(static_cast<std::uint32_t>(srv_.config.max_header_bytes));
    // The route's limit is set once the header names the route (boost::none would refuse any
    // Content-Length: Beast 1.74 compares the length with the optional as is).
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    // A header already read whole (the usual case: it came in one packet) is parsed here, without
    // another trip through the I/O loop and its timer.
    if (buffer_.size() > 0) {
      error_code ec;
      buffer_.consume(parser_->put(buffer_.data(), ec));
      if (ec != bhttp::error::need_more) return OnHeader(ec);
    }
    stream_.expires_after(srv_.config.header_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](const error_code& ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(const error_code& ec) {
    if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow)
      return Refuse(431, "header_too_large", "the request header is larger than the server accepts");
    if (ec) {
      // A timeout has closed the socket already (tcp_stream); a peer gone needs no answer.
      if (IsMalformed(ec)) return Refuse(400, "bad_request", "malformed HTTP request");
      return Close();
    }
    req_.remote_addr = remote_addr_;
    req_.remote_port = remote_port_;
    switch (ParseTarget(req_.target, req_.path, req_.params)) {
      case TargetStatus::kOk: break;
      case TargetStatus::kMalformed: return Refuse(400, "bad_request", "malformed request target");
      case TargetStatus::kTraversal: return Refuse(400, "bad_request", "the path has a \"..\" segment");
    }
    // Never decompressed: a small gzip body must not become megabytes in memory.
    for (const auto& [name, value] : req_.headers) {
      if (IEquals(name, "Content-Encoding") && !IEquals(Trim(value), "identity"))
        return Refuse(415, "unsupported_media_type",
                      "compressed request bodies (Content-Encoding) are not accepted");
      if (IEquals(name, "Transfer-Encoding") && !IEquals(Trim(value), "chunked"))
        return Refuse(501, "not_implemented", "the only transfer coding accepted is chunked");
    }
    route_ = &srv_.routes.Find(req_);
    const size_t limit = route_->max_body;
    if (const auto length = parser_->content_length(); length && *length > limit)
      return Refuse(413, "payload_too_large", "the request body is larger than this endpoint accepts");
    parser_->body_limit(static_cast<std::uint64_t>(limit));
    if (parser_->is_done()) return Dispatch();
    body_deadline_ = SteadyClock::now() + srv_.config.body_timeout;
    if (IEquals(req_.get_header_value("Expect"), "100-continue")) {
      stream_.expires_after(srv_.config.write_timeout);
      return asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                               [self = shared_from_this()](const error_code& ec, size_t) {
                                 if (ec) return self->Close();
                                 self->ReadBody();
                               });
    }
    ReadBody();
  }

  void ReadBody() {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(body_deadline_ - SteadyClock::now());
    if (left.count() <= 0) return Close();
    stream_.expires_after(std::min(left, srv_.config.body_idle_timeout));
    bhttp::async_read_some(stream_, buffer_, *parser_,
                           [self = shared_from_this()](const error_code& ec, size_t) {
                             if (ec == bhttp::error::body_limit)
                               return self->Refuse(413, "payload_too_large",
                                                   "the request body is larger than this endpoint accepts");
                             if (ec) {
                               if (IsMalformed(ec))
                                 return self->Refuse(400, "bad_request", "malformed request body");
                               return self->Close();
                             }
                             if (self->parser_->is_done()) return self->Dispatch();
                             self->ReadBody();
                           });
  }

  // The request is complete: its handler runs on a worker (the connection waits, reading nothing).
  void Dispatch() {
    keep_alive_ = parser_->keep_alive();
    parser_.reset();
    stream_.expires_never();
    asio::post(srv_.pool, [self = shared_from_this()] {
      try {
        self->route_->handler(self->req_, self->res_);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s %s: %s\n", self->req_.method.c_str(), self->req_.path.c_str(),
                     e.what());
        self->res_.Clear();
        SetError(self->res_, 500, "internal", "internal error; the request changed nothing");
      }
      asio::post(self->stream_.get_executor(), [self] { self->Write(false); });
    });
  }

  // An answer the server gives itself before reading the rest of the request: then it closes.
  void Refuse(int status, std::string_view code, std::string_view message) {
    state_ = State::kBusy;
    parser_.reset();
    keep_alive_ = false;
    res_.Clear();
    SetError(res_, status, code, message);
    Write(true);
  }

  void SerializeHead(bool close) {
    head_.clear();
    head_ += "HTTP/1.1 ";
    head_ += std::to_string(res_.status);
    head_ += ' ';
    const auto reason = bhttp::obsolete_reason(bhttp::int_to_status(static_cast<unsigned>(res_.status)));
    head_.append(reason.data(), reason.size());
    head_ += "\r\n";
    for (const auto& [name, value] : res_.headers) {
      if (IEquals(name, "Content-Length") || IEquals(name, "Connection") ||
          IEquals(name, "Transfer-Encoding"))
        continue;
      AppendFieldValue(head_, name);
      head_ += ": ";
      AppendFieldValue(head_, value);
      head_ += "\r\n";
    }
    for (const auto& [name, value] : srv_.config.default_headers) {
      if (res_.has_header(name)) continue;
      head_ += name;
      head_ += ": ";
      head_ += value;
      head_ += "\r\n";
    }
    head_ += "Content-Length: ";
    head_ += std::to_string(res_.body.size());
    head_ += "\r\n";
    if (close) head_ += "Connection: close\r\n";
    else if (req_.version < 11) head_ += "Connection: keep-alive\r\n";
    head_ += "\r\n";
  }

  void Write(bool linger) {
    if (state_ == State::kClosed) return;
    const bool close = linger || !keep_alive_ || srv_.stopping;
    SerializeHead(close);
    std::array<asio::const_buffer, 2> buffers{asio::buffer(head_), asio::const_buffer()};
    if (req_.method != "HEAD") buffers[1] = asio::buffer(res_.body);
    stream_.expires_after(srv_.config.write_timeout);
    asio::async_write(stream_, buffers,
                      [self = shared_from_this(), close, linger](const error_code& ec, size_t) {
                        if (ec) return self->Close();
                        if (linger) return self->Linger();
                        if (close) return self->Close();
                        if (self->res_.body.capacity() > (256u << 10)) std::string().swap(self->res_.body);
                        self->WaitRequest();
                      });
  }

  // After an early error answer: no more sending, and what the client still sends is read and
  // dropped for a while, so its side sees the answer rather than a connection reset.
  void Linger() {
    error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    linger_until_ = SteadyClock::now() + kLinger;
    linger_bytes_ = 0;
    buffer_.consume(buffer_.size());
    Drain();
  }

  void Drain() {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(linger_until_ - SteadyClock::now());
    if (left.count() <= 0 || linger_bytes_ > kLingerBytes) return Close();
    stream_.expires_after(left);
    stream_.async_read_some(buffer_.prepare(16384),
                            [self = shared_from_this()](const error_code& ec, size_t n) {
                              if (ec) return self->Close();
                              self->linger_bytes_ += n;
                              self->Drain();
                            });
  }

  void Close() {
    if (state_ == State::kClosed) return;
    state_ = State::kClosed;
    error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  Server::Impl& srv_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  Request req_;
  Response res_;
  std::string head_;
  const RouteTable::Route* route_ = nullptr;
  std::string remote_addr_;
  int remote_port_ = 0;
  State state_ = State::kIdle;
  bool first_ = true;
  bool keep_alive_ = true;
  SteadyClock::time_point body_deadline_;
  SteadyClock::time_point linger_until_;
  size_t linger_bytes_ = 0;
};

template <class F>
void Server::Impl::ForEachSession(F f) {
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(mu);
    live.reserve(sessions.size());
    for (auto& [_, weak] : sessions) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) f(*s);
}

void Server::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](const error_code& ec, tcp::socket socket) {
    OnAccept(ec, std::move(socket));
  });
}

void Server::Impl::OnAccept(const error_code& ec, tcp::socket socket) {
  if (stopping || ec == asio::error::operation_aborted) return;
  if (ec) {
    // Out of file descriptors (or another passing failure): try again shortly, without spinning.
    retry.expires_after(std::chrono::milliseconds(50));
    retry.async_wait([this](const error_code& e) {
      if (!e && !stopping) Accept();
    });
    return;
  }
  size_t open = 0;
  {
    std::lock_guard lock(mu);
    open = sessions.size();
  }
  if (open >= static_cast<size_t>(config.max_connections)) {
    error_code ignored;
    socket.non_blocking(true, ignored);
    socket.write_some(asio::buffer(busy_reply), ignored);
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
  } else {
    error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    std::make_shared<Session>(*this, std::move(socket))->Start();
  }
  Accept();
}

Server::Server(ServerConfig config, const RouteTable& routes)
    : impl_(std::make_unique<Impl>(std::move(config), routes)) {
  Response busy;
  SetError(busy, 503, "unavailable", "the server has too many open connections; try again");
  std::string& out = impl_->busy_reply;
  out = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n";
  for (const auto& headers : {busy.headers, impl_->config.default_headers}) {
    for (const auto& [name, value] : headers) out += name + ": " + value + "\r\n";
  }
  out += "Content-Length: " + std::to_string(busy.body.size()) + "\r\nConnection: close\r\n\r\n" + busy.body;
}

Server::~Server() {
  Stop();
  impl_->pool.join();
  impl_->ioc.stop();
}

bool Server::Listen(std::string& error) {
  error_code ec;
  const auto address = asio::ip::make_address(impl_->config.host, ec);
  if (ec) {
    error = "bad address '" + impl_->config.host + "': " + ec.message();
    return false;
  }
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->config.port));
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (!ec) return true;
  error = ec.message();
  return false;
}

int Server::port() const {
  error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

size_t Server::connections() const {
  std::lock_guard lock(impl_->mu);
  return impl_->sessions.size();
}

void Server::Run() {
  Impl& s = *impl_;
  auto guard = asio::make_work_guard(s.ioc);
  asio::post(s.accept_strand, [&s] { s.Accept(); });
  std::vector<std::thread> threads;
  for (int i = 0; i < std::max(1, s.config.io_threads); ++i) threads.emplace_back([&s] { s.ioc.run(); });
  {
    std::unique_lock lock(s.mu);
    s.cv.wait(lock, [&s] { return s.stopping.load(); });
  }
  // No new connections; idle ones closed now, busy ones after their answer (Write sees stopping).
  asio::post(s.accept_strand, [&s] {
    error_code ignored;
    s.acceptor.close(ignored);
    s.retry.cancel();
  });
  s.ForEachSession([](Session& session) { session.OnStop(); });
  {
    std::unique_lock lock(s.mu);
    s.cv.wait_for(lock, s.config.shutdown_grace, [&s] { return s.sessions.empty(); });
  }
  s.ForEachSession([](Session& session) { session.ForceClose(); });
  s.pool.join();  // handlers still running finish; their answers go nowhere
  {
    std::unique_lock lock(s.mu);
    s.cv.wait_for(lock, std::chrono::seconds(2), [&s] { return s.sessions.empty(); });
  }
  guard.reset();
  s.ioc.stop();
  for (auto& t : threads) t.join();
}

void Server::Stop() {
  Impl& s = *impl_;
  {
    std::lock_guard lock(s.mu);
    if (s.stopping.exchange(true)) return;
  }
  s.cv.notify_all();
}

}  // namespace gj::api::http
