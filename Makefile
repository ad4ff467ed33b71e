# slink — build, test, install.
#   make              build ./slink (warning-free with gcc and clang)
#   make check        build and run the whole test suite
#   make check SAN=1  the same under AddressSanitizer and UndefinedBehaviorSanitizer
#   make install PREFIX=/usr/local

CC       ?= cc
PREFIX   ?= /usr/local
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c17 -Wall -Wextra -D_GNU_SOURCE -Iinclude -Ibuild
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
all: slink-san
else
all: slink
endif

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
check: slink-san unit
	SLINK=$(CURDIR)/slink-san UNIT_DIR=$(CURDIR)/$(BUILD)/unit tests/run
else
check: slink unit
	SLINK=$(CURDIR)/slink UNIT_DIR=$(CURDIR)/$(BUILD)/unit tests/run
endif

install: slink
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 slink $(DESTDIR)$(PREFIX)/bin/slink
	ln -sf slink $(DESTDIR)$(PREFIX)/bin/ld.slink

clean:
	rm -rf build build-san slink slink-san tests/out

.PHONY: all check unit install clean
