/* The command line: GNU ld's options, spelled the way GNU ld accepts them.
 *
 * GNU ld parses with getopt_long_only(), which gives these rules, reproduced here:
 *  - a long option may be written with one or two dashes (`-static`, `--static`), except the
 *    few GNU ld marks "exactly two dashes" (--output, --oformat, --omagic, ...); `-output` is
 *    therefore `-o utput`, as in GNU ld;
 *  - a long option may be abbreviated to any unique prefix (`--verb` is --verbose);
 *  - `-xARG` where no long option starts with "xARG" is the short option -x with ARG attached
 *    (`-ofile`, `-Lpath`, `-melf_i386`, `-znow`, `-O2`, `-Tscript.ld`);
 *  - `-lNAME` is always the library NAME (GNU ld rewrites it to --library=NAME first);
 *  - a required argument is the text after '=' or the next word; an optional one only after '='.
 * `@file` response files are expanded first, as libiberty's expandargv does.
 *
 * Options accepted and ignored (they do not change what slink produces):
 *   -plugin X, -plugin-opt X, -flto[=..], -flto-partition=, -fuse-ld=  (gcc's collect2 passes them)
 *   -g, -Qy, -qmagic, -assert KEYWORD, -EL (x86 is little-endian), -O LEVEL (stored only)
 *   --relax / --no-relax (x86 GNU ld does nothing with them either)
 *   --no-keep-memory, --reduce-memory-overheads, --max-cache-size=, --stats, --hash-size=
 *   --no-warn-mismatch, --no-warn-search-mismatch, --[no-]accept-unknown-input-arch
 *   --warn-constructors, --warn-multiple-gp, --warn-alternate-em, --traditional-format
 *   --[no-]undefined-version, --disable-multiple-abs-defs, --[no-]map-whole-files
 *   --[no-]ctf-variables, --ctf-share-types=, --compress-debug-sections=none
 *   -z keywords for dynamic tags slink records but that need no layout work (see parse_z)
 * GNU ld options slink rejects as "not supported" (rather than "unrecognized"): see `unsup`. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <elf.h>

#include "slink.h"

#define SLINK_VERSION "0.1"

enum argk { A_NONE, A_REQ, A_OPT };

enum opt_id {
	O_NONE = 0,
	/* inputs and position-dependent state */
	O_LIBRARY, O_LIBPATH, O_FORMAT, O_WHOLE, O_NO_WHOLE, O_AS_NEEDED, O_NO_AS_NEEDED,
	O_ADD_NEEDED, O_NO_ADD_NEEDED, O_START_GROUP, O_END_GROUP, O_BSTATIC, O_BDYNAMIC,
	O_PUSH_STATE, O_POP_STATE, O_JUST_SYMBOLS, O_R_SOLARIS,
	/* output */
	O_OUTPUT, O_EMUL, O_ENTRY, O_SCRIPT, O_DEFAULT_SCRIPT, O_UNDEF, O_REQUIRE_DEFINED, O_DEFSYM,
	O_TTEXT, O_TDATA, O_TBSS, O_TTEXT_SEG, O_TRODATA_SEG, O_TLDATA_SEG, O_SECTION_START,
	O_Z, O_RELOCATABLE, O_UR, O_PIE, O_NO_PIE, O_SHARED, O_BSYMBOLIC, O_BSYMBOLIC_FUNCTIONS,
	O_BNO_SYMBOLIC, O_STRIP_ALL, O_STRIP_DEBUG, O_DISCARD_ALL, O_DISCARD_LOCALS,
	O_DISCARD_NONE, O_OFORMAT, O_BUILD_ID, O_GC, O_NO_GC, O_PRINT_GC, O_NO_PRINT_GC,
	O_GC_KEEP_EXPORTED, O_EMIT_RELOCS, O_VERBOSE, O_VERSION, O_V_SHORT, O_V_LONG, O_HELP,
	O_PRINT_MAP, O_MAP, O_CREF, O_TRACE, O_TRACE_SYMBOL, O_NO_UNDEFINED, O_NOSTDLIB,
	O_EH_FRAME_HDR, O_NO_EH_FRAME_HDR, O_DYNAMIC_LINKER, O_NO_DYNAMIC_LINKER, O_SONAME,
	O_HASH_STYLE, O_ORPHAN, O_FATAL_WARNINGS, O_NO_FATAL_WARNINGS, O_WARN_RWX, O_NO_WARN_RWX,
	O_WARN_EXECSTACK, O_NO_WARN_EXECSTACK, O_LD_UNWIND, O_NO_LD_UNWIND, O_OPT_LEVEL,
	O_SORT_COMMON, O_SORT_SECTION, O_OMAGIC, O_NO_OMAGIC, O_NMAGIC, O_RELAX, O_NO_RELAX,
	O_THREADS, O_NO_THREADS, O_HASH_SIZE, O_PRINT_MEM, O_ERROR_LIMIT, O_WARN_COMMON,
	O_WARN_ONCE, O_WARN_SECTION_ALIGN, O_WARN_TEXTREL, O_NO_WARNINGS, O_NOINHIBIT_EXEC,
	O_ENABLE_NEW_DTAGS, O_DISABLE_NEW_DTAGS, O_SYSROOT, O_VERSION_SCRIPT, O_DYNAMIC_LIST,
	O_EXPORT_DYNAMIC, O_NO_EXPORT_DYNAMIC, O_EXPORT_DYNAMIC_SYMBOL, O_RPATH, O_RPATH_LINK,
	O_WRAP, O_EXCLUDE_LIBS, O_RETAIN_SYMBOLS_FILE, O_INIT, O_FINI, O_DEPENDENCY_FILE, O_LAYOUT_JSON,
	O_ALLOW_SHLIB_UNDEF, O_NO_ALLOW_SHLIB_UNDEF, O_ALLOW_MULTIPLE_DEF, O_UNRESOLVED,
	O_WARN_UNRESOLVED, O_ERROR_UNRESOLVED, O_IGNORE_UNRESOLVED, O_PRINT_MAP_DISCARDED,
	O_NO_PRINT_MAP_DISCARDED, O_STRIP_DISCARDED, O_NO_STRIP_DISCARDED, O_CHECK_SECTIONS,
	O_NO_CHECK_SECTIONS, O_DEFINE_COMMON, O_NO_DEFINE_COMMON, O_DEMANGLE, O_NO_DEMANGLE,
	O_PRINT_OUTPUT_FORMAT, O_EB, O_EL, O_COMPRESS_DEBUG, O_ACCEPT_UNKNOWN_ARCH, O_NO_ACCEPT_UNKNOWN_ARCH,
	O_IGNORE,  /* accepted, no effect */
	O_UNSUP,   /* a GNU ld option slink does not implement */
};

struct opt_def {
	const char *name; /* long name, without dashes */
	uint8_t arg;      /* enum argk */
	bool two_dashes;  /* only accepted as --name (GNU ld's EXACTLY_TWO_DASHES) */
	uint16_t id;      /* enum opt_id */
};

