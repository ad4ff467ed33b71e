/* Unit tests for options.c: argv vectors -> struct options, as GNU ld 2.40 reads them.
 * Includes every ld invocation of a Linux 6.1 x86_64 build and the linker lines gcc 12's
 * collect2 passes (plain, -static, -static-pie, -shared, musl-gcc -static). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <elf.h>

#include "slink.h"

static int passed, failed;

#define CHECK(cond)                                                                              \
	do {                                                                                     \
		if (cond)                                                                        \
			passed++;                                                                \
		else {                                                                           \
			failed++;                                                                \
			fprintf(stderr, "%s:%d: FAIL: %s  [%s]\n", __FILE__, __LINE__, #cond, cur);  \
		}                                                                                \
	} while (0)
#define STREQ(a, b) ((a) && (b) && !strcmp((a), (b)))

static const char *cur = "";
static struct ctx ctx;

/* Split on spaces (no quoting needed in these tables) and parse with argv[0] = "ld". */
static bool parse(const char *cmdline)
{
	cur = cmdline;
	static char *argv[512];
	struct options *o = &ctx.opt;
	free(o->inputs.v), free(o->lib_paths.v), free(o->scripts.v), free(o->undefined.v);
	free(o->require_defined.v), free(o->defsyms.v), free(o->section_starts.v);
	free(o->export_dynamic_symbols.v), free(o->version_scripts.v), free(o->dynamic_lists.v);
	free(o->rpath.v), free(o->rpath_link.v), free(o->wrap.v), free(o->trace_symbols.v);
	free(o->exclude_libs.v), free(o->ignore_unresolved.v);
	arena_free_all(&ctx.arena);
	memset(&ctx, 0, sizeof(ctx));
	char *copy = arena_strdup(&ctx.arena, cmdline);
	int argc = 0;
	argv[argc++] = "ld";
	for (char *t = strtok(copy, " "); t && argc < 511; t = strtok(NULL, " "))
		argv[argc++] = t;
	argv[argc] = NULL;
	return options_parse(&ctx, argc, argv); /* `copy` lives in the arena: options keep pointers */
}

static const struct input_arg *input(size_t i) { return i < ctx.opt.inputs.n ? &ctx.opt.inputs.v[i] : NULL; }

static size_t count_kind(enum input_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < ctx.opt.inputs.n; i++)
		n += ctx.opt.inputs.v[i].kind == k;
	return n;
}

static void test_defaults(void)
{
	CHECK(parse("a.o"));
	struct options *o = &ctx.opt;
	CHECK(STREQ(o->output, "a.out"));
	CHECK(o->kind == OUT_EXEC);
	CHECK(o->text_segment == -1);
	CHECK(o->execstack == -1);
	CHECK(o->relro && o->separate_code);
	CHECK(STREQ(o->orphan_handling, "place"));
	CHECK(o->threads == 1);
	CHECK(o->hash_sysv && o->hash_gnu);
	CHECK(!o->emulation && !o->entry && !o->build_id);
	CHECK(o->inputs.n == 1 && input(0)->kind == IN_FILE && STREQ(input(0)->name, "a.o"));
	CHECK(!input(0)->whole_archive && !input(0)->static_only && !input(0)->format);
}

