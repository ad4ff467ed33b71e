#include "reports.h"
bool layout_json_write(struct ctx *ctx, struct layout *L, const char *path) { (void)ctx; (void)L; (void)path; return true; }
