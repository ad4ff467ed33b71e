/* SHA-1 (FIPS 180-4) and MD5 (RFC 1321), one-shot and incremental, and GNU ld's build-id
 * checksum walk over an in-memory ELF image.
 *
 * ---- What GNU ld 2.40 hashes for --build-id=sha1 / --build-id=md5 ----
 * (ld/ldelf.c write_build_id -> ld/ldbuildid.c generate_build_id ->
 *  bfd/elfcode.h elf_checksum_contents, i.e. bfd_elf{32,64}_checksum_contents)
 *
 * write_build_id runs after the whole output file has been written (it is the
 * after_write_object_contents hook, called at the very end of _bfd_elf_write_object_contents,
 * after the section headers and ELF header).  At that point the .note.gnu.build-id input
 * section has never been written to the file (elf_link_input_bfd skips SEC_LINKER_CREATED
 * sections), so its bytes in the file are zero: the WHOLE note (namesz, descsz, type, "GNU"
 * and the descriptor) is hashed as zeros, even if its output section holds other notes too
 * (the kernel's .notes).  The same holds for a --package-metadata note (.note.package),
 * written only after the build-id (checked against ld.bfd).  The feed into one MD5/SHA-1 context is, in order:
 *
 *   1. The ELF header as written (Elf32_Ehdr 52 bytes / Elf64_Ehdr 64 bytes, target byte
 *      order) with e_phoff and e_shoff set to 0.  Everything else (e_shnum already reduced
 *      to 0 / e_shstrndx to SHN_XINDEX / e_phnum to PN_XNUM on overflow) as in the file.
 *   2. Each program header as written, e_phnum of them (the real count: sh_info of section
 *      header 0 when e_phnum == PN_XNUM), each e_phentsize = sizeof(Elf_Phdr) bytes.
 *   3. For each section header index 0 .. numsections-1 (the real count: sh_size of section
 *      header 0 when e_shnum == 0), in section-header-table order:
 *        a. the section header as written with sh_offset set to 0 (sh_name is already the
 *           .shstrtab offset; header 0 is hashed too);
 *        b. unless sh_type == SHT_NOBITS, sh_size bytes of contents, as in the file, IF the
 *           section has contents bfd can find at that point: either a BFD section backs it
 *           (every ordinary output section, alloc or not: .text, .dynsym, .dynstr,
 *           .rela.dyn, .comment, .debug_*, .note.*, ...) or its Elf_Internal_Shdr kept a
 *           contents buffer.  The sections ld writes without either are skipped (header
 *           only): .symtab (SHT_SYMTAB), .symtab_shndx (SHT_SYMTAB_SHNDX), and the
 *           non-SHF_ALLOC SHT_STRTAB sections .strtab and .shstrtab.  The relocation
 *           sections of -r / --emit-relocs output (no BFD section, but their headers keep
 *           the contents) ARE hashed, like .rela.dyn.
 *      No padding between sections, no gaps of the file, no section header table as a
 *      block: only the pieces above, in that order.
 *   4. The digest (20 bytes sha1, 16 bytes md5) becomes the note's descriptor; namesz=4,
 *      descsz, type NT_GNU_BUILD_ID (3) and "GNU\0" are filled in with it.
 *
 * For our little-endian output images, "as written" is just the bytes of the image, so
 * elf_checksum_contents() below works directly on the finished file image; the caller gives
 * the byte range of the build-id note (its input section: 16 + descsz bytes) to be hashed
 * as zeros.
 *
 * The other styles (ld/ldbuildid.c, ld/emultempl/elf.em): the note section is 16 + N bytes,
 * NOT padded to a multiple of 4 (0x010203 gives a 19-byte section, descsz 3), alignment 4.
 * uuid: N = 16 bytes read from /dev/urandom as they are (no RFC 4122 version bits).
 * "0x" (lowercase x only) followed by pairs of hex digits, with '-' and ':' allowed between
 * pairs (not inside one): those bytes.  --build-id alone means sha1, --build-id=none turns
 * it off, and any other style (foo, 0X12, 0x, 0x1-2) is only a warning, "unrecognized
 * --build-id style ignored", and the link goes on with no note (exit status 0).
 */
#ifndef SLINK_HASH_H
#define SLINK_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- one-shot ---- */
void sha1(const uint8_t *data, size_t len, uint8_t out[20]);
void md5(const uint8_t *data, size_t len, uint8_t out[16]);

/* ---- incremental: init, any number of updates, final (the context is then spent) ---- */
struct sha1_ctx {
	uint32_t h[5];
	uint64_t len;      /* bytes fed so far */
	uint8_t buf[64];
	size_t buflen;
};
void sha1_init(struct sha1_ctx *c);
void sha1_update(struct sha1_ctx *c, const void *data, size_t len);
void sha1_final(struct sha1_ctx *c, uint8_t out[20]);

struct md5_ctx {
	uint32_t h[4];
	uint64_t len;
	uint8_t buf[64];
	size_t buflen;
};
void md5_init(struct md5_ctx *c);
void md5_update(struct md5_ctx *c, const void *data, size_t len);
void md5_final(struct md5_ctx *c, uint8_t out[16]);

/* Adapters with the generic callback signature below (ctx is a struct sha1_ctx / md5_ctx). */
void sha1_update_cb(void *ctx, const void *p, size_t n);
void md5_update_cb(void *ctx, const void *p, size_t n);

/* ---- GNU ld's build-id checksum ---- */
typedef void (*hash_update_fn)(void *ctx, const void *p, size_t n);

/* Feed `update` exactly what bfd_elf_checksum_contents feeds (see above) for the ELF32 or
 * ELF64 little-endian image[0..size).  Returns false (having fed nothing or a prefix) if the
 * image is not such an ELF file or its headers lie outside it; section contents that lie
 * outside the image are skipped like bfd skips unreadable sections. */
bool elf_checksum_contents(const uint8_t *image, size_t size, hash_update_fn update, void *ctx);

/* The same, with image[zero_off .. zero_off+zero_len) fed as zeros wherever it is hashed
 * (pass the build-id note's file offset and 16 + descsz).  The image is not modified. */
bool elf_checksum_contents_zeroed(const uint8_t *image, size_t size, size_t zero_off, size_t zero_len,
				  hash_update_fn update, void *ctx);

/* GNU ld's build-id for style "sha1" (out: 20 bytes) or "md5" (out: 16 bytes) of a finished
 * image whose build-id note occupies image[note_off .. note_off+note_size).  Returns the
 * digest length, or 0 for another style or an unreadable image.  Does not write the note. */
size_t gnu_build_id_digest(const char *style, const uint8_t *image, size_t size, size_t note_off,
			   size_t note_size, uint8_t out[20]);

#endif
