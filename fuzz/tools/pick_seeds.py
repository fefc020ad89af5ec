"""Keeps a few captured requests per route shape as routes_fuzz seeds (fuzz/tools/capture_seeds.mjs).

    python3 fuzz/tools/pick_seeds.py /tmp/seeds fuzz/corpus/routes_fuzz [per_shape=2] [max_bytes=8192]

A shape is the method and path with every number replaced; per shape the smallest distinct
requests of distinct roles are kept (name: the shape, readable in `ls`).
"""
import hashlib
import os
import re
import sys

src, dst = sys.argv[1], sys.argv[2]
per_shape = int(sys.argv[3]) if len(sys.argv) > 3 else 2
max_bytes = int(sys.argv[4]) if len(sys.argv) > 4 else 8192
shapes = {}
for name in os.listdir(src):
    data = open(os.path.join(src, name), 'rb').read()
    if len(data) > max_bytes:
        continue
    line = data.split(b'\n', 1)[0].decode('utf-8', 'replace')
    parts = line.split(' ')
    if len(parts) < 3:
        continue
    path = parts[2].split('?', 1)[0]
    shape = parts[1] + ' ' + re.sub(r'/\d+', '/N', path)
    shapes.setdefault(shape, []).append((len(data), parts[0], data))
os.makedirs(dst, exist_ok=True)
kept = 0
for shape, items in sorted(shapes.items()):
    items.sort()
    roles = set()
    chosen = []
    for size, role, data in items:
        if role in roles and len(chosen) > 0:
            continue
        roles.add(role)
        chosen.append(data)
        if len(chosen) >= per_shape:
            break
    for data in chosen:
        slug = re.sub(r'[^A-Za-z0-9]+', '_', shape.replace('/api/v1/', '')).strip('_')[:60]
        h = hashlib.sha1(data).hexdigest()[:8]
        with open(os.path.join(dst, f'{slug}-{h}'), 'wb') as f:
            f.write(data)
        kept += 1
print(f'{kept} seeds for {len(shapes)} route shapes')