static const struct opt_def long_opts[] = {
	/* inputs */
	{"library", A_REQ, 0, O_LIBRARY},
	{"library-path", A_REQ, 0, O_LIBPATH},
	{"format", A_REQ, 0, O_FORMAT},
	{"whole-archive", A_NONE, 0, O_WHOLE},
	{"no-whole-archive", A_NONE, 0, O_NO_WHOLE},
	{"as-needed", A_NONE, 0, O_AS_NEEDED},
	{"no-as-needed", A_NONE, 0, O_NO_AS_NEEDED},
	{"add-needed", A_NONE, 0, O_ADD_NEEDED},
	{"no-add-needed", A_NONE, 0, O_NO_ADD_NEEDED},
	{"copy-dt-needed-entries", A_NONE, 0, O_ADD_NEEDED},
	{"no-copy-dt-needed-entries", A_NONE, 0, O_NO_ADD_NEEDED},
	{"start-group", A_NONE, 0, O_START_GROUP},
	{"end-group", A_NONE, 0, O_END_GROUP},
	{"Bstatic", A_NONE, 0, O_BSTATIC},
	{"dn", A_NONE, 0, O_BSTATIC},
	{"non_shared", A_NONE, 0, O_BSTATIC},
	{"static", A_NONE, 0, O_BSTATIC},
	{"Bdynamic", A_NONE, 0, O_BDYNAMIC},
	{"dy", A_NONE, 0, O_BDYNAMIC},
	{"call_shared", A_NONE, 0, O_BDYNAMIC},
	{"push-state", A_NONE, 0, O_PUSH_STATE},
	{"pop-state", A_NONE, 0, O_POP_STATE},
	{"just-symbols", A_REQ, 0, O_JUST_SYMBOLS},
	/* output */
	{"output", A_REQ, 1, O_OUTPUT},
	{"entry", A_REQ, 0, O_ENTRY},
	{"script", A_REQ, 0, O_SCRIPT},
	{"default-script", A_REQ, 0, O_DEFAULT_SCRIPT},
	{"dT", A_REQ, 0, O_DEFAULT_SCRIPT},
	{"undefined", A_REQ, 0, O_UNDEF},
	{"require-defined", A_REQ, 0, O_REQUIRE_DEFINED},
	{"defsym", A_REQ, 0, O_DEFSYM},
	{"Ttext", A_REQ, 0, O_TTEXT},
	{"Tdata", A_REQ, 0, O_TDATA},
	{"Tbss", A_REQ, 0, O_TBSS},
	{"Ttext-segment", A_REQ, 0, O_TTEXT_SEG},
	{"Trodata-segment", A_REQ, 0, O_TRODATA_SEG},
	{"Tldata-segment", A_REQ, 0, O_TLDATA_SEG},
	{"section-start", A_REQ, 0, O_SECTION_START},
	{"relocatable", A_NONE, 0, O_RELOCATABLE},
	{"Ur", A_NONE, 0, O_UR},
	{"pie", A_NONE, 0, O_PIE},
	{"pic-executable", A_NONE, 0, O_PIE},
	{"no-pie", A_NONE, 0, O_NO_PIE},
	{"shared", A_NONE, 0, O_SHARED},
	{"Bshareable", A_NONE, 0, O_SHARED},
	{"Bsymbolic", A_NONE, 0, O_BSYMBOLIC},
	{"Bsymbolic-functions", A_NONE, 0, O_BSYMBOLIC_FUNCTIONS},
	{"Bno-symbolic", A_NONE, 0, O_BNO_SYMBOLIC},
	{"strip-all", A_NONE, 0, O_STRIP_ALL},
	{"strip-debug", A_NONE, 0, O_STRIP_DEBUG},
	{"discard-all", A_NONE, 0, O_DISCARD_ALL},
	{"discard-locals", A_NONE, 0, O_DISCARD_LOCALS},
	{"discard-none", A_NONE, 0, O_DISCARD_NONE},
	{"oformat", A_REQ, 1, O_OFORMAT},
	{"build-id", A_OPT, 0, O_BUILD_ID},
	{"gc-sections", A_NONE, 0, O_GC},
	{"no-gc-sections", A_NONE, 0, O_NO_GC},
	{"print-gc-sections", A_NONE, 0, O_PRINT_GC},
	{"no-print-gc-sections", A_NONE, 0, O_NO_PRINT_GC},
	{"gc-keep-exported", A_NONE, 0, O_GC_KEEP_EXPORTED},
	{"emit-relocs", A_NONE, 0, O_EMIT_RELOCS},
	{"verbose", A_OPT, 0, O_VERBOSE},
	{"dll-verbose", A_OPT, 0, O_VERBOSE},
	{"version", A_NONE, 0, O_VERSION},
	{"help", A_NONE, 0, O_HELP},
	{"print-map", A_NONE, 0, O_PRINT_MAP},
	{"Map", A_REQ, 0, O_MAP},
	{"cref", A_NONE, 0, O_CREF},
	{"trace", A_NONE, 0, O_TRACE},
	{"trace-symbol", A_REQ, 0, O_TRACE_SYMBOL},
	{"no-undefined", A_NONE, 0, O_NO_UNDEFINED},
	{"nostdlib", A_NONE, 0, O_NOSTDLIB},
	{"eh-frame-hdr", A_NONE, 0, O_EH_FRAME_HDR},
	{"no-eh-frame-hdr", A_NONE, 0, O_NO_EH_FRAME_HDR},
	{"dynamic-linker", A_REQ, 0, O_DYNAMIC_LINKER},
	{"no-dynamic-linker", A_NONE, 0, O_NO_DYNAMIC_LINKER},
	{"soname", A_REQ, 0, O_SONAME},
	{"hash-style", A_REQ, 0, O_HASH_STYLE},
	{"orphan-handling", A_REQ, 0, O_ORPHAN},
	{"fatal-warnings", A_NONE, 0, O_FATAL_WARNINGS},
	{"no-fatal-warnings", A_NONE, 0, O_NO_FATAL_WARNINGS},
	{"warn-rwx-segments", A_NONE, 0, O_WARN_RWX},
	{"no-warn-rwx-segments", A_NONE, 0, O_NO_WARN_RWX},
	{"warn-execstack", A_NONE, 0, O_WARN_EXECSTACK},
	{"no-warn-execstack", A_NONE, 0, O_NO_WARN_EXECSTACK},
	{"ld-generated-unwind-info", A_NONE, 0, O_LD_UNWIND},
	{"no-ld-generated-unwind-info", A_NONE, 0, O_NO_LD_UNWIND},
	{"sort-common", A_OPT, 0, O_SORT_COMMON},
	{"sort_common", A_NONE, 0, O_SORT_COMMON},
	{"sort-section", A_REQ, 0, O_SORT_SECTION},
	{"omagic", A_NONE, 1, O_OMAGIC},
	{"no-omagic", A_NONE, 1, O_NO_OMAGIC},
	{"nmagic", A_NONE, 0, O_NMAGIC},
	{"relax", A_NONE, 0, O_RELAX},
	{"no-relax", A_NONE, 0, O_NO_RELAX},
	{"threads", A_OPT, 0, O_THREADS},
	{"no-threads", A_NONE, 0, O_NO_THREADS},
	{"hash-size", A_REQ, 0, O_HASH_SIZE},
	{"print-memory-usage", A_NONE, 0, O_PRINT_MEM},
	{"error-limit", A_REQ, 0, O_ERROR_LIMIT},
	{"warn-common", A_NONE, 0, O_WARN_COMMON},
	{"warn-once", A_NONE, 0, O_WARN_ONCE},
	{"warn-section-align", A_NONE, 0, O_WARN_SECTION_ALIGN},
	{"warn-textrel", A_NONE, 0, O_WARN_TEXTREL},
	{"warn-shared-textrel", A_NONE, 0, O_WARN_TEXTREL},
	{"no-warnings", A_NONE, 0, O_NO_WARNINGS},
	{"noinhibit-exec", A_NONE, 0, O_NOINHIBIT_EXEC},
	{"noinhibit_exec", A_NONE, 0, O_NOINHIBIT_EXEC},
	{"enable-new-dtags", A_NONE, 0, O_ENABLE_NEW_DTAGS},
	{"disable-new-dtags", A_NONE, 0, O_DISABLE_NEW_DTAGS},
	{"sysroot", A_REQ, 0, O_SYSROOT},
	{"version-script", A_REQ, 0, O_VERSION_SCRIPT},
	{"dynamic-list", A_REQ, 0, O_DYNAMIC_LIST},
	{"export-dynamic", A_NONE, 0, O_EXPORT_DYNAMIC},
	{"no-export-dynamic", A_NONE, 0, O_NO_EXPORT_DYNAMIC},
	{"export-dynamic-symbol", A_REQ, 1, O_EXPORT_DYNAMIC_SYMBOL},
	{"rpath", A_REQ, 0, O_RPATH},
	{"rpath-link", A_REQ, 0, O_RPATH_LINK},
	{"wrap", A_REQ, 0, O_WRAP},
	{"exclude-libs", A_REQ, 0, O_EXCLUDE_LIBS},
	{"retain-symbols-file", A_REQ, 0, O_RETAIN_SYMBOLS_FILE},
	{"init", A_REQ, 0, O_INIT},
	{"fini", A_REQ, 0, O_FINI},
	{"dependency-file", A_REQ, 0, O_DEPENDENCY_FILE},
	{"layout-json", A_REQ, 0, O_LAYOUT_JSON},
	{"allow-shlib-undefined", A_NONE, 0, O_ALLOW_SHLIB_UNDEF},
	{"no-allow-shlib-undefined", A_NONE, 0, O_NO_ALLOW_SHLIB_UNDEF},
	{"allow-multiple-definition", A_NONE, 0, O_ALLOW_MULTIPLE_DEF},
	{"unresolved-symbols", A_REQ, 0, O_UNRESOLVED},
	{"warn-unresolved-symbols", A_NONE, 0, O_WARN_UNRESOLVED},
	{"error-unresolved-symbols", A_NONE, 0, O_ERROR_UNRESOLVED},
	{"ignore-unresolved-symbol", A_REQ, 0, O_IGNORE_UNRESOLVED},
	{"print-map-discarded", A_NONE, 0, O_PRINT_MAP_DISCARDED},
	{"no-print-map-discarded", A_NONE, 0, O_NO_PRINT_MAP_DISCARDED},
	{"strip-discarded", A_NONE, 0, O_STRIP_DISCARDED},
	{"no-strip-discarded", A_NONE, 0, O_NO_STRIP_DISCARDED},
	{"check-sections", A_NONE, 0, O_CHECK_SECTIONS},
	{"no-check-sections", A_NONE, 0, O_NO_CHECK_SECTIONS},
	{"dc", A_NONE, 0, O_DEFINE_COMMON},
	{"dp", A_NONE, 0, O_DEFINE_COMMON},
	{"no-define-common", A_NONE, 0, O_NO_DEFINE_COMMON},
	{"demangle", A_OPT, 0, O_DEMANGLE},
	{"no-demangle", A_NONE, 0, O_NO_DEMANGLE},
	{"print-output-format", A_NONE, 0, O_PRINT_OUTPUT_FORMAT},
	{"EB", A_NONE, 0, O_EB},
	{"EL", A_NONE, 0, O_EL},
	{"compress-debug-sections", A_REQ, 0, O_COMPRESS_DEBUG},
	/* accepted and ignored */
	{"plugin", A_REQ, 0, O_IGNORE},
	{"plugin-opt", A_REQ, 0, O_IGNORE},
	{"flto", A_OPT, 0, O_IGNORE},
	{"flto-partition=", A_REQ, 0, O_IGNORE},
	{"fuse-ld=", A_REQ, 0, O_IGNORE},
	{"Qy", A_NONE, 0, O_IGNORE},
	{"qmagic", A_NONE, 0, O_IGNORE},
	{"assert", A_REQ, 0, O_IGNORE},
	{"no-keep-memory", A_NONE, 0, O_IGNORE},
	{"reduce-memory-overheads", A_NONE, 0, O_IGNORE},
	{"max-cache-size", A_REQ, 0, O_IGNORE},
	{"stats", A_NONE, 0, O_IGNORE},
	{"no-warn-mismatch", A_NONE, 0, O_IGNORE},
	{"no-warn-search-mismatch", A_NONE, 0, O_IGNORE},
	{"accept-unknown-input-arch", A_NONE, 0, O_ACCEPT_UNKNOWN_ARCH},
	{"no-accept-unknown-input-arch", A_NONE, 0, O_NO_ACCEPT_UNKNOWN_ARCH},
	{"warn-constructors", A_NONE, 0, O_IGNORE},
	{"warn-multiple-gp", A_NONE, 0, O_IGNORE},
	{"warn-alternate-em", A_NONE, 0, O_IGNORE},
	{"traditional-format", A_NONE, 0, O_IGNORE},
	{"undefined-version", A_NONE, 1, O_IGNORE},
	{"no-undefined-version", A_NONE, 0, O_IGNORE},
	{"disable-multiple-abs-defs", A_NONE, 0, O_IGNORE},
	{"map-whole-files", A_OPT, 0, O_IGNORE},
	{"no-map-whole-files", A_OPT, 0, O_IGNORE},
	{"ctf-variables", A_NONE, 0, O_IGNORE},
	{"no-ctf-variables", A_NONE, 0, O_IGNORE},
	{"ctf-share-types", A_REQ, 0, O_IGNORE},
	/* GNU ld options slink does not implement */
	{"architecture", A_REQ, 0, O_UNSUP},
	{"mri-script", A_REQ, 0, O_UNSUP},
	{"auxiliary", A_REQ, 0, O_UNSUP},
	{"filter", A_REQ, 0, O_UNSUP},
	{"gpsize", A_REQ, 0, O_UNSUP},
	{"audit", A_REQ, 0, O_UNSUP},
	{"depaudit", A_REQ, 0, O_UNSUP},
	{"Bgroup", A_NONE, 0, O_UNSUP},
	{"out-implib", A_REQ, 0, O_UNSUP},
	{"split-by-file", A_OPT, 0, O_UNSUP},
	{"split-by-reloc", A_OPT, 0, O_UNSUP},
	{"task-link", A_REQ, 0, O_UNSUP},
	{"spare-dynamic-tags", A_REQ, 0, O_UNSUP},
	{"package-metadata", A_OPT, 0, O_UNSUP},
	{"dynamic-list-data", A_NONE, 0, O_UNSUP},
	{"dynamic-list-cpp-new", A_NONE, 0, O_UNSUP},
	{"dynamic-list-cpp-typeinfo", A_NONE, 0, O_UNSUP},
	{"export-dynamic-symbol-list", A_REQ, 1, O_UNSUP},
	{"version-exports-section", A_REQ, 0, O_UNSUP},
	{"unique", A_OPT, 0, O_UNSUP},
	{"embedded-relocs", A_NONE, 0, O_UNSUP},
	{"force-exe-suffix", A_NONE, 0, O_UNSUP},
	{"force-group-allocation", A_NONE, 0, O_UNSUP},
	{"enable-non-contiguous-regions", A_NONE, 0, O_UNSUP},
	{"enable-non-contiguous-regions-warnings", A_NONE, 0, O_UNSUP},
	{"default-symver", A_NONE, 0, O_UNSUP},
	{"default-imported-symver", A_NONE, 0, O_UNSUP},
	{"error-handling-script", A_REQ, 0, O_UNSUP},
	{"print-sysroot", A_NONE, 0, O_UNSUP},
	{"target-help", A_NONE, 0, O_UNSUP},
};

