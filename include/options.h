/* The command line, parsed (options.c).
 *
 * GNU ld's spellings are accepted: long options with one or two dashes (except the few GNU ld
 * accepts only with two: --output, --oformat, --omagic, ...), unique prefixes of long options,
 * `--opt=ARG` and `--opt ARG`, `-oFILE`, `-lNAME`, `@response` files.  Position-dependent
 * state (--whole-archive, -Bstatic, --as-needed, -b FORMAT, --start-group) is recorded on each
 * input in `inputs`. */
#ifndef SLINK_OPTIONS_H
#define SLINK_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>
#include "util.h"

/* ---- options (options.c) ------------------------------------------------------------ */

/* One command-line input, in order, with the position-dependent state in force for it. */
enum input_kind { IN_FILE, IN_LIBRARY, IN_GROUP_START, IN_GROUP_END };
struct input_arg {
	enum input_kind kind;
	const char *name;   /* path, or library name for -l ("c" for -lc, ":libc.a" for -l:libc.a) */
	bool whole_archive; /* --whole-archive in force */
	bool as_needed;
	bool static_only;   /* -Bstatic (-static, -dn, -non_shared) in force */
	bool just_symbols;  /* -R FILE / --just-symbols=FILE: use only the symbols' values */
	bool add_needed;    /* --copy-dt-needed-entries (--add-needed) in force */
	const char *format; /* -b FORMAT in force, NULL for default */
	bool loaded;        /* opened already (a script named it first) */
};

enum output_kind { OUT_EXEC, OUT_PIE, OUT_SHARED, OUT_RELOCATABLE };
enum strip_kind { STRIP_NONE, STRIP_DEBUG, STRIP_ALL };
enum discard_kind { DISCARD_NONE_SET, DISCARD_LOCALS_TMP /* -X */, DISCARD_ALL /* -x */, DISCARD_NONE };
enum sort_section_kind { SORT_SECTION_NONE = 0, SORT_SECTION_NAME = 1, SORT_SECTION_ALIGNMENT = 2 };
/* -N / -n / default: how text and data are laid out (GNU ld's config.magic_demand_paged and
 * config.text_read_only). */
enum magic_kind { MAGIC_DEMAND_PAGED, MAGIC_NMAGIC /* -n */, MAGIC_OMAGIC /* -N */ };
/* --unresolved-symbols= */
enum unresolved_kind { UNRES_REPORT_ALL, UNRES_IGNORE_ALL, UNRES_IGNORE_IN_OBJECTS, UNRES_IGNORE_IN_SHLIBS };

/* --defsym; after_script: given after a -T script, so GNU ld assigns it after that script's
 * statements (before them otherwise, and before the built-in script) */
struct defsym { const char *name; const char *expr; bool after_script; };
/* -Ttext/-Tdata/-Tbss/-Ttext-segment/-Trodata-segment/-Tldata-segment and --section-start.
 * For the -T<seg> forms `segment` names the SEGMENT_START() key ("text", "data", "bss",
 * "text-segment", "rodata-segment", "ldata-segment"): GNU ld gives SEGMENT_START(segment, x) that
 * value, and sets the start of section `name` only while the script never evaluates
 * SEGMENT_START(segment, ...).  --section-start entries have segment NULL and always apply. */
/* -Ttext, --section-start, ...; after_script: given after a -T script (GNU ld's address
 * statement then comes after that script's statements) */
struct section_start { const char *name; uint64_t addr; const char *segment; bool after_script; };