static void test_spellings(void)
{
	const char *outs[] = {"-o out a.o", "-oout a.o", "--output=out a.o", "--output out a.o", "--outp=out a.o"};
	for (size_t i = 0; i < 5; i++) {
		CHECK(parse(outs[i]));
		CHECK(STREQ(ctx.opt.output, "out"));
		CHECK(ctx.opt.inputs.n == 1);
	}
	/* "--out" is a prefix of --out-implib too, which GNU ld does not implement for ELF */
	CHECK(!parse("--out=x a.o"));
	/* GNU ld: --output only with two dashes, so -output is -o utput */
	CHECK(parse("-output a.o") && STREQ(ctx.opt.output, "utput"));
	CHECK(parse("-omagic a.o") && STREQ(ctx.opt.output, "magic"));
	CHECK(parse("--omagic a.o") && ctx.opt.magic == MAGIC_OMAGIC);

	CHECK(parse("-e start a.o") && STREQ(ctx.opt.entry, "start"));
	CHECK(parse("-estart a.o") && STREQ(ctx.opt.entry, "start"));
	CHECK(parse("--entry=start a.o") && STREQ(ctx.opt.entry, "start"));
	CHECK(parse("-entry start a.o") && STREQ(ctx.opt.entry, "start"));

	CHECK(parse("-m elf_i386 a.o") && STREQ(ctx.opt.emulation, "elf_i386"));
	CHECK(parse("-melf_x86_64 a.o") && STREQ(ctx.opt.emulation, "elf_x86_64"));
	CHECK(parse("-m elf_x86_64 -m elf_i386 a.o") && STREQ(ctx.opt.emulation, "elf_i386"));

	CHECK(parse("-T a.ld -Tb.ld --script=c.ld --script d.ld -script=e.ld x.o"));
	CHECK(ctx.opt.scripts.n == 5 && STREQ(ctx.opt.scripts.v[0], "a.ld") && STREQ(ctx.opt.scripts.v[1], "b.ld") &&
	      STREQ(ctx.opt.scripts.v[4], "e.ld"));
	CHECK(parse("-dT def.ld x.o") && STREQ(ctx.opt.default_script, "def.ld"));
	CHECK(parse("--default-script=def.ld x.o") && STREQ(ctx.opt.default_script, "def.ld"));

	CHECK(parse("-L a -Lb --library-path=c --library-path d -L=/e x.o"));
	CHECK(ctx.opt.lib_paths.n == 5 && STREQ(ctx.opt.lib_paths.v[0], "a") && STREQ(ctx.opt.lib_paths.v[3], "d"));
	CHECK(STREQ(ctx.opt.lib_paths.v[4], "/e"));
	CHECK(parse("--sysroot=/sr -L=/usr/lib -L$SYSROOT/lib x.o") && STREQ(ctx.opt.lib_paths.v[0], "/sr/usr/lib") &&
	      STREQ(ctx.opt.lib_paths.v[1], "/sr/lib") && STREQ(ctx.opt.sysroot, "/sr"));

	CHECK(parse("-lc -l m --library=z -l:libfoo.a -library"));
	CHECK(ctx.opt.inputs.n == 5);
	CHECK(input(0)->kind == IN_LIBRARY && STREQ(input(0)->name, "c"));
	CHECK(input(1)->kind == IN_LIBRARY && STREQ(input(1)->name, "m"));
	CHECK(input(2)->kind == IN_LIBRARY && STREQ(input(2)->name, "z"));
	CHECK(input(3)->kind == IN_LIBRARY && STREQ(input(3)->name, ":libfoo.a"));
	CHECK(input(4)->kind == IN_LIBRARY && STREQ(input(4)->name, "ibrary")); /* GNU ld: -lNAME always */

	CHECK(parse("-u a -ub --undefined=c --undefined d --require-defined=e --require-defined f x.o"));
	CHECK(ctx.opt.undefined.n == 4 && STREQ(ctx.opt.undefined.v[1], "b") && STREQ(ctx.opt.undefined.v[3], "d"));
	CHECK(ctx.opt.require_defined.n == 2 && STREQ(ctx.opt.require_defined.v[1], "f"));

	CHECK(parse("--defsym foo=0x10 --defsym=bar=foo+4 x.o"));
	CHECK(ctx.opt.defsyms.n == 2 && STREQ(ctx.opt.defsyms.v[0].name, "foo") &&
	      STREQ(ctx.opt.defsyms.v[0].expr, "0x10") && STREQ(ctx.opt.defsyms.v[1].name, "bar") &&
	      STREQ(ctx.opt.defsyms.v[1].expr, "foo+4"));

	/* prefixes of long options */
	CHECK(parse("--verb") && ctx.opt.verbose);
	CHECK(parse("--whole a.a") && input(0)->whole_archive);
	CHECK(parse("--gc-sec x.o") && ctx.opt.gc_sections);
	/* single-dash long options */
	CHECK(parse("-static -shared -soname libx.so.1 -Bsymbolic x.o"));
	CHECK(ctx.opt.kind == OUT_SHARED && STREQ(ctx.opt.soname, "libx.so.1") && ctx.opt.bsymbolic);
	CHECK(parse("-h libx.so --soname=liby.so -shared x.o") && STREQ(ctx.opt.soname, "liby.so"));
}

static void test_addresses(void)
{
	CHECK(parse("-Ttext 0x1000 -Tdata=2000 -Tbss 0X3000 -Ttext-segment=0x400000 x.o"));
	struct options *o = &ctx.opt;
	CHECK(o->section_starts.n == 4);
	CHECK(STREQ(o->section_starts.v[0].name, ".text") && o->section_starts.v[0].addr == 0x1000 &&
	      STREQ(o->section_starts.v[0].segment, "text"));
	CHECK(STREQ(o->section_starts.v[1].name, ".data") && o->section_starts.v[1].addr == 0x2000);
	CHECK(STREQ(o->section_starts.v[2].name, ".bss") && o->section_starts.v[2].addr == 0x3000);
	CHECK(o->text_segment == 0x400000 && STREQ(o->section_starts.v[3].segment, "text-segment"));
	CHECK(parse("--section-start .foo=ffff0000 --section-start=.bar=0x10 -Trodata-segment=0x5000 x.o"));
	CHECK(o->section_starts.n == 3 && STREQ(o->section_starts.v[0].name, ".foo") &&
	      o->section_starts.v[0].addr == 0xffff0000 && !o->section_starts.v[0].segment);
	CHECK(STREQ(o->section_starts.v[1].name, ".bar") && o->section_starts.v[1].addr == 0x10);
	CHECK(o->rodata_segment == 0x5000);
	CHECK(!parse("-Ttext=zz x.o"));
	CHECK(!parse("--section-start=.foo x.o"));
	CHECK(!parse("--section-start .foo= x.o"));
	CHECK(!parse("--section-start .x=qq x.o"));
}

