/* Layout state shared by mapping (layout.c), address assignment (address.c) and segments
 * (segments.c).  It mirrors the SECTIONS command: a list of top-level nodes (assignments,
 * assertions, output sections), each output section with its list of items. */
#ifndef SLINK_LAYOUT_H
#define SLINK_LAYOUT_H

#include "script.h"
#include "slink.h"

enum item_kind { IT_INPUTS, IT_ASSIGN, IT_DATA, IT_FILL, IT_ASSERT };

struct isec_vec VEC_BODY(struct input_section *);

struct lo_item {
	enum item_kind kind;
	const struct stmt *st;                 /* NULL for an orphan's inputs */
	struct isec_vec secs;                  /* IT_INPUTS: in output order */
	uint64_t dot_after;                    /* IT_ASSIGN to `.`: its value (reports) */
};

struct layout_osec {
	struct output_section *os;
	const struct output_section_desc *desc; /* NULL for an orphan */
	const struct overlay_desc *overlay;     /* member of an OVERLAY */
	VEC(struct lo_item) items;
	size_t orphan_item;                     /* 1 + index of the item holding same-name orphans */
	size_t made_by_orphan;                  /* statement first made by an orphan joining it: 1 +
						 * its place among orphan events (bfd appends those) */
	size_t orphan_seq;                      /* orphan statement: 1 + its place among orphan events */
	size_t list_pos;                        /* place in bfd's section list (layout_section_list) */
	bool discard;                           /* /DISCARD/ */
	bool orphan;
	bool removed;                           /* empty: not in the output */
	bool removal_by_mark_walk;              /* empty from 0, but has inputs: GNU ld's mark pass decides */
	bool assigns_dot, has_data;
	bool type_changed;                  /* NOBITS made PROGBITS by contents (bfd warns) */
	bool type_warned;                   /* "type changed to PROGBITS" said once */
	bool has_linker_input;                  /* holds a linker-made section (.got, ...) */
	bool object_symbols;                    /* CREATE_OBJECT_SYMBOLS: made, and never stripped */
	size_t object_symbols_at;               /* ... the first one: how many items come before it */
	bool keep_input;                        /* a KEEP pattern gave it an input: bfd's SEC_KEEP
						 * keeps the section even when it stays empty */
	bool constraint_checked, constraint_failed;
	size_t create_node, create_sub;         /* when bfd made it: node index, order within */
	bool created;
	/* made by the walk of an INSERT block between two of the block's own sections: bfd's
	 * INSERT moves it with them, right after `insert_leader' (then its next_follower) */
	struct layout_osec *insert_leader, *next_follower, *first_follower;
	bool ghost;                             /* in layout.ghosts */
	struct layout_osec *after_ghost;        /* orphan placed after that ghost's statement */
	bool named_early;                       /* made by an ADDR/LOADADDR the mapping walk read */
	size_t named_at;                        /* ... in the statement of this node */
	bool after_end;                         /* follows the `_end = .` assignment */
	bool relro;                             /* lies between DATA_SEGMENT_ALIGN and RELRO_END */
	struct region *region, *lma_region;     /* >region (or *default*), AT>region */
	unsigned align_warned;                  /* sizing iteration "start of section changed" was said in */
	bool dot_alloc;                         /* `.` moved forward in it: SEC_ALLOC (GNU insert_pad) */
	bool inputs_load;                       /* an allocated input with contents: bfd's SEC_LOAD */
	bool noalloc;                           /* bfd takes SEC_ALLOC away (INFO, ...; NOLOAD for
						 * a non-ELF output) */
	bool noalloc_load;                      /* DSECT/COPY/INFO/OVERLAY type with allocated contents:
						 * bfd keeps SEC_LOAD, so it uses and moves its region */
	struct layout_osec *inherit;            /* orphan: the section bfd placed it by (its `after`) */
	bool regions_inherited;                 /* orphan: its regions taken from `inherit` */
	struct layout_osec *same_name;          /* next output section of the same name (orphans) */
	uint32_t bfd_type;                      /* bfd's ELF type for it once mapped, 0 for none */
	struct region *region_used;             /* where it was placed in the last pass */
	size_t overlay_index;                   /* OVERLAY member: 1 + position in the overlay */
	bool overlay_last;
	uint32_t vma_walk, lma_walk;            /* the walk that last placed it (GNU's processed_vma/lma) */
	struct layout_osec *overlay_first;
	VEC(struct pad) pads;                   /* gaps inside it, from the last pass */
	const struct fill_pattern *fill;        /* =fill */
	const struct name_list *phdrs;          /* :phdr list in force (own or inherited) */
};

