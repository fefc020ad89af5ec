// Whether the window is phone-narrow (≤ 768 px, the width below which the side menu becomes a
// drawer, dialogs go full screen and wide tables become card lists). One media-query listener
// for the whole app; the answer is a reactive ref every component may read.
import { ref } from 'vue'

export const PHONE_QUERY = '(max-width: 768px)'

const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(PHONE_QUERY) : null
const phone = ref(!!(media && media.matches))
if (media) {
  const follow = (e) => (phone.value = e.matches)
  if (media.addEventListener) media.addEventListener('change', follow)
  else if (media.addListener) media.addListener(follow)
}

/** A ref: true while the window is phone-narrow. */
export function useIsPhone() {
  return phone
}