/* Short options: the character, its argument kind and what it means. */
struct short_def { char c; uint8_t arg; uint16_t id; };
static const struct short_def short_opts[] = {
	{'b', A_REQ, O_FORMAT},       {'d', A_NONE, O_DEFINE_COMMON}, {'e', A_REQ, O_ENTRY},
	{'E', A_NONE, O_EXPORT_DYNAMIC}, {'g', A_NONE, O_IGNORE}, {'h', A_REQ, O_SONAME},
	{'I', A_REQ, O_DYNAMIC_LINKER}, {'i', A_NONE, O_RELOCATABLE}, {'l', A_REQ, O_LIBRARY},
	{'L', A_REQ, O_LIBPATH},      {'m', A_REQ, O_EMUL},         {'M', A_NONE, O_PRINT_MAP},
	{'n', A_NONE, O_NMAGIC},      {'N', A_NONE, O_OMAGIC},      {'o', A_REQ, O_OUTPUT},
	{'O', A_REQ, O_OPT_LEVEL},    {'q', A_NONE, O_EMIT_RELOCS}, {'r', A_NONE, O_RELOCATABLE},
	{'R', A_REQ, O_R_SOLARIS},    {'s', A_NONE, O_STRIP_ALL},   {'S', A_NONE, O_STRIP_DEBUG},
	{'t', A_NONE, O_TRACE},       {'T', A_REQ, O_SCRIPT},       {'u', A_REQ, O_UNDEF},
	{'v', A_NONE, O_V_SHORT},     {'V', A_NONE, O_V_LONG},      {'w', A_NONE, O_NO_WARNINGS},
	{'x', A_NONE, O_DISCARD_ALL}, {'X', A_NONE, O_DISCARD_LOCALS}, {'y', A_REQ, O_TRACE_SYMBOL},
	{'z', A_REQ, O_Z},            {'(', A_NONE, O_START_GROUP}, {')', A_NONE, O_END_GROUP},
	{'a', A_REQ, O_UNSUP},        {'A', A_REQ, O_UNSUP},        {'c', A_REQ, O_UNSUP},
	{'f', A_REQ, O_UNSUP},        {'F', A_REQ, O_UNSUP},        {'G', A_REQ, O_UNSUP},
	{'P', A_REQ, O_UNSUP},        {'Y', A_REQ, O_UNSUP},
};

static const struct short_def *find_short(char c)
{
	for (size_t i = 0; i < sizeof(short_opts) / sizeof(short_opts[0]); i++)
		if (short_opts[i].c == c)
			return &short_opts[i];
	return NULL;
}

/* Long option named by the first `len` bytes of `s`: an exact name, else a unique prefix
 * (several prefixes meaning the same option are not ambiguous).  `single_dash` leaves out the
 * options GNU ld accepts only with two dashes.  *ambiguous tells a clash from no match. */
static const struct opt_def *find_long(const char *s, size_t len, bool single_dash, bool *ambiguous)
{
	const struct opt_def *found = NULL;
	*ambiguous = false;
	for (size_t i = 0; i < sizeof(long_opts) / sizeof(long_opts[0]); i++) {
		const struct opt_def *d = &long_opts[i];
		if (single_dash && d->two_dashes)
			continue;
		size_t dl = strlen(d->name);
		/* names such as "flto-partition=" carry their '=' in GNU ld's table */
		if (dl && d->name[dl - 1] == '=')
			dl--;
		if (dl == len && !strncmp(d->name, s, len))
			return d;
	}
	if (len == 0)
		return NULL;
	for (size_t i = 0; i < sizeof(long_opts) / sizeof(long_opts[0]); i++) {
		const struct opt_def *d = &long_opts[i];
		if (single_dash && d->two_dashes)
			continue;
		if (strlen(d->name) > len && !strncmp(d->name, s, len)) {
			if (found && (found->id != d->id || found->arg != d->arg))
				*ambiguous = true;
			if (!found)
				found = d;
		}
	}
	return *ambiguous ? NULL : found;
}

/* ---- response files ------------------------------------------------------------------ */

struct strvec {
	char **v;
	size_t n, cap;
};

/* Split a response file's text into words as libiberty's buildargv does: whitespace separates,
 * '...' and "..." quote, backslash escapes the next character anywhere. */