static void test_z(void)
{
	CHECK(parse("-z max-page-size=0x200000 -zcommon-page-size=4096 -z noexecstack -z norelro -z noseparate-code "
		    "-z now -z nocombreloc -z defs -z text -z origin -z nodelete -z stack-size=65536 x.o"));
	struct options *o = &ctx.opt;
	CHECK(o->max_page_size == 0x200000 && o->common_page_size == 4096);
	CHECK(o->execstack == 0 && !o->relro && !o->separate_code && o->z_now && !o->z_combreloc);
	CHECK(o->no_undefined && o->textrel_check == TEXTREL_ERROR && o->z_stack_size == 65536);
	CHECK((o->dt_flags & DF_BIND_NOW) && (o->dt_flags & DF_ORIGIN) && (o->dt_flags_1 & DF_1_NODELETE) &&
	      (o->dt_flags_1 & DF_1_NOW));
	CHECK(ctx.warnings == 0);
	CHECK(parse("-z execstack -z relro -z separate-code -z lazy -z combreloc -z notext -z undefs x.o"));
	CHECK(o->execstack == 1 && o->relro && o->separate_code && !o->z_now && o->z_combreloc && o->textrel_check == TEXTREL_NONE);
	CHECK(!(o->dt_flags & DF_BIND_NOW));
	/* unknown keywords warn, as GNU ld does, and are not errors */
	CHECK(parse("-z foo x.o") && ctx.warnings == 1 && ctx.errors == 0);
	CHECK(!parse("-z max-page-size=abc x.o"));
	CHECK(!parse("-z max-page-size=3000 x.o")); /* not a power of two */
	CHECK(parse("-z start-stop-visibility=hidden x.o") && o->z_start_stop_visibility == STV_HIDDEN);
	CHECK(!parse("-z start-stop-visibility=bogus x.o"));
	CHECK(parse("-z ibt -z shstk -z x86-64-v3 x.o") && o->z_ibt && o->z_shstk && STREQ(o->z_x86_isa_level, "x86-64-v3"));
}

static void test_kinds(void)
{
	CHECK(parse("-r a.o") && ctx.opt.kind == OUT_RELOCATABLE && !ctx.opt.relocatable_ctors);
	CHECK(parse("--relocatable a.o") && ctx.opt.kind == OUT_RELOCATABLE);
	CHECK(parse("-i a.o") && ctx.opt.kind == OUT_RELOCATABLE);
	CHECK(parse("-Ur a.o") && ctx.opt.kind == OUT_RELOCATABLE && ctx.opt.relocatable_ctors);
	CHECK(parse("-pie a.o") && ctx.opt.kind == OUT_PIE);
	CHECK(parse("--pic-executable a.o") && ctx.opt.kind == OUT_PIE);
	CHECK(parse("-pie -no-pie a.o") && ctx.opt.kind == OUT_EXEC);
	CHECK(parse("-shared a.o") && ctx.opt.kind == OUT_SHARED && ctx.opt.unresolved_symbols == UNRES_IGNORE_ALL);
	CHECK(parse("-Bshareable a.o") && ctx.opt.kind == OUT_SHARED);
	CHECK(!parse("-r -shared a.o"));
	CHECK(!parse("-shared -r a.o"));
	CHECK(!parse("-pie -r a.o"));
	CHECK(!parse("-r -pie a.o"));
	/* -r -s is -r -S -x */
	CHECK(parse("-r -s a.o") && ctx.opt.strip == STRIP_DEBUG && ctx.opt.discard == DISCARD_ALL);
	CHECK(parse("-s a.o") && ctx.opt.strip == STRIP_ALL);
	CHECK(parse("-S a.o") && ctx.opt.strip == STRIP_DEBUG);
	CHECK(parse("--strip-debug a.o") && ctx.opt.strip == STRIP_DEBUG);
	CHECK(parse("-x a.o") && ctx.opt.discard == DISCARD_ALL);
	CHECK(parse("-X a.o") && ctx.opt.discard == DISCARD_LOCALS_TMP);
	CHECK(parse("--discard-none a.o") && ctx.opt.discard == DISCARD_NONE);
	CHECK(parse("-N a.o") && ctx.opt.magic == MAGIC_OMAGIC && input(0)->static_only);
	CHECK(parse("-n a.o") && ctx.opt.magic == MAGIC_NMAGIC);
	CHECK(parse("-static-pie-like -static -pie --no-dynamic-linker a.o") == false); /* -static-pie-like is no option */
	CHECK(parse("-static -pie --no-dynamic-linker -z text a.o") && ctx.opt.kind == OUT_PIE && ctx.opt.is_static &&
	      ctx.opt.dynamic_linker_none);
}

static void test_position_dependent(void)
{
	CHECK(parse("a.o --whole-archive b.a --no-whole-archive c.a -Bstatic d.a -Bdynamic e.a -static f.a -dy g.a "
		    "-dn h.a -call_shared i.a -non_shared j.a"));
	CHECK(!input(0)->whole_archive && input(1)->whole_archive && !input(2)->whole_archive);
	CHECK(input(3)->static_only && !input(4)->static_only && input(5)->static_only && !input(6)->static_only);
	CHECK(input(7)->static_only && !input(8)->static_only && input(9)->static_only && ctx.opt.is_static);

	CHECK(parse("--as-needed -lgcc_s --no-as-needed -lc"));
	CHECK(input(0)->as_needed && !input(1)->as_needed);

	CHECK(parse("-b binary blob.bin --format=default x.o -bbinary y.bin --format elf64-x86-64 z.o"));
	CHECK(STREQ(input(0)->format, "binary") && STREQ(input(1)->format, "default") &&
	      STREQ(input(2)->format, "binary") && STREQ(input(3)->format, "elf64-x86-64"));

	CHECK(parse("a.o --start-group b.a c.a --end-group -( d.a -) e.o"));
	CHECK(ctx.opt.inputs.n == 9);
	CHECK(input(1)->kind == IN_GROUP_START && input(4)->kind == IN_GROUP_END);
	CHECK(input(5)->kind == IN_GROUP_START && input(7)->kind == IN_GROUP_END);
	CHECK(!parse("--end-group a.o"));
	/* a missing --end-group is added at the end, as GNU ld does */
	CHECK(parse("--start-group a.a") && count_kind(IN_GROUP_END) == 1 && input(2)->kind == IN_GROUP_END);

	CHECK(parse("--as-needed a.so --push-state --no-as-needed --whole-archive -Bstatic b.a --pop-state c.a"));
	CHECK(input(0)->as_needed && !input(1)->as_needed && input(1)->whole_archive && input(1)->static_only);
	CHECK(input(2)->as_needed && !input(2)->whole_archive && !input(2)->static_only);
	CHECK(!parse("--pop-state a.o"));

	CHECK(parse("-- -notanoption.o") && input(0)->kind == IN_FILE && STREQ(input(0)->name, "-notanoption.o"));
}

