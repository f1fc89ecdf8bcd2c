/* Demangling through libiberty, with the flags strace 6.1 passes (DMGL_AUTO | DMGL_PARAMS). */
#include "unwind/demangle.h"

#include <stddef.h>

#include "version.h"

#if HAVE_DEMANGLE
#include <libiberty/demangle.h>

char *symbol_demangle(const char *sym)
{
	return sym && sym[0] ? cplus_demangle(sym, DMGL_AUTO | DMGL_PARAMS) : NULL;
}
#else
char *symbol_demangle(const char *sym)
{
	(void)sym;
	return NULL;
}
#endif
