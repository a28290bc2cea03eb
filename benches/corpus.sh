#!/usr/bin/env bash
# Command-line throughput on a corpus of many short articles: the fixture
# articles (and ../shared/dev texts, when present) cut at paragraph ends
# into 2–5 KB articles, written as files until the corpus holds MB
# megabytes (default 20). Times `anninh extract DIR --quiet` on 1 and 2
# threads, `anninh normalize` on one large file, and a one-line file.
#
#   bash benches/corpus.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
cargo build --release --quiet
bin=target/release/anninh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/corpus" "$mb" fixtures/articles ../shared/dev <<'PY'
import os, sys
out, mb, dirs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
paras = []
for d in dirs:
    if not os.path.isdir(d):
        continue
    for name in sorted(os.listdir(d)):
        if name.endswith(".txt"):
            text = open(os.path.join(d, name), encoding="utf-8").read()
            paras += [p for p in text.split("\n") if p.strip()]
os.makedirs(out)
size, n, i = 0, 0, 0
sizes = [2000, 3500, 5000]
while size < mb << 20:
    target = sizes[n % 3]
    art = []
    while sum(len(p.encode()) + 1 for p in art) < target:
        art.append(paras[i % len(paras)])
        i += 1
    body = "\n".join(art) + "\n"
    with open(os.path.join(out, f"{n:06}.txt"), "w", encoding="utf-8") as f:
        f.write(body)
    size += len(body.encode())
    n += 1
print(f"{n} articles, {size / 1e6:.1f} MB")
PY
bytes=$(du -sb "$work/corpus" | cut -f1)
cat "$work"/corpus/*.txt > "$work/one.txt"
printf 'Công an xã Ea Tu tổ chức 3 buổi tuyên truyền.\n' > "$work/line.txt"

rate() { python3 -c "print(f'{$bytes / $1 / 1e6:.1f} MB/s')"; }
time_of() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); python3 -c "print($e - $s)"; }

t1=$(time_of "$bin" extract "$work/corpus" --quiet -j 1)
t2=$(time_of "$bin" extract "$work/corpus" --quiet -j 2)
echo "extract DIR, 1 thread:  ${t1}s  $(rate "$t1")"
echo "extract DIR, 2 threads: ${t2}s  $(rate "$t2")  speed-up $(python3 -c "print(f'{$t1 / $t2:.2f}')")"
tn=$(time_of "$bin" normalize "$work/one.txt")
echo "normalize one file:     ${tn}s  $(rate "$tn")"
best=9
for _ in 1 2 3 4 5 6 7 8 9 10; do
  t=$(time_of "$bin" extract "$work/line.txt")
  best=$(python3 -c "print(min($best, $t))")
done
echo "one-line file, best of 10: $(python3 -c "print(f'{$best * 1000:.1f} ms')")"
if command -v /usr/bin/time > /dev/null; then
  /usr/bin/time -f "extract DIR peak memory: %M KB" "$bin" extract "$work/corpus" --quiet > /dev/null
  /usr/bin/time -f "extract one large text peak memory: %M KB" "$bin" extract "$work/one.txt" > /dev/null
fi
