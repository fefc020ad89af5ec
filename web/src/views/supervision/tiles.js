// Web-Mercator tiles (the XYZ scheme of 天地图, OpenStreetMap and most tile servers): where a
// coordinate falls in pixels at a zoom, which tiles cover a box, and a tile's URL from a template
// with {z} {x} {y} (and optional {s} for sub-domains).

const TILE = 256

/** Longitude/latitude → global pixel coordinates at zoom z. */
export function project(lon, lat, z) {
  const scale = TILE * 2 ** z
  const x = ((lon + 180) / 360) * scale
  const s = Math.sin((lat * Math.PI) / 180)
  const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale
  return { x, y }
}

/** The largest zoom (≤ maxZoom) at which the box fits in width × height pixels. */
export function fitZoom(box, width, height, maxZoom = 16) {
  for (let z = maxZoom; z > 0; z--) {
    const a = project(box.west, box.north, z)
    const b = project(box.east, box.south, z)
    if (b.x - a.x <= width && b.y - a.y <= height) return z
  }
  return 1
}

/** The bounding box of points [{longitude, latitude}], padded by `pad` of its size. */
export function bbox(points, pad = 0.05) {
  let west = Infinity, east = -Infinity, south = Infinity, north = -Infinity
  for (const p of points) {
    west = Math.min(west, p.longitude)
    east = Math.max(east, p.longitude)
    south = Math.min(south, p.latitude)
    north = Math.max(north, p.latitude)
  }
  const dx = Math.max(east - west, 0.01) * pad
  const dy = Math.max(north - south, 0.01) * pad
  return { west: west - dx, east: east + dx, south: south - dy, north: north + dy }
}

/** Tiles covering a view whose top-left global pixel is `origin`, sized width × height: [{x, y, left, top}]. */
export function tilesFor(origin, width, height) {
  const out = []
  const x0 = Math.floor(origin.x / TILE)
  const y0 = Math.floor(origin.y / TILE)
  const x1 = Math.floor((origin.x + width) / TILE)
  const y1 = Math.floor((origin.y + height) / TILE)
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) out.push({ x, y, left: x * TILE - origin.x, top: y * TILE - origin.y })
  }
  return out
}

export function tileUrl(template, z, x, y) {
  const subdomain = String((x + y) % 8)
  return template.replace('{z}', z).replace('{x}', x).replace('{y}', y).replace('{s}', subdomain)
}