static void test_misc(void)
{
	struct options *o = &ctx.opt;
	CHECK(parse("--build-id x.o") && STREQ(o->build_id, "sha1"));
	CHECK(parse("--build-id=md5 x.o") && STREQ(o->build_id, "md5"));
	CHECK(parse("--build-id=0x1234abcd x.o") && STREQ(o->build_id, "0x1234abcd"));
	CHECK(parse("--build-id --build-id=none x.o") && !o->build_id);
	CHECK(!parse("--build-id=bogus x.o"));
	CHECK(parse("--oformat binary x.o") && STREQ(o->oformat, "binary"));
	CHECK(parse("--oformat=srec x.o") && STREQ(o->oformat, "srec"));
	CHECK(parse("--gc-sections --no-gc-sections x.o") && !o->gc_sections);
	CHECK(parse("--gc-sections --print-gc-sections x.o") && o->gc_sections && o->print_gc_sections);
	CHECK(parse("--emit-relocs x.o") && o->emit_relocs);
	CHECK(parse("-q x.o") && o->emit_relocs);
	CHECK(parse("-M x.o") && o->print_map && STREQ(o->map_file, "-"));
	CHECK(parse("-Map out.map x.o") && STREQ(o->map_file, "out.map") && !o->print_map);
	CHECK(parse("-Map=out.map x.o") && STREQ(o->map_file, "out.map"));
	CHECK(parse("--Map=out.map x.o") && STREQ(o->map_file, "out.map"));
	CHECK(parse("-o prog -Map=%.txt x.o") && STREQ(o->map_file, "prog.txt"));
	CHECK(parse("-o dir/prog -Map=/tmp x.o") && STREQ(o->map_file, "/tmp/prog.map"));
	CHECK(parse("--cref -t --trace --no-undefined -nostdlib --eh-frame-hdr x.o"));
	CHECK(o->cref && o->trace && o->no_undefined && o->nostdlib && o->eh_frame_hdr);
	CHECK(parse("--hash-style=gnu x.o") && !o->hash_sysv && o->hash_gnu);
	CHECK(parse("--hash-style=sysv x.o") && o->hash_sysv && !o->hash_gnu);
	CHECK(!parse("--hash-style=bad x.o"));
	CHECK(parse("--orphan-handling=WARN x.o") && STREQ(o->orphan_handling, "warn"));
	CHECK(!parse("--orphan-handling=x x.o"));
	CHECK(parse("--fatal-warnings --no-warn-rwx-segments --no-warn-execstack x.o"));
	CHECK(o->fatal_warnings && !o->warn_rwx_segments && !o->warn_execstack);
	CHECK(parse("--no-ld-generated-unwind-info x.o") && !o->ld_generated_unwind_info);
	CHECK(parse("-O2 --sort-common --sort-section=alignment x.o") && o->opt_level == 2 && o->sort_common &&
	      o->sort_section == SORT_SECTION_ALIGNMENT);
	CHECK(parse("-O 1 --sort-section=name x.o") && o->opt_level == 1 && o->sort_section == SORT_SECTION_NAME);
	CHECK(!parse("--sort-section=bad x.o"));
	CHECK(parse("--relax --no-relax x.o") && !o->relax);
	CHECK(parse("--threads=4 x.o") && o->threads == 4);
	CHECK(parse("--threads x.o") && o->threads >= 1);
	CHECK(parse("--threads=4 --no-threads x.o") && o->threads == 1);
	CHECK(!parse("--threads=0 x.o"));
	CHECK(parse("-dynamic-linker /lib/ld.so x.o") && STREQ(o->dynamic_linker, "/lib/ld.so"));
	CHECK(parse("--dynamic-linker=/lib/ld.so x.o") && STREQ(o->dynamic_linker, "/lib/ld.so"));
	CHECK(parse("-I/lib/ld.so x.o") && STREQ(o->dynamic_linker, "/lib/ld.so"));
	CHECK(parse("--hash-size=31 --print-memory-usage --print-gc-sections --no-print-gc-sections x.o"));
	CHECK(o->hash_size == 31 && o->print_memory_usage && !o->print_gc_sections);
	CHECK(parse("--error-limit=5 --warn-common --noinhibit-exec -EL --no-add-needed x.o"));
	CHECK(o->error_limit == 5 && o->warn_common && o->noinhibit_exec);
	CHECK(parse("--enable-new-dtags x.o") && o->enable_new_dtags);
	CHECK(parse("--enable-new-dtags --disable-new-dtags x.o") && !o->enable_new_dtags);
	CHECK(parse("-shared -Bsymbolic-functions --version-script=v.map --version-script v2.map x.o"));
	CHECK(o->bsymbolic_functions && !o->bsymbolic && o->version_scripts.n == 2);
	CHECK(parse("-Bsymbolic x.o") && !o->bsymbolic); /* only for shared output */
	CHECK(parse("-g -Qy -plugin /p.so -plugin-opt=-x -plugin-opt y --plugin-opt=z x.o") && o->inputs.n == 1);
	CHECK(parse("--verbose x.o") && o->verbose && o->verbose_level == 1);
	CHECK(parse("--verbose=2 x.o") && o->verbose_level == 2);
	CHECK(parse("-E -rpath /a -rpath-link /b --wrap malloc -y foo x.o"));
	CHECK(o->export_dynamic && STREQ(o->rpath.v[0], "/a") && STREQ(o->rpath_link.v[0], "/b") &&
	      STREQ(o->wrap.v[0], "malloc") && STREQ(o->trace_symbols.v[0], "foo"));
	CHECK(parse("-R /tmp x.o") && o->rpath.n == 1 && o->inputs.n == 1); /* directory: -rpath */
	CHECK(parse("--just-symbols=syms.o x.o") && input(0)->just_symbols && !input(1)->just_symbols);
	CHECK(parse("--no-undefined --unresolved-symbols=ignore-in-object-files -shared x.o"));
	CHECK(o->unresolved_symbols == UNRES_IGNORE_IN_OBJECTS);
	CHECK(!parse("--unresolved-symbols=bogus x.o"));
	/* grouped short options: accepted with a warning, as GNU ld does */
	CHECK(parse("-sx a.o") && o->strip == STRIP_ALL && o->discard == DISCARD_ALL);
	CHECK(!parse("-non-start a.o")); /* -n -o n-start: GNU ld cannot disambiguate */
	CHECK(!parse("-EB x.o"));
	CHECK(!parse("--split-by-file x.o"));
}