static void split_words(struct ctx *ctx, const char *s, size_t n, struct strvec *out)
{
	char *buf = xmalloc(n + 1);
	size_t i = 0;
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f'))
			i++;
		if (i >= n)
			break;
		size_t len = 0;
		bool sq = false, dq = false, bs = false;
		for (; i < n; i++) {
			char c = s[i];
			if (bs) {
				bs = false;
				buf[len++] = c;
			} else if (c == '\\') {
				bs = true;
			} else if (sq) {
				if (c == '\'')
					sq = false;
				else
					buf[len++] = c;
			} else if (dq) {
				if (c == '"')
					dq = false;
				else
					buf[len++] = c;
			} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
				break;
			} else if (c == '\'') {
				sq = true;
			} else if (c == '"') {
				dq = true;
			} else {
				buf[len++] = c;
			}
		}
		vec_push(*out, arena_strndup(&ctx->arena, buf, len));
	}
	free(buf);
}

/* Replace every readable `@file` by the words in it, rescanning what was inserted so response
 * files may name others (bounded, as libiberty bounds it).  An `@name` that cannot be read
 * stays as it is: GNU ld then takes it for an input file name. */
static bool expand_response_files(struct ctx *ctx, int argc, char **argv, struct strvec *out)
{
	for (int i = 1; i < argc; i++)
		vec_push(*out, argv[i]);
	unsigned limit = 2000;
	for (size_t i = 0; i < out->n; i++) {
		const char *a = out->v[i];
		if (a[0] != '@')
			continue;
		if (--limit == 0) {
			error(ctx, "too many @-files encountered");
			return false;
		}
		struct stat st;
		if (stat(a + 1, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			error(ctx, "%s: @-file refers to a directory", a);
			return false;
		}
		FILE *f = fopen(a + 1, "rb");
		if (!f)
			continue;
		VEC(char) text = {0};
		char chunk[4096];
		size_t got;
		while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
			vec_reserve(text, text.n + got);
			memcpy(text.v + text.n, chunk, got);
			text.n += got;
		}
		bool bad = ferror(f);
		fclose(f);
		if (bad) {
			free(text.v);
			continue;
		}
		struct strvec words = {0};
		split_words(ctx, text.v ? text.v : "", text.n, &words);
		free(text.v);
		/* replace out->v[i] by words, then look at position i again */
		size_t tail = out->n - i - 1;
		vec_reserve(*out, out->n + words.n);
		memmove(out->v + i + words.n, out->v + i + 1, tail * sizeof(char *));
		if (words.n)
			memcpy(out->v + i, words.v, words.n * sizeof(char *));
		out->n = out->n - 1 + words.n;
		free(words.v);
		i--; /* size_t wraps to SIZE_MAX at 0, and the loop's i++ brings it back */
	}
	return true;
}

/* ---- help and version ---------------------------------------------------------------- */

static void print_version(bool emulations)
{
	printf("GNU ld (slink " SLINK_VERSION ") 2.40\n"
	       "slink " SLINK_VERSION ": a linker-script-driven ELF linker, compatible with GNU ld 2.40\n");
	if (emulations)
		printf("  Supported emulations:\n   elf_x86_64\n   elf_i386\n");
}

static void print_help(const char *prog)
{
	printf("Usage: %s [options] file...\n", prog);
	fputs("slink accepts GNU ld's spellings: -opt or --opt, --opt=ARG or --opt ARG, unique\n"
	      "prefixes of long options, and @FILE to read options from FILE.\n"
	      "\nInputs (position-dependent options apply to the inputs after them):\n"
	      "  FILE                        object, archive (regular or thin), or linker script\n"
	      "  -l NAME, --library=NAME     search libNAME.a along -L paths (-l:FILE: exactly FILE)\n"
	      "  -L DIR, --library-path=DIR  add DIR to the library search path\n"
	      "  --sysroot=DIR               replace a leading '=' or $SYSROOT in -L paths\n"
	      "  -b FMT, --format=FMT        read following inputs as FMT (binary, elf64-x86-64, ...)\n"
	      "  --whole-archive, --no-whole-archive\n"
	      "  --as-needed, --no-as-needed\n"
	      "  --start-group, --end-group, -( -)   search archives in between repeatedly\n"
	      "  -Bstatic, -static, -dn, -non_shared, -Bdynamic, -dy, -call_shared\n"
	      "  --push-state, --pop-state   save / restore the flags above\n"
	      "  -R FILE, --just-symbols=FILE  use only the symbol values of FILE\n"
	      "\nOutput:\n"
	      "  -o FILE, --output=FILE      output file (default a.out)\n"
	      "  -m EMULATION                elf_x86_64 (default) or elf_i386\n"
	      "  -r, -i, --relocatable, -Ur  relocatable output\n"
	      "  -pie, --pic-executable, -no-pie, -shared, -Bshareable\n"
	      "  --oformat=FMT               output format (binary, ihex, srec, elf...)\n"
	      "  -e SYM, --entry=SYM         entry point\n"
	      "  -s, -S, -x, -X, --discard-none   strip all / debug / locals / temporaries / none\n"
	      "  -q, --emit-relocs           keep relocations in the output\n"
	      "  --build-id[=sha1|md5|uuid|0xHEX|none]\n"
	      "  -N, --omagic, -n, --nmagic  text not page-aligned / read-only text, no paging\n"
	      "\nLinker scripts and symbols:\n"
	      "  -T FILE, --script=FILE      use FILE as the linker script\n"
	      "  -dT FILE, --default-script=FILE  replace the default script\n"
	      "  --defsym SYM=EXPR           define a symbol\n"
	      "  -u SYM, --undefined=SYM     start with SYM undefined\n"
	      "  --require-defined=SYM       as -u, and fail when SYM stays undefined\n"
	      "  -Ttext ADDR, -Tdata ADDR, -Tbss ADDR, -Ttext-segment ADDR (hex)\n"
	      "  -Trodata-segment ADDR, -Tldata-segment ADDR\n"
	      "  --section-start SEC=ADDR    set the address of section SEC (hex)\n"
	      "  --orphan-handling=place|warn|error|discard\n"
	      "  --sort-section=name|alignment, --sort-common[=ascending|descending]\n"
	      "  --gc-sections, --no-gc-sections, --[no-]print-gc-sections\n"
	      "  --wrap SYM, -y SYM          wrap / trace a symbol\n"
	      "\nDynamic linking:\n"
	      "  -dynamic-linker FILE, -I FILE, --no-dynamic-linker\n"
	      "  -soname NAME, -h NAME       set DT_SONAME\n"
	      "  --hash-style=sysv|gnu|both  (default both)\n"
	      "  -Bsymbolic, -Bsymbolic-functions, -E, --export-dynamic\n"
	      "  --version-script=FILE, --dynamic-list=FILE, -rpath DIR, -rpath-link DIR\n"
	      "  --eh-frame-hdr, --enable-new-dtags, --disable-new-dtags\n"
	      "  -z KEYWORD                  now, lazy, relro, norelro, execstack, noexecstack,\n"
	      "                              separate-code, noseparate-code, max-page-size=N,\n"
	      "                              common-page-size=N, stack-size=N, defs, undefs, text,\n"
	      "                              notext, combreloc, nocombreloc, origin, nodelete, ...\n"
	      "\nDiagnostics and reports:\n"
	      "  -M, --print-map, -Map FILE  link map to stdout / FILE\n"
	      "  --cref, -t, --trace, --print-memory-usage, --verbose[=N]\n"
	      "  --layout-json=FILE          the whole layout as JSON (docs/layout-json.md)\n"
	      "  --no-undefined, --unresolved-symbols=METHOD, --[no-]allow-shlib-undefined\n"
	      "  --fatal-warnings, --warn-common, --noinhibit-exec, --error-limit=N\n"
	      "  --[no-]warn-rwx-segments, --[no-]warn-execstack\n"
	      "  --threads[=N], --no-threads\n"
	      "  -v, -V, --version           print the version; --help   print this help\n"
	      "\nAccepted and ignored: -plugin, -plugin-opt, -g, -Qy, -O N, --relax, --no-relax,\n"
	      "  -EL, --no-ld-generated-unwind-info, --hash-size, --no-keep-memory, ...\n",
	      stdout);
}

/* ---- argument checks ----------------------------------------------------------------- */

/* An address as GNU ld's bfd_scan_vma(s, 16) reads it: hex, with or without 0x. */
static bool parse_hex(const char *s, uint64_t *out)
{
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	if (!*s)
		return false;
	uint64_t v = 0;
	for (; *s; s++) {
		int d;
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return false;
		if (v >> 60)
			return false;
		v = v << 4 | (uint64_t)d;
	}
	*out = v;
	return true;
}

/* A number as strtoul(s, &end, 0) reads it (decimal, 0x hex, 0 octal), whole string. */
static bool parse_num(const char *s, uint64_t *out)
{
	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return false;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno || *end)
		return false;
	*out = v;
	return true;
}