/* A MEMORY region and where allocation in it has got to (GNU ld's lang_memory_region_type).
 * The "*default*" region (origin 0, no length limit) holds sections given no region. */
struct region {
	const char *name;
	const struct memory_region *desc;      /* NULL for *default* and undeclared regions */
	uint64_t origin, length;
	unsigned attrs, not_attrs;             /* MEM_* */
	uint64_t cur;                          /* GNU's region->current */
	struct layout_osec *last_os;           /* for the LMA of the next section using it */
	bool had_full_message;                 /* "will not fit": overflow reported at the end */
	bool is_default;
};

/* A gap inside an output section (alignment before an input section, or `.` moved): GNU ld's
 * padding statement, filled with the fill pattern in force there (NULL: the target's code
 * fill in code sections, else zeros). */
struct fill_pattern {
	const uint8_t *data;
	size_t size;
};
struct pad {
	uint64_t offset, size;
	const struct fill_pattern *fill;
};

/* One input section description, in script order: matching is first-rule-wins. */
struct rule {
	const struct input_section_desc *desc;
	struct layout_osec *lo;
	size_t item;                            /* index in lo->items */
	bool discard;
	bool in_relro;                          /* between DATA_SEGMENT_ALIGN and RELRO_END */
	bool sorted;                            /* a SORT* applies to some of its sections */
	/* sections its patterns name that another rule took (or its INPUT_SECTION_FLAGS refused):
	 * GNU ld's sort tree holds them all the same */
	VEC(struct input_section *) unplaced;
};

struct region_alias { const char *name; struct region *region; };
/* INSERT: the nodes before it move; `where': the statement they went after (bfd moves their
 * sections in its section list after that one's) */
struct insert_mark { size_t node_end; const struct stmt *st; struct layout_osec *where; };

/* A linker-defined __start_SEC / __stop_SEC / .startof.SEC / .sizeof.SEC symbol */
enum start_stop_kind { SS_START, SS_STOP, SS_STARTOF, SS_SIZEOF };
struct start_stop {
	struct symbol *sym;
	struct layout_osec *lo;
	enum start_stop_kind kind;
};

/* LN_DROPPED: an output section its ONLY_IF_RO/RW constraint dropped (st is its statement, lo
 * NULL); GNU ld still runs its symbol assignments, relative to *UND*.  LN_DISCARD: a /DISCARD/
 * statement (st; lo NULL): nothing is laid out, but like a dropped one it is an
 * output section statement bfd made no section for, which orphan placement sees. */
enum lnode_kind { LN_ASSIGN, LN_ASSERT, LN_OSEC, LN_DROPPED, LN_DISCARD };
struct lnode {
	enum lnode_kind kind;
	const struct stmt *st;
	struct layout_osec *lo;
	uint64_t dot_after;                     /* LN_ASSIGN to `.`: its value (reports) */
	uint32_t insert_walk;                   /* moved by INSERT: 1 + its place in the mapping
						 * walk, which reads INSERT scripts first */
	uint32_t insert_group;                  /* ... and 1 + which INSERT moved it */
};

/* GNU ld's DATA_SEGMENT_ALIGN / RELRO_END / END state machine */
enum seg_phase { SEG_NONE, SEG_ALIGN_SEEN, SEG_RELRO_SEEN, SEG_END_SEEN, SEG_ADJUST, SEG_RELRO_ADJUST, SEG_DONE };
struct dataseg {
	enum seg_phase phase;
	bool relro_started, relro_ended;
	uint64_t base, end, relro_end, relro_offset;
	uint64_t maxpagesize, commonpagesize, relropagesize;
};