static void test_errors(void)
{
	CHECK(!parse("--foo x.o") && ctx.errors == 1);
	CHECK(!parse("-frobnicate x.o"));
	CHECK(!parse("x.o -o"));
	CHECK(!parse("x.o --script"));
	CHECK(!parse("x.o -Map"));
	CHECK(!parse("x.o --defsym"));
	CHECK(!parse("x.o -z"));
	CHECK(!parse("--defsym=foo x.o"));
	CHECK(!parse("--defsym =1 x.o"));
	CHECK(!parse("--gc-sections=yes x.o"));
	CHECK(!parse("--no-w x.o")); /* ambiguous prefix */
	CHECK(!parse("-m foo x.o"));
	CHECK(!parse("-m elf32_x86_64 x.o"));
	CHECK(!parse("-m elf_iamcu x.o"));
	CHECK(!parse("--threads=abc x.o"));
}

/* ---- @file ---- */
static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static void test_response_files(void)
{
	strcpy(tmpdir, "/tmp/slink-opt-XXXXXX");
	if (!mkdtemp(tmpdir)) {
		failed++;
		return;
	}
	char buf[512];
	write_file("inner", "-lc 'two words.o'\n");
	snprintf(buf, sizeof(buf),
		 "-o \"out file\" --whole-archive\n\ta\\ b.o 'q\"d'.o \"s'q\".o esc\\\\.o @%s/inner\n"
		 "--no-whole-archive @%s/missing", tmpdir, tmpdir);
	write_file("outer", buf);
	write_file("empty", "  \n\t \n");
	snprintf(buf, sizeof(buf), "x.o @%s/outer -e main @%s/empty y.o", tmpdir, tmpdir);
	CHECK(parse(buf));
	struct options *o = &ctx.opt;
	CHECK(STREQ(o->output, "out file"));
	CHECK(STREQ(o->entry, "main"));
	CHECK(o->inputs.n == 9);
	CHECK(STREQ(input(0)->name, "x.o") && !input(0)->whole_archive);
	CHECK(STREQ(input(1)->name, "a b.o") && input(1)->whole_archive);
	CHECK(STREQ(input(2)->name, "q\"d.o"));
	CHECK(STREQ(input(3)->name, "s'q.o"));
	CHECK(STREQ(input(4)->name, "esc\\.o"));
	CHECK(input(5)->kind == IN_LIBRARY && STREQ(input(5)->name, "c") && input(5)->whole_archive);
	CHECK(STREQ(input(6)->name, "two words.o"));
	/* an @file that cannot be read stays an input name, as with libiberty */
	snprintf(buf, sizeof(buf), "@%s/missing", tmpdir);
	CHECK(!strcmp(input(7)->name, buf) && !input(7)->whole_archive);
	CHECK(STREQ(input(8)->name, "y.o"));
	/* recursion is bounded */
	snprintf(buf, sizeof(buf), "@%s/self", tmpdir);
	write_file("self", buf);
	CHECK(!parse(buf));
	snprintf(buf, sizeof(buf), "@%s", tmpdir);
	CHECK(!parse(buf)); /* a directory */
	snprintf(buf, sizeof(buf), "rm -rf %s", tmpdir);
	if (system(buf) != 0)
		fprintf(stderr, "warning: could not remove %s\n", tmpdir);
}