struct state {
	bool whole_archive, as_needed, static_only, add_needed;
};

struct parser {
	struct ctx *ctx;
	struct options *o;
	struct state st;
	VEC(struct state) pushed;
	const char *format;
	int group_depth;
	int symbolic; /* 0 unset, 1 -Bsymbolic, 2 -Bsymbolic-functions */
	bool unresolved_set;
	bool check_sections_set; /* --check-sections or --no-check-sections given */
	const char *prog;
};

static void add_input(struct parser *p, enum input_kind kind, const char *name)
{
	struct input_arg a = {
		.kind = kind,
		.name = name,
		.whole_archive = p->st.whole_archive,
		.as_needed = p->st.as_needed,
		.static_only = p->st.static_only,
		.add_needed = p->st.add_needed,
		.format = p->format,
	};
	vec_push(p->o->inputs, a);
}

static void usage_error(struct ctx *ctx, const char *fmt, const char *arg)
{
	fputs("slink: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nslink: use the --help option for usage information\n", stderr);
	ctx->errors++;
}

static bool set_segment_start(struct parser *p, const char *sec, const char *val, int64_t *slot)
{
	uint64_t addr;
	if (!parse_hex(val, &addr)) {
		error(p->ctx, "invalid hex number `%s'", val);
		return false;
	}
	struct section_start ss = {sec, addr, sec + 1, p->o->scripts.n > 0};
	vec_push(p->o->section_starts, ss);
	if (slot)
		*slot = (int64_t)addr;
	return true;
}

/* --no-undefined, -z defs / -z undefs: whether undefined symbols of the objects are reported,
 * leaving shared libraries' as they were (GNU ld's unresolved_syms_in_objects) */
static void unresolved_in_objects(struct parser *p, bool report)
{
	struct options *o = p->o;
	bool shlibs = o->unresolved_symbols == UNRES_REPORT_ALL || o->unresolved_symbols == UNRES_IGNORE_IN_OBJECTS;
	o->unresolved_symbols = report ? (shlibs ? UNRES_REPORT_ALL : UNRES_IGNORE_IN_SHLIBS)
				       : (shlibs ? UNRES_IGNORE_IN_OBJECTS : UNRES_IGNORE_ALL);
	o->no_undefined = report;
	p->unresolved_set = true;
}

/* -z KEYWORD, as GNU ld's ELF and x86 emulations read it; unknown keywords warn. */
static bool parse_z(struct parser *p, const char *k)
{
	struct options *o = p->o;
	uint64_t n;
#define IS(s) (!strcmp(k, s))
#define PFX(s) (!strncmp(k, s, sizeof(s) - 1))
	if (IS("defs"))
		unresolved_in_objects(p, true);
	else if (IS("undefs"))
		unresolved_in_objects(p, false);
	else if (IS("muldefs"))
		o->allow_multiple_definition = true;
	else if (PFX("max-page-size=")) {
		if (!parse_num(k + 14, &n) || (n & (n - 1))) {
			error(p->ctx, "invalid maximum page size `%s'", k + 14);
			return false;
		}
		o->max_page_size = n;
	} else if (PFX("common-page-size=")) {
		if (!parse_num(k + 17, &n) || (n & (n - 1))) {
			error(p->ctx, "invalid common page size `%s'", k + 17);
			return false;
		}
		o->common_page_size = n;
	} else if (PFX("stack-size=")) {
		if (!parse_num(k + 11, &n)) {
			error(p->ctx, "invalid stack size `%s'", k + 11);
			return false;
		}
		o->z_stack_size = n;
	} else if (IS("execstack"))
		o->execstack = 1;
	else if (IS("noexecstack"))
		o->execstack = 0;
	else if (IS("unique-symbol"))
		o->z_unique_symbol = true;
	else if (IS("nounique-symbol"))
		o->z_unique_symbol = false;
	else if (IS("globalaudit"))
		o->dt_flags_1 |= DF_1_GLOBAUDIT;
	else if (PFX("start-stop-gc"))
		o->z_start_stop_gc = true;
	else if (PFX("nostart-stop-gc"))
		o->z_start_stop_gc = false;
	else if (PFX("start-stop-visibility=")) {
		const char *v = k + 22;
		if (!strcmp(v, "default"))
			o->z_start_stop_visibility = STV_DEFAULT;
		else if (!strcmp(v, "internal"))
			o->z_start_stop_visibility = STV_INTERNAL;
		else if (!strcmp(v, "hidden"))
			o->z_start_stop_visibility = STV_HIDDEN;
		else if (!strcmp(v, "protected"))
			o->z_start_stop_visibility = STV_PROTECTED;
		else {
			error(p->ctx, "invalid visibility in `-z %s'; must be default, internal, hidden, or protected", k);
			return false;
		}
	} else if (IS("global"))
		o->dt_flags_1 |= DF_1_GLOBAL;
	else if (IS("initfirst"))
		o->dt_flags_1 |= DF_1_INITFIRST;
	else if (IS("interpose"))
		o->dt_flags_1 |= DF_1_INTERPOSE;
	else if (IS("loadfltr"))
		o->dt_flags_1 |= DF_1_LOADFLTR;
	else if (IS("nodefaultlib"))
		o->dt_flags_1 |= DF_1_NODEFLIB;
	else if (IS("nodelete"))
		o->dt_flags_1 |= DF_1_NODELETE;
	else if (IS("nodlopen"))
		o->dt_flags_1 |= DF_1_NOOPEN;
	else if (IS("nodump"))
		o->dt_flags_1 |= DF_1_NODUMP;
	else if (IS("now")) {
		o->z_now = true;
		o->dt_flags |= DF_BIND_NOW;
		o->dt_flags_1 |= DF_1_NOW;
	} else if (IS("lazy")) {
		o->z_now = false;
		o->dt_flags &= ~(uint32_t)DF_BIND_NOW;
		o->dt_flags_1 &= ~(uint32_t)DF_1_NOW;
	} else if (IS("origin")) {
		o->dt_flags |= DF_ORIGIN;
		o->dt_flags_1 |= DF_1_ORIGIN;
	} else if (IS("unique") || IS("nounique"))
		; /* DF_1 bits of Solaris' linker: accepted as GNU ld does, nothing to lay out */
	else if (IS("combreloc"))
		o->z_combreloc = true;
	else if (IS("nocombreloc"))
		o->z_combreloc = false;
	else if (IS("nocopyreloc"))
		o->z_copyreloc = false;
	else if (IS("relro"))
		o->relro = true;
	else if (IS("norelro"))
		o->relro = false;
	else if (IS("separate-code"))
		o->separate_code = true;
	else if (IS("noseparate-code"))
		o->separate_code = false;
	else if (IS("common"))
		o->z_common = true;
	else if (IS("nocommon"))
		o->z_common = false;
	else if (IS("text"))
		o->textrel_check = TEXTREL_ERROR;
	else if (IS("notext") || IS("textoff"))
		o->textrel_check = TEXTREL_NONE;
	/* x86 (elf_x86_64.sh / elf_i386.sh and x86 property notes) */
	else if (IS("ibt"))
		o->z_ibt = true;
	else if (IS("shstk"))
		o->z_shstk = true;
	else if (IS("ibtplt") || PFX("cet-report=") || PFX("call-nop=") || PFX("lam-") ||
		 IS("noextern-protected-data") || IS("indirect-extern-access") ||
		 IS("noindirect-extern-access") || IS("noreloc-overflow") || IS("report-relative-reloc") ||
		 PFX("isa-level-report=") || IS("keep-text-section-prefix") ||
		 IS("nokeep-text-section-prefix"))
		; /* accepted for GNU ld compatibility; no effect on slink's output */
	else if (IS("dynamic-undefined-weak"))
		o->z_dynamic_undefined_weak = true;
	else if (IS("nodynamic-undefined-weak"))
		o->z_dynamic_undefined_weak = false;
	else if (IS("pack-relative-relocs"))
		o->z_pack_relative_relocs = true;
	else if (IS("nopack-relative-relocs"))
		o->z_pack_relative_relocs = false;
	else if (IS("x86-64-baseline") || IS("x86-64-v2") || IS("x86-64-v3") || IS("x86-64-v4"))
		o->z_x86_isa_level = k;
	else
		warn(p->ctx, "-z %s ignored", k);
#undef IS
#undef PFX
	return true;
}

static bool set_emulation(struct parser *p, const char *e)
{
	if (!strcmp(e, "elf_x86_64") || !strcmp(e, "elf_i386")) {
		p->o->emulation = e;
		return true;
	}
	if (!strcmp(e, "elf32_x86_64") || !strcmp(e, "elf_iamcu") || !strcmp(e, "i386pep") ||
	    !strcmp(e, "i386pe"))
		error(p->ctx, "emulation mode %s is not supported by slink; supported emulations: elf_x86_64 elf_i386", e);
	else
		error(p->ctx, "unrecognised emulation mode: %s; supported emulations: elf_x86_64 elf_i386", e);
	return false;
}