struct name_map;
struct layout {
	struct layout_osec **section_list;       /* bfd's section list order, from the final pass */
	size_t section_list_n;
	struct ctx *ctx;
	struct name_map *by_name;               /* output sections by name, for orphans */
	VEC(struct lnode) nodes;
	size_t naming_node;                     /* the node mark_named_early is reading */
	VEC(struct rule) rules;
	size_t orphan_last[8];                  /* 1 + node index of the last orphan of each place */
	size_t orphan_events;                   /* orphan statements made, or statements an orphan
						 * made, so far */
	bool notes_grouped;                     /* the last orphan note joined other notes */
	struct layout_osec *place_os[8];        /* GNU ld's orphan_save os: where each place starts */
	const char *entry_name;                 /* ENTRY() of the script */
	struct dataseg seg;
	uint64_t phnum;                         /* program headers, for SIZEOF_HEADERS */
	VEC(struct region *) regions;           /* MEMORY regions in order */
	VEC(struct region_alias) region_aliases;
	VEC(struct start_stop) start_stops;
	VEC(struct insert_mark) inserts;
	/* statements their constraint dropped after an ADDR/LOADADDR before them made their
	 * section: GNU ld never strips it, so it stays, empty and without flags */
	VEC(struct layout_osec *) ghosts;
	struct region *default_region;
	unsigned sizing_iteration;              /* GNU ld's lang_sizing_iteration */
	bool bfd_sizing;                        /* this sizing is one GNU ld makes too */
	bool phnum_changed;                     /* ... as the program header count changed */
	bool headers_sized;                     /* a sizing pass read SIZEOF_HEADERS */
	bool refreshed;                         /* GNU ld ran the assignments on the last layout
						 * before this sizing */
	uint32_t walk_no;                       /* counts walks of the statements (DEFINED) */
	uint32_t first_sizing_walk;             /* walk_no of the first pass of GNU ld's sizing */
	bool no_region_reported;
	uint64_t maxpagesize, commonpagesize;
	VEC(bool) segment_used;                 /* per opt.section_starts: SEGMENT_START() asked */
	bool sizing_semantics;                  /* evaluating what only GNU ld's sizing decides */
	bool load_phdrs;                        /* SIZEOF_HEADERS was used: headers are loaded */
	bool relro_enabled;                     /* -z relro and some relro section exists */
	bool in_relro;                          /* walking between DATA_SEGMENT_ALIGN and RELRO_END */
	struct output_section *last_alloc;      /* previous allocated section, for LMAs */
	bool final_pass;
	bool forward_reported;
	/* evaluating an expression GNU ld folds only while sizing (a section's address, AT,
	 * ALIGN, SUBALIGN, an OVERLAY's start): a section that does not exist is no error there,
	 * SIZEOF and ALIGNOF of it are 0 */
	bool sizing_only;
	bool presizing;                         /* address.c presize: not a GNU ld pass */
	bool mark_phase;                        /* the walk that models GNU ld's mark-phase sizing */
	bool forward_check;                     /* evaluating AT, a section address or `. =`: ADDR and
						 * LOADADDR of sections not placed yet are invalid */
	bool missing_seen;                      /* an expression asked about a section that does not exist */
	bool changed;                           /* something moved in this pass */
	uint64_t relro_start, relro_end;        /* the PT_GNU_RELRO range, when relro */
	/* walk state */
	struct layout_osec *current_section;    /* last allocated output section walked */
	bool prefer_next_section;
	bool found_end;
	size_t node_index;
};

/* Is the section allocated in GNU ld's (bfd's) sense?  A section made only by the script (no
 * inputs, no data) has no bfd flags: it is in no segment and never "the current section",
 * even when its ELF flags (from its name) say SHF_ALLOC. */
static inline bool osec_bfd_alloc(const struct output_section *os)
{
	return (os->flags & SHF_ALLOC) &&
	       (os->has_inputs || (os->layout && (os->layout->has_data || os->layout->dot_alloc)));
}

/* the node of a ghost's statement (now LN_DROPPED), SIZE_MAX if none */
static inline size_t ghost_node(const struct layout *L, const struct layout_osec *g)
{
	for (size_t i = 0; i < L->nodes.n; i++)
		if (L->nodes.v[i].kind == LN_DROPPED && L->nodes.v[i].st && L->nodes.v[i].st->kind == ST_OUTPUT_SECTION &&
		    L->nodes.v[i].st->osec == g->desc)
			return i;
	return SIZE_MAX;
}

bool osec_bfd_readonly(const struct layout_osec *lo);

/* bfd's SEC_LOAD: an allocated input with contents or a data statement gives it (a DSECT/COPY/
 * INFO/OVERLAY section keeps only its inputs'), NOLOAD takes it away; a section whose
 * contents are all unallocated inputs has none */
