# slink-layout html: the page is self-contained (no network, no external asset), and in
# headless Chromium it draws the sections of a 20000-section link quickly and its
# #search=NAME fragment finds a symbol; a screenshot is taken as well.
LAYOUT=$(dirname "$SLINK")/slink-layout
case $SLINK in *-san) LAYOUT=$LAYOUT-san ;; esac  # make check SAN=1 builds both with sanitizers
BROWSER=$(command -v chromium || command -v chromium-browser || true)
[ -n "$BROWSER" ] || skip "chromium is not installed (scripts/install-deps.sh installs it)"
python3 - > many.s <<'EOF2'
print('\t.globl _start\n_start:\tret')
for i in range(20000):
    print(f'\t.section .text.f{i},"ax"\n\t.globl f{i}\n\t.type f{i},@function\nf{i}:\t.zero {i % 13 + 1}\n\t.size f{i},{i % 13 + 1}')
    if i % 4 == 0:
        print(f'\t.section .data.d{i},"aw"\n\t.p2align 3\n\t.globl d{i}\nd{i}:\t.quad {i}')
print('\t.section .bss.needle,"aw",@nobits\n\t.globl needle_symbol\nneedle_symbol:\t.zero 64')
EOF2
as_obj many.o many.s
link_slink many.o --layout-json=layout.json
"$LAYOUT" html layout.json -o layout.html || fail "slink-layout html failed"
# self-contained: no URL the browser would fetch
if grep -Eo '(src|href)=["'"'"'][^"'"'"'#]' layout.html | head -1 | grep -q .; then fail "layout.html refers to an external asset"; fi
if grep -Eq 'https?://|@import|url\(' layout.html; then fail "layout.html refers to the network"; fi
run_browser() {   # URL FLAGS...: headless Chromium, nothing persistent, no network use
	local url=$1; shift
	timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d)" \
		--window-size=1400,900 "$@" "$url" 2> browser.stderr
}
run_browser "file://$WORK/layout.html#search=needle_symbol" --dump-dom > dom.html || {
	tail -20 browser.stderr; fail "chromium failed"; }
body=$(grep -o '<body[^>]*>' dom.html) || fail "no <body> in the dumped DOM"
echo "$body"
[ "$(echo "$body" | sed -n 's/.*data-ready="\([0-9]*\)".*/\1/p')" = 1 ] || fail "the page script did not finish"
inputs=$(echo "$body" | sed -n 's/.*data-drawn-inputs="\([0-9]*\)".*/\1/p')
outputs=$(echo "$body" | sed -n 's/.*data-drawn-outputs="\([0-9]*\)".*/\1/p')
ms=$(echo "$body" | sed -n 's/.*data-render-ms="\([0-9]*\)".*/\1/p')
[ "${inputs:-0}" -gt 0 ] && [ "${outputs:-0}" -gt 0 ] || fail "no sections drawn (inputs=$inputs outputs=$outputs)"
[ "${ms:-99999}" -lt 5000 ] || fail "drawing 20000 input sections took ${ms}ms"
grep -q '<li class="hit" data-res="0">symbol <b>needle_symbol</b>' dom.html || fail "search did not find needle_symbol"
grep -q '<h2>input section .bss.needle</h2>' dom.html || fail "the found symbol's section is not shown"
# the whole layout: every input section drawn once zoomed out (sub-pixel ones merged)
run_browser "file://$WORK/layout.html" --dump-dom > dom2.html || fail "chromium failed"
grep -o '<body[^>]*>' dom2.html
run_browser "file://$WORK/layout.html#search=f19999" --screenshot="$WORK/layout.png" > /dev/null || fail "chromium --screenshot failed"
[ -s layout.png ] || fail "no screenshot"