struct options {
	const char *output;            /* -o, default a.out */
	const char *emulation;         /* -m, NULL until known ("elf_x86_64" or "elf_i386") */
	const char *entry;             /* -e */
	enum output_kind kind;
	enum strip_kind strip;
	enum discard_kind discard;
	VEC(struct input_arg) inputs;
	VEC(const char *) lib_paths;   /* -L, in order (with --sysroot applied to '=' and '$SYSROOT' prefixes) */
	VEC(const char *) scripts;     /* -T, in order */
	VEC(size_t) scripts_at;        /* for each -T, how many inputs came before it */
	const char *default_script;    /* -dT */
	VEC(const char *) undefined;   /* -u */
	VEC(const char *) require_defined;
	VEC(struct defsym) defsyms;
	VEC(struct section_start) section_starts; /* -Ttext etc. and --section-start */
	int64_t text_segment;          /* -Ttext-segment, -1 when unset */
	uint64_t max_page_size, common_page_size; /* 0 when unset */
	int execstack;                 /* -1 unset, 0 noexecstack, 1 execstack */
	bool relro;                    /* -z relro (default on, as Debian's GNU ld) */
	bool separate_code;            /* -z separate-code (default on x86) */
	const char *build_id;          /* NULL for none, else "sha1", "md5", "uuid", "0x..." */
	bool gc_sections;
	bool emit_relocs;
	bool verbose;
	bool version_printed;          /* -v, -V or --verbose printed the version */
	bool print_map;                /* -M: map to stdout (map_file is then "-") */
	const char *map_file;          /* -Map FILE (dir → dir/OUTPUT.map, '%' → output name), "-" for -M */
	bool trace;
	bool no_undefined;             /* --no-undefined, -z defs */
	bool nostdlib;
	bool eh_frame_hdr;
	bool dynamic_linker_none;      /* --no-dynamic-linker */
	const char *soname;
	const char *orphan_handling;   /* place|warn|error|discard */
	bool fatal_warnings;
	int threads;

