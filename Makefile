# Gongjian — see README.md. `make` builds build/gongjian (Release) and the web app beside it.
BUILD ?= build
JOBS ?= $(shell nproc)
# ccache keys on paths relative to the checkout, so a clone in another folder (CI's) hits the cache.
export CCACHE_BASEDIR := $(CURDIR)
# With -g (the sanitizer build) ccache also hashes the working directory unless told not to; the
# debug info then names the first clone's folder, which nothing here reads.
export CCACHE_NOHASHDIR := 1

.PHONY: all setup build web run test test-quick bench fuzz clean

all: setup build web

setup:
	@bash scripts/setup.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

web:
	@if [ -f web/package.json ]; then \
	  (cd web && npm run --silent build) && rm -rf $(BUILD)/web && cp -r web/dist $(BUILD)/web; \
	fi

run: all
	@bash scripts/run.sh

test: all
	@bash scripts/test.sh

# The change at hand: Release C++ tests, API/CLI and web unit tests (see scripts/test_quick.sh).
test-quick: all
	@bash scripts/test_quick.sh

bench: all
	@bash scripts/bench.sh

# The libFuzzer targets of fuzz/ (clang, ASan+UBSan, in build-fuzz/), each for FUZZ_SECONDS: prints
# executions, coverage and crashes (fuzz/README.md). `make fuzz FUZZ_TARGETS="csv_fuzz xlsx_fuzz"`.
FUZZ_SECONDS ?= 300
fuzz: setup
	@FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) bash fuzz/run.sh fuzz $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD) build-asan build-fuzz web/dist
