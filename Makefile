# slink — build, test, install.
#   make              build ./slink and ./slink-layout (warning-free with gcc and clang)
#   make check        build and run the whole test suite
#   make check SAN=1  the same under AddressSanitizer and UndefinedBehaviorSanitizer
#   make install PREFIX=/usr/local

CC       ?= cc
PREFIX   ?= /usr/local
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c17 -Wall -Wextra -D_GNU_SOURCE -Iinclude -I$(BUILD)
LDLIBS   += -lelf -lz -lbfd

ifeq ($(SAN),1)
  CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  LDFLAGS += -fsanitize=address,undefined
  BUILD   := build-san
else
  BUILD   := build
endif

SRCS     := $(wildcard src/*.c)
OBJS     := $(patsubst src/%.c,$(BUILD)/%.o,$(SRCS))
SCRIPTS  := $(wildcard src/ldscripts/*.ld)
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(UNIT_SRCS))

ifeq ($(SAN),1)
LAYOUT_BIN := slink-layout-san
all: slink-san slink-layout-san
else
LAYOUT_BIN := slink-layout
all: slink slink-layout
endif

# slink-layout: the layout study tool (tools/slink-layout), reading --layout-json output.  Its
# HTML page template becomes a C string at build time.
LAYOUT_SRCS := $(wildcard tools/slink-layout/*.c)
LAYOUT_OBJS := $(patsubst tools/slink-layout/%.c,$(BUILD)/slink-layout/%.o,$(LAYOUT_SRCS))

$(LAYOUT_BIN): $(LAYOUT_OBJS)
	$(CC) $(LDFLAGS) -o $@ $(LAYOUT_OBJS)

$(BUILD)/slink-layout/template_html.h: tools/slink-layout/template.html | $(BUILD)
	mkdir -p $(BUILD)/slink-layout
	{ echo 'static const char template_html[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	  echo ';'; } > $@.tmp && mv $@.tmp $@

$(BUILD)/slink-layout/%.o: tools/slink-layout/%.c $(wildcard tools/slink-layout/*.h) $(BUILD)/slink-layout/template_html.h | $(BUILD)
	mkdir -p $(BUILD)/slink-layout
	$(CC) $(CFLAGS) -I$(BUILD)/slink-layout -c -o $@ $<

slink: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

slink-san: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

# Built-in default linker scripts become C strings at build time.
$(BUILD)/default_scripts.h: $(SCRIPTS) scripts/embed-scripts.sh | $(BUILD)
	sh scripts/embed-scripts.sh $(SCRIPTS) > $@.tmp && mv $@.tmp $@

$(BUILD)/%.o: src/%.c $(wildcard include/*.h) $(BUILD)/default_scripts.h | $(BUILD)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD):
	mkdir -p $(BUILD)/unit

# Unit tests link every object but main.o.
$(BUILD)/unit/%: tests/unit/%.c $(filter-out $(BUILD)/main.o,$(OBJS)) | $(BUILD)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

unit: $(UNIT_BINS)

ifeq ($(SAN),1)
check: slink-san slink-layout-san unit
	SLINK=$(CURDIR)/slink-san UNIT_DIR=$(CURDIR)/$(BUILD)/unit tests/run
else
check: slink slink-layout unit
	SLINK=$(CURDIR)/slink UNIT_DIR=$(CURDIR)/$(BUILD)/unit tests/run
endif

# The kernel check (builds and boots Linux 6.1 linked by slink) and the link benchmark.
check-kernel: slink
	scripts/kernel-check.sh

# the layout tools on that kernel: map against GNU ld's, --layout-json, the HTML view in
# headless Chromium, slink-layout diff and why (needs check-kernel's build)
check-kernel-layout: slink
	scripts/kernel-layout-check.sh

# the same with CONFIG_RELOCATABLE: vmlinux links with --emit-relocs, which arch/x86/tools/relocs
# turns into the decompressor's relocation table
check-kernel-relocatable: slink
	SLINK_KERNEL_CACHE=$${SLINK_KERNEL_CACHE:-$$HOME/.cache/slink-kernel}-relocatable \
		KERNEL_CONFIG_EXTRA="--enable RELOCATABLE" scripts/kernel-check.sh

bench: slink
	scripts/bench.sh

install: slink slink-layout
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 slink $(DESTDIR)$(PREFIX)/bin/slink
	ln -sf slink $(DESTDIR)$(PREFIX)/bin/ld.slink
	install -m 0755 slink-layout $(DESTDIR)$(PREFIX)/bin/slink-layout

clean:
	rm -rf build build-san slink slink-san slink-layout slink-layout-san tests/out

.PHONY: all check unit install clean check-kernel check-kernel-layout check-kernel-relocatable bench