static bool relocatable_clash(struct parser *p, const char *what)
{
	error(p->ctx, "-r and %s may not be used together", what);
	return false;
}

/* Carry out one option.  `spelled` is the word as written (for messages). */
static bool apply(struct parser *p, int id, const char *arg, const char *spelled)
{
	struct ctx *ctx = p->ctx;
	struct options *o = p->o;
	uint64_t n;
	switch (id) {
	case O_LIBRARY:
		add_input(p, IN_LIBRARY, arg);
		break;
	case O_LIBPATH:
		vec_push(o->lib_paths, arg);
		break;
	case O_FORMAT:
		p->format = arg;
		o->last_format = arg;
		break;
	case O_WHOLE: p->st.whole_archive = true; break;
	case O_NO_WHOLE: p->st.whole_archive = false; break;
	case O_AS_NEEDED: p->st.as_needed = true; break;
	case O_NO_AS_NEEDED: p->st.as_needed = false; break;
	case O_ADD_NEEDED: p->st.add_needed = true; break;
	case O_NO_ADD_NEEDED: p->st.add_needed = false; break;
	case O_BSTATIC: p->st.static_only = true; break;
	case O_BDYNAMIC: p->st.static_only = false; break;
	case O_START_GROUP:
		p->group_depth++;
		add_input(p, IN_GROUP_START, NULL);
		break;
	case O_END_GROUP:
		if (!p->group_depth) {
			error(ctx, "group ended before it began (--help for usage)");
			return false;
		}
		p->group_depth--;
		add_input(p, IN_GROUP_END, NULL);
		break;
	case O_PUSH_STATE:
		vec_push(p->pushed, p->st);
		break;
	case O_POP_STATE:
		if (!p->pushed.n) {
			error(ctx, "no state pushed before popping");
			return false;
		}
		p->st = p->pushed.v[--p->pushed.n];
		break;
	case O_JUST_SYMBOLS:
		add_input(p, IN_FILE, arg);
		o->inputs.v[o->inputs.n - 1].just_symbols = true;
		break;
	case O_R_SOLARIS: {
		/* GNU ld: -R FILE is --just-symbols, -R DIRECTORY is -rpath */
		struct stat st;
		if (stat(arg, &st) == 0 && !S_ISDIR(st.st_mode))
			return apply(p, O_JUST_SYMBOLS, arg, spelled);
		vec_push(o->rpath, arg);
		break;
	}
	case O_OUTPUT: o->output = arg; break;
	case O_EMUL: return set_emulation(p, arg);
	case O_ENTRY: o->entry = arg; break;
	case O_SCRIPT:
		vec_push(o->scripts, arg);
		vec_push(o->scripts_at, o->inputs.n);
		break;
	case O_DEFAULT_SCRIPT: o->default_script = arg; break;
	case O_UNDEF: vec_push(o->undefined, arg); break;
	case O_REQUIRE_DEFINED: vec_push(o->require_defined, arg); break;
	case O_DEFSYM: {
		const char *eq = strchr(arg, '=');
		size_t nl = eq ? (size_t)(eq - arg) : 0;
		while (nl && (arg[nl - 1] == ' ' || arg[nl - 1] == '\t'))
			nl--;
		size_t skip = 0;
		while (skip < nl && (arg[skip] == ' ' || arg[skip] == '\t'))
			skip++;
		const char *expr = eq ? eq + 1 : "";
		while (*expr == ' ' || *expr == '\t')
			expr++;
		if (!eq || skip == nl || !*expr) {
			error(ctx, "--defsym:%s: syntax error (expected SYMBOL=EXPRESSION)", arg);
			return false;
		}
		struct defsym d = {arena_strndup(&ctx->arena, arg + skip, nl - skip), expr, o->scripts.n > 0};
		vec_push(o->defsyms, d);
		break;
	}
	case O_TTEXT: return set_segment_start(p, ".text", arg, NULL);
	case O_TDATA: return set_segment_start(p, ".data", arg, NULL);
	case O_TBSS: return set_segment_start(p, ".bss", arg, NULL);
	case O_TTEXT_SEG: return set_segment_start(p, ".text-segment", arg, &o->text_segment);
	case O_TRODATA_SEG: return set_segment_start(p, ".rodata-segment", arg, &o->rodata_segment);
	case O_TLDATA_SEG: return set_segment_start(p, ".ldata-segment", arg, &o->ldata_segment);
	case O_SECTION_START: {
		const char *eq = strchr(arg, '=');
		if (!eq) {
			error(ctx, "invalid argument to option \"--section-start\"");
			return false;
		}
		if (eq == arg || !eq[1]) {
			error(ctx, "missing argument(s) to option \"--section-start\"");
			return false;
		}
		struct section_start ss = {arena_strndup(&ctx->arena, arg, (size_t)(eq - arg)), 0, NULL, o->scripts.n > 0};
		if (!parse_hex(eq + 1, &ss.addr)) {
			error(ctx, "invalid hex number `%s'", eq + 1);
			return false;
		}
		vec_push(o->section_starts, ss);
		break;
	}
	case O_Z: return parse_z(p, arg);
	case O_RELOCATABLE:
	case O_UR:
		if (o->kind == OUT_SHARED)
			return relocatable_clash(p, "-shared");
		if (o->kind == OUT_PIE)
			return relocatable_clash(p, "-pie");
		o->kind = OUT_RELOCATABLE;
		o->relocatable_ctors = id == O_UR;
		p->st.static_only = true;
		break;
	case O_PIE:
		if (o->kind == OUT_RELOCATABLE)
			return relocatable_clash(p, "-pie");
		o->kind = OUT_PIE;
		break;
	case O_NO_PIE:
		o->kind = OUT_EXEC; /* GNU ld: even after -r */
		break;
	case O_SHARED:
		if (o->kind == OUT_RELOCATABLE)
			return relocatable_clash(p, "-shared");
		o->kind = OUT_SHARED;
		if (!p->unresolved_set) {
			o->unresolved_symbols = UNRES_IGNORE_ALL;
			p->unresolved_set = true;
		}
		break;
	case O_BSYMBOLIC: p->symbolic = 1; break;
	case O_BSYMBOLIC_FUNCTIONS: p->symbolic = 2; break;
	case O_BNO_SYMBOLIC: p->symbolic = 0; break;
	case O_STRIP_ALL: o->strip = STRIP_ALL; break;
	case O_STRIP_DEBUG: o->strip = STRIP_DEBUG; break;
	case O_DISCARD_ALL: o->discard = DISCARD_ALL; break;
	case O_DISCARD_LOCALS: o->discard = DISCARD_LOCALS_TMP; break;
	case O_DISCARD_NONE: o->discard = DISCARD_NONE; break;
	case O_OFORMAT: o->oformat = arg; break;
	case O_BUILD_ID:
		if (!arg)
			arg = "sha1";
		if (!strcmp(arg, "none")) {
			o->build_id = NULL;
		} else if (!strcmp(arg, "sha1") || !strcmp(arg, "md5") || !strcmp(arg, "uuid")) {
			o->build_id = arg;
		} else if (arg[0] == '0' && (arg[1] == 'x' || arg[1] == 'X')) {
			/* GNU ld: hex digits, '-' and ':' separators allowed; at least one byte */
			size_t digits = 0;
			bool ok = true;
			for (const char *s = arg + 2; *s; s++) {
				if ((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') || (*s >= 'A' && *s <= 'F'))
					digits++;
				else if (*s != '-' && *s != ':')
					ok = false;
			}
			if (!ok || digits < 2 || digits % 2) {
				error(ctx, "invalid build-id style '%s'", arg);
				return false;
			}
			o->build_id = arg;
		} else {
			error(ctx, "invalid build-id style '%s' (expected sha1, md5, uuid, 0xHEX or none)", arg);
			return false;
		}
		break;
	case O_GC: o->gc_sections = true; break;
	case O_NO_GC: o->gc_sections = false; break;
	case O_PRINT_GC: o->print_gc_sections = true; break;
	case O_NO_PRINT_GC: o->print_gc_sections = false; break;
	case O_GC_KEEP_EXPORTED: o->gc_keep_exported = true; break;
	case O_EMIT_RELOCS: o->emit_relocs = true; break;
	case O_VERBOSE:
		if (!o->version_printed)
			print_version(true);
		o->version_printed = true;
		o->verbose = true;
		o->verbose_level = 1;
		if (arg) {
			if (!parse_num(arg, &n) || n > INT_MAX) {
				error(ctx, "invalid number `%s'", arg);
				return false;
			}
			o->verbose_level = (int)n;
		}
		break;
	case O_VERSION:
		print_version(false);
		exit(0);
	case O_V_SHORT:
	case O_V_LONG:
		print_version(id == O_V_LONG);
		o->version_printed = true;
		break;
	case O_HELP:
		print_help(p->prog);
		exit(0);
	case O_PRINT_MAP:
		o->print_map = true;
		o->map_file = "-";
		break;
	case O_MAP:
		o->print_map = false;
		o->map_file = arg;
		break;
	case O_CREF: o->cref = true; break;
	case O_TRACE: o->trace = true; break;
	case O_TRACE_SYMBOL: vec_push(o->trace_symbols, arg); break;
	case O_NO_UNDEFINED: unresolved_in_objects(p, true); break;
	case O_NOSTDLIB: o->nostdlib = true; break;
	case O_EH_FRAME_HDR: o->eh_frame_hdr = true; break;
	case O_NO_EH_FRAME_HDR: o->eh_frame_hdr = false; break;
	case O_DYNAMIC_LINKER:
		o->dynamic_linker = arg;
		o->dynamic_linker_none = false;
		break;
	case O_NO_DYNAMIC_LINKER:
		o->dynamic_linker = NULL;
		o->dynamic_linker_none = true;
		break;
	case O_SONAME:
		if (!arg[0] && o->soname && o->soname[0])
			fputs("slink: SONAME must not be empty string; keeping previous one\n", stderr);
		else
			o->soname = arg;
		break;
	case O_HASH_STYLE:
		if (!strcmp(arg, "sysv"))
			o->hash_sysv = true, o->hash_gnu = false;
		else if (!strcmp(arg, "gnu"))
			o->hash_sysv = false, o->hash_gnu = true;
		else if (!strcmp(arg, "both"))
			o->hash_sysv = true, o->hash_gnu = true;
		else {
			error(ctx, "invalid hash style `%s'", arg);
			return false;
		}
		break;
	case O_ORPHAN: {
		static const char *const modes[] = {"place", "warn", "error", "discard"};
		for (size_t i = 0; i < 4; i++)
			if (!strcasecmp(arg, modes[i])) {
				o->orphan_handling = modes[i];
				return true;
			}
		error(ctx, "invalid argument to option \"--orphan-handling\": %s (expected place, warn, error or discard)", arg);
		return false;
	}
	case O_FATAL_WARNINGS: o->fatal_warnings = true; break;
	case O_NO_FATAL_WARNINGS: o->fatal_warnings = false; break;
	case O_WARN_RWX: o->warn_rwx_segments = true; break;
	case O_NO_WARN_RWX: o->warn_rwx_segments = false; break;
	case O_WARN_EXECSTACK: o->warn_execstack = 1; break;
	case O_NO_WARN_EXECSTACK: o->warn_execstack = 0; break;
	case O_LD_UNWIND: o->ld_generated_unwind_info = true; break;
	case O_NO_LD_UNWIND: o->ld_generated_unwind_info = false; break;
	case O_OPT_LEVEL:
		/* GNU ld: strtoul(optarg, NULL, 0), no check */
		o->opt_level = atoi(arg);
		break;
	case O_SORT_COMMON:
		o->sort_common = true;
		o->sort_common_ascending = false;
		if (arg && !strcmp(arg, "ascending"))
			o->sort_common_ascending = true;
		else if (arg && strcmp(arg, "descending")) {
			error(ctx, "invalid common section sorting option: %s", arg);
			return false;
		}
		break;
	case O_SORT_SECTION:
		if (!strcmp(arg, "name"))
			o->sort_section = SORT_SECTION_NAME;
		else if (!strcmp(arg, "alignment"))
			o->sort_section = SORT_SECTION_ALIGNMENT;
		else {
			error(ctx, "invalid section sorting option: %s", arg);
			return false;
		}
		break;
	case O_OMAGIC:
		o->magic = MAGIC_OMAGIC;
		p->st.static_only = true;
		break;
	case O_NO_OMAGIC: o->magic = MAGIC_DEMAND_PAGED; break;
	case O_NMAGIC:
		o->magic = MAGIC_NMAGIC;
		p->st.static_only = true;
		break;
	case O_RELAX: o->relax = true; break;
	case O_NO_RELAX: o->relax = false; break;
	case O_THREADS:
		if (!arg) {
			long c = sysconf(_SC_NPROCESSORS_ONLN);
			o->threads = c > 0 ? (int)c : 1;
		} else if (!parse_num(arg, &n) || n == 0 || n > 1024) {
			error(ctx, "--threads: expected a number of threads from 1 to 1024, not '%s'", arg);
			return false;
		} else {
			o->threads = (int)n;
		}
		break;
	case O_NO_THREADS: o->threads = 1; break;
	case O_HASH_SIZE:
		if (!parse_num(arg, &n) || !n) {
			error(ctx, "--hash-size needs a numeric argument");
			return false;
		}
		o->hash_size = n;
		break;
	case O_PRINT_MEM: o->print_memory_usage = true; break;
	case O_ERROR_LIMIT:
		if (!parse_num(arg, &n) || n > INT_MAX) {
			error(ctx, "--error-limit: invalid number `%s'", arg);
			return false;
		}
		o->error_limit = (int)n;
		break;
	case O_WARN_COMMON: o->warn_common = true; break;
	case O_WARN_ONCE: o->warn_once = true; break;
	case O_WARN_SECTION_ALIGN: o->warn_section_align = true; break;
	case O_WARN_TEXTREL: o->textrel_check = TEXTREL_WARN; break;
	case O_NO_WARNINGS: o->no_warnings = true; break;
	case O_NOINHIBIT_EXEC: o->noinhibit_exec = true; break;
	case O_ENABLE_NEW_DTAGS: o->enable_new_dtags = true; break;
	case O_DISABLE_NEW_DTAGS: o->enable_new_dtags = false; break;
	case O_SYSROOT: o->sysroot = arg; break;
	case O_VERSION_SCRIPT:
		vec_push(o->version_scripts, arg);
		vec_push(o->version_scripts_at, o->scripts.n);
		break;
	case O_DYNAMIC_LIST: vec_push(o->dynamic_lists, arg); break;
	case O_EXPORT_DYNAMIC: o->export_dynamic = true; break;
	case O_NO_EXPORT_DYNAMIC: o->export_dynamic = false; break;
	case O_EXPORT_DYNAMIC_SYMBOL: vec_push(o->export_dynamic_symbols, arg); break;
	case O_RPATH: vec_push(o->rpath, arg); break;
	case O_RPATH_LINK: vec_push(o->rpath_link, arg); break;
	case O_WRAP: vec_push(o->wrap, arg); break;
	case O_EXCLUDE_LIBS: vec_push(o->exclude_libs, arg); break;
	case O_RETAIN_SYMBOLS_FILE: o->retain_symbols_file = arg; break;
	case O_INIT: o->init = arg; break;
	case O_FINI: o->fini = arg; break;
	case O_DEPENDENCY_FILE: o->dependency_file = arg; break;
	case O_LAYOUT_JSON: o->layout_json = arg; break;
	case O_ALLOW_SHLIB_UNDEF: o->allow_shlib_undefined = 1; break;
	case O_NO_ALLOW_SHLIB_UNDEF: o->allow_shlib_undefined = 0; break;
	case O_ALLOW_MULTIPLE_DEF: o->allow_multiple_definition = true; break;
	case O_UNRESOLVED:
		if (!strcmp(arg, "ignore-all"))
			o->unresolved_symbols = UNRES_IGNORE_ALL;
		else if (!strcmp(arg, "report-all"))
			o->unresolved_symbols = UNRES_REPORT_ALL;
		else if (!strcmp(arg, "ignore-in-object-files"))
			o->unresolved_symbols = UNRES_IGNORE_IN_OBJECTS;
		else if (!strcmp(arg, "ignore-in-shared-libs"))
			o->unresolved_symbols = UNRES_IGNORE_IN_SHLIBS;
		else {
			error(ctx, "bad --unresolved-symbols option: %s", arg);
			return false;
		}
		p->unresolved_set = true;
		break;
	case O_WARN_UNRESOLVED: o->unresolved_symbols_warn = true; break;
	case O_ERROR_UNRESOLVED: o->unresolved_symbols_warn = false; break;
	case O_IGNORE_UNRESOLVED: vec_push(o->ignore_unresolved, arg); break;
	case O_PRINT_MAP_DISCARDED: o->print_map_discarded = true; break;
	case O_NO_PRINT_MAP_DISCARDED: o->print_map_discarded = false; break;
	case O_STRIP_DISCARDED: o->strip_discarded = true; break;
	case O_NO_STRIP_DISCARDED: o->strip_discarded = false; break;
	case O_CHECK_SECTIONS: o->check_sections = true; p->check_sections_set = true; break;
	case O_NO_CHECK_SECTIONS: o->check_sections = false; p->check_sections_set = true; break;
	case O_DEFINE_COMMON: o->define_common = true; break;
	case O_NO_DEFINE_COMMON: o->inhibit_common_definition = true; break;
	case O_DEMANGLE: o->demangle = true; break;
	case O_NO_DEMANGLE: o->demangle = false; break;
	case O_PRINT_OUTPUT_FORMAT: o->print_output_format_only = true; break;
	case O_ACCEPT_UNKNOWN_ARCH: o->accept_unknown_input_arch = true; break;
	case O_NO_ACCEPT_UNKNOWN_ARCH: o->accept_unknown_input_arch = false; break;
	case O_EB:
		error(ctx, "-EB: big-endian output is not supported by the x86 emulations");
		return false;
	case O_EL: break;
	case O_COMPRESS_DEBUG:
		if (strcmp(arg, "none")) {
			error(ctx, "--compress-debug-sections=%s is not supported by slink (only none)", arg);
			return false;
		}
		break;
	case O_IGNORE: break;
	case O_UNSUP:
		error(ctx, "option '%s' is not supported by slink", spelled);
		return false;
	default:
		error(ctx, "internal error: option '%s' has no handler", spelled);
		return false;
	}
	return true;
}

/* The end of the command line: what GNU ld checks once everything is known. */
static bool finish(struct parser *p)
{
	struct ctx *ctx = p->ctx;
	struct options *o = p->o;
	while (p->group_depth) {
		fputs("slink: missing --end-group; added as last command line option\n", stderr);
		add_input(p, IN_GROUP_END, NULL);
		p->group_depth--;
	}
	if (o->soname && !o->soname[0]) {
		fputs("slink: SONAME must not be empty string; ignored\n", stderr);
		o->soname = NULL;
	}
	/* -Bsymbolic and -Bsymbolic-functions only mean something for shared output */
	if (o->kind == OUT_SHARED) {
		o->bsymbolic = p->symbolic == 1;
		o->bsymbolic_functions = p->symbolic == 2;
	}
	if (o->kind == OUT_RELOCATABLE) {
		/* GNU ld checks -r output only when asked */
		if (!p->check_sections_set)
			o->check_sections = false;
		/* GNU ld: -r -s is -r -S -x (relocations still need the global symbols) */
		if (o->strip == STRIP_ALL) {
			o->strip = STRIP_DEBUG;
			if (o->discard == DISCARD_NONE_SET || o->discard == DISCARD_LOCALS_TMP)
				o->discard = DISCARD_ALL;
		}
	}
	o->is_static = p->st.static_only;
	/* -L=DIR and -L$SYSROOT/DIR are relative to the sysroot */
	for (size_t i = 0; i < o->lib_paths.n; i++) {
		const char *d = o->lib_paths.v[i];
		const char *root = o->sysroot ? o->sysroot : "";
		if (d[0] == '=')
			o->lib_paths.v[i] = arena_printf(&ctx->arena, "%s%s", root, d + 1);
		else if (!strncmp(d, "$SYSROOT", 8))
			o->lib_paths.v[i] = arena_printf(&ctx->arena, "%s%s", root, d + 8);
	}
	/* -Map: '%' stands for the output file; a directory gets OUTPUT.map inside it */
	if (o->map_file && !o->print_map) {
		const char *m = o->map_file;
		const char *pct = strchr(m, '%');
		struct stat st;
		if (!m[0]) {
			fputs("slink: no file/directory name provided for map output; ignored\n", stderr);
			o->map_file = NULL;
		} else if (!strcmp(m, "-")) {
			o->print_map = true;
		} else if (pct) {
			o->map_file = arena_printf(&ctx->arena, "%.*s%s%s", (int)(pct - m), m, o->output,
						   pct[1] ? pct + 1 : ".map");
		} else if (stat(m, &st) == 0 && S_ISDIR(st.st_mode)) {
			const char *base = strrchr(o->output, '/');
			base = base ? base + 1 : o->output;
			o->map_file = arena_printf(&ctx->arena, "%s%s%s.map", m, m[strlen(m) - 1] == '/' ? "" : "/", base);
		}
	}
	return true;
}

void options_init(struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->output = "a.out";
	o->kind = OUT_EXEC;
	o->text_segment = -1;
	o->rodata_segment = -1;
	o->ldata_segment = -1;
	o->execstack = -1;
	o->relro = true;
	o->separate_code = true;
	o->orphan_handling = "place";
	o->threads = 1;
	o->hash_sysv = o->hash_gnu = true;
	o->print_map_discarded = true;
	o->warn_rwx_segments = true;
	o->warn_execstack = -1;
	o->allow_shlib_undefined = -1;
	o->strip_discarded = true;
	o->check_sections = true;
	o->demangle = true;
	o->ld_generated_unwind_info = true;
	o->z_combreloc = true;
	o->z_copyreloc = true;
	o->z_dynamic_undefined_weak = true;
	o->z_start_stop_visibility = STV_PROTECTED;
}

bool options_parse(struct ctx *ctx, int argc, char **argv)
{
	struct options *o = &ctx->opt;
	options_init(o);
	int errors0 = ctx->errors;
	struct parser p = {.ctx = ctx, .o = o, .prog = argc > 0 && argv[0] ? argv[0] : "slink"};
	const char *slash = strrchr(p.prog, '/');
	if (slash)
		p.prog = slash + 1;

	struct strvec args = {0};
	if (!expand_response_files(ctx, argc, argv, &args)) {
		free(args.v);
		return false;
	}
	bool ok = true;
	bool only_files = false;
	for (size_t i = 0; ok && i < args.n; i++) {
		const char *a = args.v[i];
		if (only_files || a[0] != '-' || !a[1]) {
			add_input(&p, IN_FILE, a);
			continue;
		}
		if (!strcmp(a, "--")) {
			only_files = true;
			continue;
		}
		/* GNU ld turns -lNAME into --library=NAME before anything else */
		if (a[1] == 'l' && a[2]) {
			ok = apply(&p, O_LIBRARY, a + 2, a);
			continue;
		}
		bool two = a[1] == '-';
		const char *body = a + (two ? 2 : 1);
		const char *eq = strchr(body, '=');
		size_t len = eq ? (size_t)(eq - body) : strlen(body);
		const struct short_def *sd = two ? NULL : find_short(body[0]);
		const struct opt_def *ld = NULL;
		bool ambiguous = false;
		/* getopt_long_only: "-x" alone is the short option when there is one */
		if (two || body[1] || !sd)
			ld = find_long(body, len, !two, &ambiguous);
		if (ld) {
			const char *arg = NULL;
			if (eq) {
				if (ld->arg == A_NONE) {
					usage_error(ctx, "unrecognized option '%s'", a);
					ok = false;
					break;
				}
				arg = eq + 1;
			} else if (ld->arg == A_REQ) {
				if (i + 1 >= args.n) {
					usage_error(ctx, "%s: missing argument", a);
					ok = false;
					break;
				}
				arg = args.v[++i];
			}
			ok = apply(&p, ld->id, arg, a);
			continue;
		}
		if (two || !sd || ambiguous) {
			usage_error(ctx, "unrecognized option '%s'", a);
			ok = false;
			break;
		}
		/* short options, possibly grouped ("-nx"; GNU ld warns that this is deprecated) */
		for (size_t j = 1; ok && a[j]; j++) {
			const struct short_def *s = find_short(a[j]);
			if (!s) {
				usage_error(ctx, "unrecognized option '%s'", a);
				ok = false;
				break;
			}
			if (j == 2)
				fprintf(stderr, "slink: warning: grouped short command line options are deprecated: %s\n", a);
			if (s->arg == A_NONE) {
				ok = apply(&p, s->id, NULL, a);
				continue;
			}
			const char *arg = a + j + 1;
			if (j > 1 && *arg) {
				error(ctx, "unable to disambiguate: %s (did you mean -%s ?)", a, a);
				ok = false;
				break;
			}
			if (!*arg) {
				if (i + 1 >= args.n) {
					usage_error(ctx, "%s: missing argument", a);
					ok = false;
					break;
				}
				arg = args.v[++i];
			}
			ok = apply(&p, s->id, arg, a);
			break;
		}
	}
	free(p.pushed.v);
	free(args.v);
	if (ok)
		ok = finish(&p);
	return ok && ctx->errors == errors0;
}

/* SEGMENT_START(segment, default): -T<segment>=ADDR (the last one, *index its place in
 * section_starts), -Ttext-segment and the like, else the default */
uint64_t segment_start_option(const struct options *o, const char *segment, uint64_t deflt, size_t *index)
{
	if (index)
		*index = (size_t)-1;
	for (size_t i = o->section_starts.n; i-- > 0;) {
		const struct section_start *ss = &o->section_starts.v[i];
		if (ss->segment && !strcmp(ss->segment, segment)) {
			if (index)
				*index = i;
			return ss->addr;
		}
	}
	if (!strcmp(segment, "text-segment") && o->text_segment >= 0)
		return (uint64_t)o->text_segment;
	if (!strcmp(segment, "rodata-segment") && o->rodata_segment >= 0)
		return (uint64_t)o->rodata_segment;
	if (!strcmp(segment, "ldata-segment") && o->ldata_segment >= 0)
		return (uint64_t)o->ldata_segment;
	return deflt;
}
