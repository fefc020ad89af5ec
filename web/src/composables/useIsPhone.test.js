import { describe, it, expect, vi, afterEach } from 'vitest'

// A window.matchMedia whose answer the test changes, as a browser does when the window narrows.
function fakeMedia(matches) {
  const listeners = []
  const media = { matches, addEventListener: (_, f) => listeners.push(f) }
  window.matchMedia = vi.fn(() => media)
  return (m) => {
    media.matches = m
    for (const f of listeners) f({ matches: m })
  }
}

describe('useIsPhone', () => {
  const saved = window.matchMedia
  afterEach(() => {
    window.matchMedia = saved
    vi.resetModules()
  })

  it('answers the phone query and follows a change of width', async () => {
    const resize = fakeMedia(false)
    const { useIsPhone, PHONE_QUERY } = await import('./useIsPhone.js')
    expect(window.matchMedia).toHaveBeenCalledWith(PHONE_QUERY)
    const phone = useIsPhone()
    expect(phone.value).toBe(false)
    resize(true)
    expect(phone.value).toBe(true)
    expect(useIsPhone()).toBe(phone)
  })

  it('starts as a phone on a narrow window', async () => {
    fakeMedia(true)
    const { useIsPhone } = await import('./useIsPhone.js')
    expect(useIsPhone().value).toBe(true)
  })
})
