# Front door: make, make demo, make check, make bench, make install.
BUILD ?= build
ASAN_BUILD ?= build-asan
MESON_OPTS ?=
PREFIX ?= /usr/local

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

deps:
	@tools/install-deps

$(BUILD)/build.ninja:
	meson setup $(BUILD) --prefix=$(PREFIX) $(MESON_OPTS)

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) -Db_sanitize=address,undefined -Db_lundef=false -Dbpf=disabled $(MESON_OPTS)

# only what the demo runs (scry and the two example programs), not the test programs
demo: deps $(BUILD)/build.ninja
	@ninja -C $(BUILD) scry examples/upload-server examples/upload-client
	@examples/demo-leaks.sh $(BUILD)/scry

# Every suite in the normal build (warnings are errors), then unit and decode under ASan/UBSan.
check: deps
	@test -f $(BUILD)/build.ninja || meson setup $(BUILD) --prefix=$(PREFIX) -Dwerror=true $(MESON_OPTS)
	meson configure $(BUILD) -Dwerror=true
	ninja -C $(BUILD)
	@test -f $(ASAN_BUILD)/build.ninja || meson setup $(ASAN_BUILD) -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true -Dbpf=disabled $(MESON_OPTS)
	ninja -C $(ASAN_BUILD)
	@tools/run-tests $(BUILD) $(ASAN_BUILD)

bench: deps all
	@for b in bench/bench-*.sh; do echo "== $$b"; sh $$b $(BUILD) || exit 1; done

# Regenerates the vendored kernel types for the bpf backend from the running kernel's BTF.
vmlinux:
	mkdir -p src/bpf/$$(uname -m)
	bpftool btf dump file /sys/kernel/btf/vmlinux format c > src/bpf/$$(uname -m)/vmlinux.h

install: all
	meson install -C $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)

.PHONY: all deps demo check bench install clean vmlinux