/* --help / --version exit 0 and print to stdout: run them in a child.  -v and -V print the
 * version and return (with nothing to link, the link ends after reading its scripts:
 * tests/cases/script-verbose.sh). */
static void test_exiting(void)
{
	const char *cases[][3] = {
		{"--version", "GNU ld (slink 0.1) 2.40\nslink 0.1: a linker-script-driven ELF linker, compatible with GNU ld 2.40\n", "exact"},
		{"-v", "GNU ld (slink 0.1) 2.40\n", "prefix, returns"},
		{"-V", "GNU ld (slink 0.1) 2.40\n", "prefix, returns"},
		{"--help", "Usage: ld [options] file...\n", "prefix"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cur = cases[i][0];
		int fd[2];
		if (pipe(fd)) {
			failed++;
			continue;
		}
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			dup2(fd[1], 1);
			close(fd[0]);
			bool ok = parse(cases[i][0]);
			fflush(stdout);
			_exit(ok && strstr(cases[i][2], "returns") ? 0 : 99); /* --help, --version exit */
		}
		close(fd[1]);
		char out[8192];
		size_t n = 0;
		ssize_t r;
		while ((r = read(fd[0], out + n, sizeof(out) - 1 - n)) > 0)
			n += (size_t)r;
		out[n] = 0;
		close(fd[0]);
		int st;
		waitpid(pid, &st, 0);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
		if (!strcmp(cases[i][2], "exact"))
			CHECK(!strcmp(out, cases[i][1]));
		else
			CHECK(!strncmp(out, cases[i][1], strlen(cases[i][1])));
	}
	/* -v with inputs prints the version and goes on, as GNU ld does */
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		freopen("/dev/null", "w", stdout);
		_exit(parse("-v a.o") ? 42 : 1);
	}
	int st;
	waitpid(pid, &st, 0);
	cur = "-v a.o";
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42);
}