	/* ---- added by options.c's owner ---- */
	int64_t rodata_segment;        /* -Trodata-segment, -1 when unset */
	int64_t ldata_segment;         /* -Tldata-segment, -1 when unset */
	bool is_static;                /* -Bstatic state at the end of the command line (-static) */
	bool relocatable_ctors;        /* -Ur: -r that also builds constructor tables */
	const char *dynamic_linker;    /* -dynamic-linker / -I / --dynamic-linker */
	const char *sysroot;           /* --sysroot= */
	bool bsymbolic;                /* -Bsymbolic (only meaningful with -shared) */
	bool bsymbolic_functions;      /* -Bsymbolic-functions */
	bool hash_sysv, hash_gnu;      /* --hash-style; default both, as Debian's GNU ld */
	bool export_dynamic;           /* -E / --export-dynamic */
	VEC(const char *) export_dynamic_symbols; /* --export-dynamic-symbol */
	VEC(const char *) version_scripts;        /* --version-script */
	VEC(size_t) version_scripts_at;           /* how many -T scripts came before each */
	VEC(const char *) dynamic_lists;          /* --dynamic-list */
	VEC(const char *) rpath;                  /* -rpath (and -R DIR) */
	VEC(const char *) rpath_link;             /* -rpath-link */
	VEC(const char *) wrap;                   /* --wrap */
	VEC(const char *) trace_symbols;          /* -y / --trace-symbol */
	VEC(const char *) exclude_libs;           /* --exclude-libs */
	const char *retain_symbols_file;          /* --retain-symbols-file */
	const char *init, *fini;       /* -init / -fini, NULL for GNU ld's defaults _init/_fini */
	const char *oformat;           /* --oformat, NULL for the emulation's ELF format */
	bool accept_unknown_input_arch;/* --accept-unknown-input-arch: -b ihex/srec inputs (no arch) */
	const char *last_format;       /* the -b FORMAT in force at the end of the command line: GNU ld's
	                                * output format when no --oformat or script OUTPUT_FORMAT names one */
	const char *dependency_file;   /* --dependency-file */
	const char *layout_json;       /* --layout-json=FILE: slink's layout as JSON (reports.c) */
	bool enable_new_dtags;         /* --enable-new-dtags (default off, as GNU ld 2.40 on Debian) */
	bool print_gc_sections;
	bool print_memory_usage;
	bool print_map_discarded;      /* default true */
	bool cref;
	bool warn_common;
	bool warn_once;
	bool warn_section_align;
	bool warn_rwx_segments;        /* default true */
	int warn_execstack;            /* 1 --warn-execstack, 0 --no-warn-execstack, -1 default:
					* warn for inputs, not for -z execstack */
	bool no_warnings;              /* -w / --no-warnings */
	bool noinhibit_exec;
	bool allow_multiple_definition;/* --allow-multiple-definition, -z muldefs */
	int allow_shlib_undefined;     /* -1 unset, 0 / 1 */
	enum unresolved_kind unresolved_symbols; /* default report-all (ignore-all with -shared) */
	bool unresolved_symbols_warn;  /* --warn-unresolved-symbols */
	VEC(const char *) ignore_unresolved;     /* --ignore-unresolved-symbol */
	bool sort_common;              /* --sort-common[=descending] (ascending when sort_common_ascending) */
	bool sort_common_ascending;
	int sort_section;              /* --sort-section=: enum sort_section_kind, whose values equal
	                                * script.h's SORT_UNSET / SORT_BY_NAME / SORT_BY_ALIGNMENT */
	enum magic_kind magic;         /* -N / -n / --no-omagic */
	bool relax;                    /* --relax (x86: accepted, no effect) */
	bool strip_discarded;          /* default true */
	bool check_sections;           /* default true, false with -r unless given */
	bool define_common;            /* -d / -dc / -dp: allocate commons even with -r */
	bool inhibit_common_definition;/* --no-define-common */
	bool demangle;                 /* --demangle / --no-demangle (default on) */
	bool ld_generated_unwind_info; /* default true; --no-ld-generated-unwind-info */
	bool gc_keep_exported;
	bool print_output_format_only; /* --print-output-format */
	int error_limit;               /* --error-limit=N, 0 for no limit */
	int opt_level;                 /* -O N */
	int verbose_level;             /* --verbose[=N] */
	uint64_t hash_size;            /* --hash-size, 0 unset */
	/* -z keywords */
	bool z_now;                    /* -z now (false: -z lazy, default) */
	bool z_combreloc;              /* default true */
	/* DT_TEXTREL: warned of (Debian's GNU ld default, --warn-textrel), an error (-z text),
	 * silent (-z notext, -z textoff) */
	enum { TEXTREL_WARN, TEXTREL_NONE, TEXTREL_ERROR } textrel_check;
	bool z_copyreloc;              /* default true; -z nocopyreloc */
	bool z_start_stop_gc;
	uint8_t z_start_stop_visibility; /* STV_*, default STV_PROTECTED */
	bool z_ibt, z_shstk;           /* x86 IBT / SHSTK properties */
	bool z_pack_relative_relocs;
	bool z_unique_symbol;
	bool z_common;                 /* -z common: SHN_COMMON in -r output */
	bool z_dynamic_undefined_weak; /* default true */
	uint64_t z_stack_size;         /* -z stack-size= */
	uint32_t dt_flags;             /* DF_* from -z origin, now (DF_BIND_NOW), ... */
	uint32_t dt_flags_1;           /* DF_1_* from -z nodelete, nodlopen, initfirst, now, ... */
	const char *z_x86_isa_level;   /* -z x86-64-baseline / x86-64-v2.. */
};

struct ctx;
/* Parse argv into ctx->opt.  Handles --help and --version (exit 0) and @response files;
 * reports bad usage with error() and returns false. */
bool options_parse(struct ctx *ctx, int argc, char **argv);
/* Set ctx->opt to the defaults (options_parse calls this first). */
void options_init(struct options *opt);
/* SEGMENT_START's value for `segment`: what the command line sets, else `deflt`; *index (if
 * not NULL) is the -T<segment>= option's place in section_starts, or (size_t)-1 */
uint64_t segment_start_option(const struct options *o, const char *segment, uint64_t deflt, size_t *index);

#endif