static inline bool osec_bfd_load(const struct output_section *os)
{
	const struct layout_osec *lo = os->layout;
	if (!lo)
		return (os->flags & SHF_ALLOC) && os->type != SHT_NOBITS;
	return !os->noload && (lo->noalloc ? lo->noalloc_load : lo->inputs_load || lo->has_data);
}

/* bfd's SEC_LOAD for an allocated section with contents: an allocated input with contents or
 * a data statement gave it; `.` moving alone allocates without loading */
static inline bool osec_alloc_loaded(const struct output_section *os)
{
	return (os->flags & SHF_ALLOC) && os->type != SHT_NOBITS &&
	       (!os->layout || os->layout->inputs_load || os->layout->has_data);
}

/* sh_addralign as bfd writes it: the alignment, lowered to what the address (a script may
 * force any) is aligned to (bfd's elf_fake_sections) */
static inline uint64_t shdr_addralign(const struct output_section *os)
{
	uint64_t mask = (os->align ? os->align : 1) | os->addr;
	return mask & -mask;
}

void layout_map(struct ctx *ctx, struct layout *L);
/* an output section's inputs changed size after mapping: finish its mapping again */
void layout_refinish(struct layout *L, const struct output_section *os);
bool input_desc_matches(const struct input_section_desc *d, const struct input_section *isec);
/* the same without its INPUT_SECTION_FLAGS, as GNU ld's walk_wild matches (KEEP's marking,
 * ONLY_IF_RO/RW and relro checks): the flags only decide whether a rule takes a section */
bool input_desc_matches_any_flags(const struct input_section_desc *d, const struct input_section *isec);
void finish_osec(struct layout *L, struct layout_osec *lo);
/* Whether GNU ld has made the output section once inputs are mapped: an input (even an empty
 * one) or a statement in it (assignment, data, fill) made it, or an expression named it */
bool osec_made(const struct layout_osec *lo);
/* ... by the mapping walk itself, before any orphan joined it */
bool osec_made_by_walk(const struct layout_osec *lo);
/* The output sections an expression names in ADDR or LOADADDR: GNU ld makes them as soon as
 * it reads the expression (exp_init_os).  Those of a section's own address and AT (read when
 * bfd makes it; an overlay member after the first has ADDR(first)), and those of a statement
 * (assignment, assertion, data). */
typedef void (*section_ref_fn)(void *ud, const char *name);
void expr_section_refs(const struct expr *e, section_ref_fn fn, void *ud);
void osec_address_refs(const struct layout_osec *lo, section_ref_fn fn, void *ud);
void statement_section_refs(const struct stmt *st, section_ref_fn fn, void *ud);
void layout_declare_symbols(struct ctx *ctx, struct layout *L);
void layout_assign(struct ctx *ctx, struct layout *L);
void layout_segments(struct ctx *ctx, struct layout *L);
/* how many program headers the current layout needs (for SIZEOF_HEADERS) */
uint64_t segments_count(struct ctx *ctx, struct layout *L);
/* the first output section statement of that name (GNU ld's lang_output_section_find) */
struct layout_osec *layout_find_osec(struct layout *L, const char *name);
/* the output section statements in bfd's section list order (the section headers' order);
 * sets each one's list_pos */
struct layout_osec **layout_section_list(struct layout *L, size_t *count);
/* the first output section of the name bfd made (its bfd_get_section_by_name) */
struct output_section *layout_first_made(struct layout *L, const char *name);
/* bfd's first guess at that count, before any layout (get_program_header_size) */
uint64_t segments_estimate(struct ctx *ctx, struct layout *L);
size_t node_of(const struct layout *L, const struct layout_osec *lo);
struct region *region_find(struct layout *L, const char *name);
bool layout_special_type(const char *name, uint32_t *type);
bool layout_link_order(struct layout *L);
/* no PT_LOAD will hold the section (-r, or PHDRS naming none for it): a type its name has stays */
bool layout_no_load_segment(struct layout *L, const struct layout_osec *lo);
/* the entry size bfd gives a section of this ELF type (elf_fake_sections) */
uint64_t elf_type_entsize(const struct ctx *ctx, uint32_t type);
/* GNU ld's exp_get_fill: the pattern of a `=fill` or FILL() expression */
const struct fill_pattern *fill_from_expr(struct ctx *ctx, const struct expr *e, uint64_t value);
void regions_reset(struct layout *L);
/* give the __start_/__stop_/.startof./.sizeof. symbols their values (after each sizing) */
void start_stop_values(struct layout *L);

#endif