/* Every ld command of a Linux 6.1 x86_64 (tinyconfig) build. */
static void test_kernel(void)
{
	struct options *o = &ctx.opt;
	CHECK(parse("-r -o tools/objtool/fixdep-in.o tools/objtool/fixdep.o"));
	CHECK(o->kind == OUT_RELOCATABLE && STREQ(o->output, "tools/objtool/fixdep-in.o") && o->inputs.n == 1);
	CHECK(parse("-r -o tools/objtool/libsubcmd-in.o tools/objtool/exec-cmd.o tools/objtool/help.o "
		    "tools/objtool/pager.o tools/objtool/parse-options.o tools/objtool/run-command.o "
		    "tools/objtool/sigchain.o tools/objtool/subcmd-config.o"));
	CHECK(o->inputs.n == 7);
	CHECK(parse("-r -o tools/objtool/arch/x86/objtool-in.o tools/objtool/arch/x86/special.o tools/objtool/arch/x86/decode.o"));
	CHECK(o->inputs.n == 2);
	CHECK(parse("-r -o tools/objtool/objtool-in.o tools/objtool/arch/x86/objtool-in.o tools/objtool/weak.o "
		    "tools/objtool/check.o tools/objtool/special.o tools/objtool/builtin-check.o tools/objtool/elf.o "
		    "tools/objtool/objtool.o tools/objtool/orc_gen.o tools/objtool/orc_dump.o tools/objtool/libstring.o "
		    "tools/objtool/libctype.o tools/objtool/str_error_r.o tools/objtool/librbtree.o"));
	CHECK(o->inputs.n == 13);

	CHECK(parse("-o arch/x86/entry/vdso/vdso64.so.dbg -shared --hash-style=both --build-id=sha1 --eh-frame-hdr "
		    "-Bsymbolic -z noexecstack -m elf_x86_64 -soname linux-vdso.so.1 --no-undefined -z max-page-size=4096 "
		    "-T arch/x86/entry/vdso/vdso.lds arch/x86/entry/vdso/vdso-note.o arch/x86/entry/vdso/vclock_gettime.o "
		    "arch/x86/entry/vdso/vgetcpu.o"));
	CHECK(o->kind == OUT_SHARED && o->hash_sysv && o->hash_gnu && STREQ(o->build_id, "sha1") && o->eh_frame_hdr);
	CHECK(o->bsymbolic && o->execstack == 0 && STREQ(o->emulation, "elf_x86_64") &&
	      STREQ(o->soname, "linux-vdso.so.1") && o->no_undefined && o->max_page_size == 4096);
	CHECK(o->scripts.n == 1 && STREQ(o->scripts.v[0], "arch/x86/entry/vdso/vdso.lds") && o->inputs.n == 3);

	CHECK(parse("-m elf_x86_64 -z noexecstack --no-warn-rwx-segments -m elf_i386 --emit-relocs "
		    "-T arch/x86/realmode/rm/realmode.lds arch/x86/realmode/rm/header.o arch/x86/realmode/rm/trampoline_64.o "
		    "arch/x86/realmode/rm/stack.o arch/x86/realmode/rm/reboot.o -o arch/x86/realmode/rm/realmode.elf"));
	CHECK(STREQ(o->emulation, "elf_i386") && o->emit_relocs && !o->warn_rwx_segments && o->inputs.n == 4 &&
	      STREQ(o->output, "arch/x86/realmode/rm/realmode.elf"));

	CHECK(parse("-m elf_x86_64 -z noexecstack --no-warn-rwx-segments -r -o vmlinux.o --whole-archive vmlinux.a "
		    "--no-whole-archive --start-group lib/lib.a arch/x86/lib/lib.a --end-group"));
	CHECK(o->kind == OUT_RELOCATABLE && STREQ(o->output, "vmlinux.o") && o->inputs.n == 5);
	CHECK(input(0)->whole_archive && STREQ(input(0)->name, "vmlinux.a"));
	CHECK(input(1)->kind == IN_GROUP_START && !input(2)->whole_archive && input(4)->kind == IN_GROUP_END);

	CHECK(parse("-m elf_x86_64 -z noexecstack --no-warn-rwx-segments -z max-page-size=0x200000 --build-id=sha1 "
		    "--orphan-handling=warn --script=./arch/x86/kernel/vmlinux.lds -o vmlinux --whole-archive vmlinux.a "
		    "init/version-timestamp.o --no-whole-archive --start-group lib/lib.a arch/x86/lib/lib.a --end-group"));
	CHECK(o->max_page_size == 0x200000 && STREQ(o->orphan_handling, "warn") &&
	      STREQ(o->scripts.v[0], "./arch/x86/kernel/vmlinux.lds") && STREQ(o->output, "vmlinux"));
	CHECK(o->inputs.n == 6 && input(0)->whole_archive && input(1)->whole_archive && !input(3)->whole_archive);

	CHECK(parse("-m elf_x86_64 --no-ld-generated-unwind-info -pie --no-dynamic-linker --orphan-handling=warn "
		    "-z noexecstack --no-warn-rwx-segments -T arch/x86/boot/compressed/vmlinux.lds "
		    "arch/x86/boot/compressed/kernel_info.o arch/x86/boot/compressed/head_64.o arch/x86/boot/compressed/misc.o "
		    "arch/x86/boot/compressed/string.o arch/x86/boot/compressed/cmdline.o arch/x86/boot/compressed/error.o "
		    "arch/x86/boot/compressed/piggy.o arch/x86/boot/compressed/cpuflags.o "
		    "arch/x86/boot/compressed/early_serial_console.o arch/x86/boot/compressed/ident_map_64.o "
		    "arch/x86/boot/compressed/idt_64.o arch/x86/boot/compressed/idt_handlers_64.o "
		    "arch/x86/boot/compressed/pgtable_64.o -o arch/x86/boot/compressed/vmlinux"));
	CHECK(o->kind == OUT_PIE && o->dynamic_linker_none && !o->ld_generated_unwind_info && o->inputs.n == 13);

	CHECK(parse("-m elf_x86_64 -z noexecstack --no-warn-rwx-segments -m elf_i386 -z noexecstack -T arch/x86/boot/setup.ld "
		    "arch/x86/boot/a20.o arch/x86/boot/bioscall.o arch/x86/boot/cmdline.o arch/x86/boot/copy.o "
		    "arch/x86/boot/cpu.o arch/x86/boot/cpuflags.o arch/x86/boot/cpucheck.o arch/x86/boot/early_serial_console.o "
		    "arch/x86/boot/edd.o arch/x86/boot/header.o arch/x86/boot/main.o arch/x86/boot/memory.o arch/x86/boot/pm.o "
		    "arch/x86/boot/pmjump.o arch/x86/boot/printf.o arch/x86/boot/regs.o arch/x86/boot/string.o "
		    "arch/x86/boot/tty.o arch/x86/boot/video.o arch/x86/boot/video-mode.o arch/x86/boot/version.o "
		    "arch/x86/boot/video-vga.o arch/x86/boot/video-vesa.o arch/x86/boot/video-bios.o -o arch/x86/boot/setup.elf"));
	CHECK(STREQ(o->emulation, "elf_i386") && o->inputs.n == 24 && STREQ(o->output, "arch/x86/boot/setup.elf"));
	CHECK(ctx.warnings == 0);
}

#define GCCDIR "/usr/lib/gcc/x86_64-linux-gnu/12"
#define PLUGIN "-plugin " GCCDIR "/liblto_plugin.so -plugin-opt=" GCCDIR "/lto-wrapper -plugin-opt=-fresolution=/tmp/cc.res "
#define LPATHS "-L" GCCDIR " -L" GCCDIR "/../../../x86_64-linux-gnu -L" GCCDIR "/../../../../lib -L/lib/x86_64-linux-gnu " \
	"-L/lib/../lib -L/usr/lib/x86_64-linux-gnu -L/usr/lib/../lib -L" GCCDIR "/../../.. "

