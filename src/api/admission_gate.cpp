#include "api/admission_gate.h"

namespace gj::api {

AdmissionGate::AdmissionGate(int slots, std::chrono::milliseconds max_wait)
    : slots_(slots < 1 ? 1 : static_cast<uint64_t>(slots)), max_wait_(max_wait) {}

AdmissionGate::Pass AdmissionGate::Enter() {
  std::unique_lock lock(mu_);
  const uint64_t ticket = next_ticket_++;
  wakers_[ticket % kWakers].wait_for(lock, max_wait_, [&] { return ticket < left_ + slots_; });
  return Pass(this);
}

void AdmissionGate::Leave() {
  std::lock_guard lock(mu_);
  ++left_;
  // The ticket this release admits (if it is waiting).
  const uint64_t admitted = left_ + slots_ - 1;
  if (admitted < next_ticket_) wakers_[admitted % kWakers].notify_all();
}

}  // namespace gj::api
