/* Finding a target by -m emulation name or by the ELF machine of the first input. */
#include "target.h"

static const struct target *const targets[] = {
	&target_x86_64,
	&target_i386,
};

#define NTARGETS (sizeof(targets) / sizeof(targets[0]))

const struct target *target_by_emulation(const char *name)
{
	for (size_t i = 0; i < NTARGETS; i++)
		if (!strcmp(targets[i]->emulation, name))
			return targets[i];
	return NULL;
}

const struct target *target_by_machine(uint16_t machine, int elfclass)
{
	for (size_t i = 0; i < NTARGETS; i++)
		if (targets[i]->machine == machine && targets[i]->elfclass == elfclass)
			return targets[i];
	return NULL;
}