/* What gcc 12's collect2 passes to ld (gcc -v). */
static void test_gcc(void)
{
	struct options *o = &ctx.opt;
	/* gcc hello.c (default PIE) */
	CHECK(parse(PLUGIN "-plugin-opt=-pass-through=-lgcc -plugin-opt=-pass-through=-lgcc_s -plugin-opt=-pass-through=-lc "
		    "--build-id --eh-frame-hdr -m elf_x86_64 --hash-style=gnu --as-needed -dynamic-linker /lib64/ld-linux-x86-64.so.2 "
		    "-pie " GCCDIR "/../../../x86_64-linux-gnu/Scrt1.o " GCCDIR "/../../../x86_64-linux-gnu/crti.o " GCCDIR "/crtbeginS.o "
		    LPATHS "/tmp/ccCpTWgY.o -lgcc --push-state --as-needed -lgcc_s --pop-state -lc -lgcc --push-state --as-needed "
		    "-lgcc_s --pop-state " GCCDIR "/crtendS.o " GCCDIR "/../../../x86_64-linux-gnu/crtn.o"));
	CHECK(o->kind == OUT_PIE && STREQ(o->build_id, "sha1") && o->eh_frame_hdr && !o->hash_sysv && o->hash_gnu);
	CHECK(STREQ(o->dynamic_linker, "/lib64/ld-linux-x86-64.so.2") && o->lib_paths.n == 8);
	CHECK(o->inputs.n == 11 && input(0)->as_needed && STREQ(input(0)->name, GCCDIR "/../../../x86_64-linux-gnu/Scrt1.o"));
	CHECK(input(4)->kind == IN_LIBRARY && STREQ(input(4)->name, "gcc") && input(5)->as_needed &&
	      STREQ(input(5)->name, "gcc_s") && input(6)->as_needed && STREQ(input(6)->name, "c"));

	/* gcc -static */
	CHECK(parse(PLUGIN "-plugin-opt=-pass-through=-lgcc -plugin-opt=-pass-through=-lgcc_eh -plugin-opt=-pass-through=-lc "
		    "--build-id -m elf_x86_64 --hash-style=gnu --as-needed -static -o h " GCCDIR "/../../../x86_64-linux-gnu/crt1.o "
		    GCCDIR "/../../../x86_64-linux-gnu/crti.o " GCCDIR "/crtbeginT.o " LPATHS "/tmp/ccUxfKXi.o --start-group -lgcc "
		    "-lgcc_eh -lc --end-group " GCCDIR "/crtend.o " GCCDIR "/../../../x86_64-linux-gnu/crtn.o"));
	CHECK(o->kind == OUT_EXEC && o->is_static && STREQ(o->output, "h") && count_kind(IN_GROUP_START) == 1);
	CHECK(input(5)->kind == IN_LIBRARY && input(5)->static_only);

	/* gcc -static-pie */
	CHECK(parse(PLUGIN "--build-id --eh-frame-hdr -m elf_x86_64 --hash-style=gnu --as-needed -static -pie "
		    "--no-dynamic-linker -z text -pie -o h " GCCDIR "/../../../x86_64-linux-gnu/rcrt1.o " LPATHS "/tmp/cc.o "
		    "--start-group -lgcc -lgcc_eh -lc --end-group"));
	CHECK(o->kind == OUT_PIE && o->is_static && o->dynamic_linker_none && o->textrel_check == TEXTREL_ERROR);

	/* gcc -shared */
	CHECK(parse(PLUGIN "--build-id --eh-frame-hdr -m elf_x86_64 --hash-style=gnu --as-needed -shared -o h.so "
		    GCCDIR "/../../../x86_64-linux-gnu/crti.o " GCCDIR "/crtbeginS.o " LPATHS "/tmp/cc.o -lgcc --push-state "
		    "--as-needed -lgcc_s --pop-state -lc"));
	CHECK(o->kind == OUT_SHARED && STREQ(o->output, "h.so"));

	/* gcc -no-pie */
	CHECK(parse(PLUGIN "--build-id --eh-frame-hdr -m elf_x86_64 --hash-style=gnu --as-needed -dynamic-linker "
		    "/lib64/ld-linux-x86-64.so.2 -o h crt1.o " LPATHS "/tmp/cc.o -lgcc -lc"));
	CHECK(o->kind == OUT_EXEC && !o->is_static);

	/* musl-gcc -static: note "-L DIR" with a space */
	CHECK(parse(PLUGIN "-plugin-opt=-pass-through=" GCCDIR "/libgcc.a -plugin-opt=-pass-through=" GCCDIR "/libgcc_eh.a "
		    "-plugin-opt=-pass-through=-lc -dynamic-linker /lib/ld-musl-x86_64.so.1 -nostdlib -static "
		    "/usr/lib/x86_64-linux-musl/Scrt1.o /usr/lib/x86_64-linux-musl/crti.o " GCCDIR "/crtbeginS.o "
		    "-L/usr/lib/x86_64-linux-musl -L " GCCDIR "/. /tmp/ccTd08Dq.o --start-group " GCCDIR "/libgcc.a "
		    GCCDIR "/libgcc_eh.a -lc --end-group " GCCDIR "/crtendS.o /usr/lib/x86_64-linux-musl/crtn.o"));
	CHECK(o->nostdlib && o->is_static && STREQ(o->dynamic_linker, "/lib/ld-musl-x86_64.so.1"));
	CHECK(o->lib_paths.n == 2 && STREQ(o->lib_paths.v[1], GCCDIR "/."));
	CHECK(o->inputs.n == 11 && input(8)->kind == IN_GROUP_END && STREQ(input(10)->name, "/usr/lib/x86_64-linux-musl/crtn.o"));
}

int main(void)
{
	test_defaults();
	test_spellings();
	test_addresses();
	test_z();
	test_kinds();
	test_position_dependent();
	test_misc();
	test_errors();
	test_response_files();
	test_exiting();
	test_kernel();
	test_gcc();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
